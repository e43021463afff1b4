package dossier.analyse.award;

import dossier.analyse.RuleKeys;
import dossier.settings.ConfigReader;
import java.util.List;

/**
 * rules.md §6, from {@code dossier.rules.awards}.
 *
 * @param steedLabel 骏马奖
 * @param steedUnits how many units win the steed award (ties at the cut-off all win)
 * @param steedCadres how many cadres win it
 * @param snailLabel 蜗牛奖
 * @param snailUnits how many units get the snail award
 * @param snailWarningLevels the unit-level efficiency warnings (xn_yj level) that count as deductions
 * @param steedRule rule key of the steed block
 * @param snailRule rule key of the snail block
 */
public record AwardRules(String steedLabel, int steedUnits, int steedCadres, String snailLabel, int snailUnits,
    List<String> snailWarningLevels, String steedRule, String snailRule) {
  public AwardRules {
    snailWarningLevels = List.copyOf(snailWarningLevels);
  }

  public static AwardRules from(ConfigReader c) {
    ConfigReader steed = c.child("steed");
    ConfigReader snail = c.child("snail");
    return new AwardRules(steed.nonEmptyString("label"), steed.nonNegativeInt("units"), steed.nonNegativeInt("cadres"),
        snail.nonEmptyString("label"), snail.nonNegativeInt("units"), snail.strings("warning-levels"),
        RuleKeys.block(steed), RuleKeys.block(snail));
  }
}
