package dossier.analyse.warning;

import dossier.analyse.RuleKeys;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * rules.md §3, from {@code dossier.rules.unit-warnings}.
 *
 * @param windowMonths n, m, s, sanctions and unit efficiency warnings are counted over this many
 *     months up to the month-end
 * @param levels the levels in the order of {@code unit-warnings.order}, weakest first; a level's
 *     rank is its position from 1 (0 = no warning)
 * @param smallUnitBelow units with fewer cadres (n) are not judged on the share p
 * @param efficiencyRaises unit-level efficiency warning levels (xn_yj {@code level}) and the
 *     warning level each raises the unit to at least
 * @param smallUnitRule the rule key of the small-unit rule
 */
public record WarningRules(int windowMonths, List<Level> levels, int smallUnitBelow,
    List<EfficiencyRaise> efficiencyRaises, String smallUnitRule) {
  public WarningRules {
    levels = List.copyOf(levels);
    efficiencyRaises = List.copyOf(efficiencyRaises);
  }

  /**
   * One warning level; its conditions are alternatives.
   *
   * @param code English code (yellow, orange, red), the config block name
   * @param label Chinese label (黄色预警 ...)
   * @param rank 1 for the weakest
   * @param shareAtLeast reached when p = m / n is at least this (not for small units)
   * @param severeAtLeast reached when s is at least this
   * @param anySanction reached when the unit has any sanction record in the window
   * @param ruleKey rule key of the level's block, e.g. {@code unit-warnings.red}
   */
  public record Level(String code, String label, int rank, Optional<BigDecimal> shareAtLeast,
      Optional<Integer> severeAtLeast, boolean anySanction, String ruleKey) {
    public String rule(String criterion) {
      return ruleKey + "." + criterion;
    }
  }

  /**
   * @param warningLevel the xn_yj level on a unit (扣分预警, 联合预警)
   * @param level the warning level it raises the unit to at least
   * @param rule its rule key, e.g. {@code unit-warnings.efficiency-raises.扣分预警}
   */
  public record EfficiencyRaise(String warningLevel, Level level, String rule) {}

  public static WarningRules from(ConfigReader c) {
    List<Level> levels = new ArrayList<>();
    for (Map.Entry<String, ConfigReader> block : RuleKeys.orderedBlocks(c, "order").entrySet()) {
      levels.add(level(block.getKey(), block.getValue(), levels.size() + 1));
    }
    List<EfficiencyRaise> raises = new ArrayList<>();
    RuleKeys.strings(c, "efficiency-raises").forEach((warningLevel, levelCode) -> raises.add(new EfficiencyRaise(
        warningLevel,
        levels.stream().filter(l -> l.code().equals(levelCode)).findFirst().orElseThrow(() -> SettingsException.badValue(
            c.key("efficiency-raises") + "." + warningLevel, levelCode, "must be one of " + c.strings("order"))),
        RuleKeys.rule(c, "efficiency-raises") + "." + warningLevel)));
    return new WarningRules(c.positiveInt("window-months"), levels, c.nonNegativeInt("small-unit-below"), raises,
        RuleKeys.rule(c, "small-unit-below"));
  }

  private static Level level(String code, ConfigReader c, int rank) {
    Optional<BigDecimal> share = c.has("share-at-least") ? Optional.of(RuleKeys.share(c, "share-at-least")) : Optional.empty();
    Optional<Integer> severe = c.has("severe-at-least") ? Optional.of(c.positiveInt("severe-at-least")) : Optional.empty();
    boolean anySanction = c.has("any-sanction") && c.bool("any-sanction");
    if (share.isEmpty() && severe.isEmpty() && !anySanction) {
      throw new SettingsException(c.key("share-at-least") + " is missing: level '" + code + "' needs a condition");
    }
    return new Level(code, c.nonEmptyString("label"), rank, share, severe, anySanction, RuleKeys.block(c));
  }

  /** The levels strongest first. */
  public List<Level> reversedLevels() {
    List<Level> reversed = new ArrayList<>(levels);
    java.util.Collections.reverse(reversed);
    return reversed;
  }

  public Level level(String code) {
    return levels.stream().filter(l -> l.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no warning level '" + code + "'"));
  }
}
