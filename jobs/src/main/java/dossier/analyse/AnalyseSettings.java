package dossier.analyse;

import com.typesafe.config.Config;
import dossier.analyse.award.AwardRules;
import dossier.analyse.grade.GradeRules;
import dossier.analyse.list.ListRules;
import dossier.analyse.score.LineRules;
import dossier.analyse.warning.WarningRules;
import dossier.settings.ConfigReader;

/**
 * The analysis rules of rules.md §2–6, parsed once from {@code dossier.rules} and validated
 * (a bad value fails at start, naming its key). The points of §1 belong to conform.
 */
public record AnalyseSettings(LineRules lines, WarningRules warnings, GradeRules grades, ListRules lists,
    AwardRules awards) {

  public static AnalyseSettings from(Config config) {
    ConfigReader rules = ConfigReader.at(config, RuleKeys.ROOT);
    LineRules lines = LineRules.from(rules.child("lines"));
    WarningRules warnings = WarningRules.from(rules.child("unit-warnings"));
    GradeRules grades = GradeRules.from(rules.child("grades"), warnings);
    return new AnalyseSettings(lines, warnings, grades, ListRules.from(rules.child("lists"), lines, grades),
        AwardRules.from(rules.child("awards")));
  }
}
