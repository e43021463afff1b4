package dossier.analyse.list;

import dossier.analyse.RuleKeys;
import dossier.analyse.grade.GradeRules;
import dossier.analyse.grade.GradeRules.Band;
import dossier.analyse.score.LineRules;
import dossier.analyse.score.LineRules.Line;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.util.ArrayList;
import java.util.List;

/**
 * rules.md §5, from {@code dossier.rules.lists}: the three lists, quarterly and yearly.
 *
 * @param excellent 优秀干部名单
 * @param talk 建议提醒谈话干部名单
 * @param adjust 建议组织调整的干部名单
 */
public record ListRules(Excellent excellent, Talk talk, Adjust adjust) {
  /** Grade {@code grade} and no record with points in the year. */
  public record Excellent(String label, Band grade, String ruleKey) {}

  /**
   * Grade {@code grade}, or one of {@code lines} reached, or at least {@code earlySignsAtLeast}
   * early signs in a quarter.
   */
  public record Talk(String label, Band grade, List<Line> lines, int earlySignsAtLeast, List<EarlySign> earlySigns,
      String ruleKey) {
    public Talk {
      lines = List.copyOf(lines);
      earlySigns = List.copyOf(earlySigns);
    }
  }

  /**
   * An early sign of a record: its {@code name} and the Spark SQL condition over the record's
   * columns (category, sub_category, attributes ...) that makes a record one.
   */
  public record EarlySign(String name, String when) {}

  /**
   * Grade {@code grade}, or {@code line} reached {@code lineTimes} times within
   * {@code withinMonths}, or (when {@code anySevere}) a severe record in the period.
   */
  public record Adjust(String label, Band grade, Line line, int lineTimes, int withinMonths, boolean anySevere,
      String ruleKey) {}

  public static ListRules from(ConfigReader c, LineRules lines, GradeRules grades) {
    ConfigReader excellent = c.child("excellent");
    ConfigReader talk = c.child("talk");
    ConfigReader adjust = c.child("adjust");
    return new ListRules(
        new Excellent(excellent.nonEmptyString("label"), band(excellent, grades), RuleKeys.block(excellent)),
        new Talk(talk.nonEmptyString("label"), band(talk, grades),
            talk.strings("lines").stream().map(code -> line(talk, "lines", code, lines)).toList(),
            talk.positiveInt("early-signs-at-least"), earlySigns(talk), RuleKeys.block(talk)),
        new Adjust(adjust.nonEmptyString("label"), band(adjust, grades),
            line(adjust, "line", adjust.nonEmptyString("line"), lines), adjust.positiveInt("line-times"),
            adjust.positiveInt("within-months"), adjust.bool("any-severe"), RuleKeys.block(adjust)));
  }

  private static Band band(ConfigReader c, GradeRules grades) {
    String grade = c.nonEmptyString("grade");
    return grades.bands().stream().filter(b -> b.grade().equals(grade)).findFirst().orElseThrow(() ->
        SettingsException.badValue(c.key("grade"), grade, "must be a grade of dossier.rules.grades.bands"));
  }

  private static Line line(ConfigReader c, String key, String code, LineRules lines) {
    return lines.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow(() ->
        SettingsException.badValue(c.key(key), code, "must be a line of dossier.rules.lines.order"));
  }

  private static List<EarlySign> earlySigns(ConfigReader c) {
    List<? extends com.typesafe.config.Config> list = c.raw().getConfigList("early-signs");
    List<EarlySign> signs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigReader sign = ConfigReader.of(list.get(i), c.key("early-signs") + "[" + i + "]");
      signs.add(new EarlySign(sign.nonEmptyString("name"), sign.nonEmptyString("when")));
    }
    if (signs.isEmpty()) {
      throw SettingsException.badValue(c.key("early-signs"), "[]", "must name at least one kind of early sign");
    }
    return signs;
  }
}
