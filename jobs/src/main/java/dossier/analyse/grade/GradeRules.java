package dossier.analyse.grade;

import dossier.analyse.RuleKeys;
import dossier.analyse.warning.WarningRules;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * rules.md §4, from {@code dossier.rules.grades}.
 *
 * @param cadreWeights "5+1": zzb_kh factor column -> weight
 * @param pointsFactor the cadre's +1 factor deducts this many times the year's points ...
 * @param deductionCap ... at most this much
 * @param teamWeights "4+1": zzb_bzkh factor column -> weight
 * @param warningDeduction the team's +1 factor deducts this for the highest unit warning of the
 *     year, by warning level code
 * @param shortfallFactor ... and (100 − party-building score) × this
 * @param bands the four grades, best first, with their shares of a cohort
 * @param vetoes grades imposed whatever the rank
 * @param teamRuleKey rule key of the team block ({@code grades.team})
 */
public record GradeRules(Map<String, BigDecimal> cadreWeights, BigDecimal pointsFactor, BigDecimal deductionCap,
    Map<String, BigDecimal> teamWeights, Map<String, BigDecimal> warningDeduction, BigDecimal shortfallFactor,
    List<Band> bands, Vetoes vetoes, String teamRuleKey) {
  public GradeRules {
    // Sorted, so that factor lists come out in one stable order.
    cadreWeights = Collections.unmodifiableSortedMap(new TreeMap<>(cadreWeights));
    teamWeights = Collections.unmodifiableSortedMap(new TreeMap<>(teamWeights));
    warningDeduction = Collections.unmodifiableSortedMap(new TreeMap<>(warningDeduction));
    bands = List.copyOf(bands);
  }

  /**
   * One grade band.
   *
   * @param grade the grade's code as rules.md writes it (好, 较好, 一般, 较差)
   * @param rank 1 for the best grade
   * @param cumulativeShare the share of the cohort in this band and every better one (1 for the last)
   */
  public record Band(String grade, int rank, BigDecimal cumulativeShare) {}

  /**
   * @param sanctionCapsAt any sanction in the year caps a cadre at this grade
   * @param severeMakes a severe record in the year makes this grade
   * @param unfitAssessment the zzb_kh grade that is "unfit" (不称职) ...
   * @param unfitMakes ... and the grade it makes
   * @param ruleKey rule key of the vetoes block
   */
  public record Vetoes(Band sanctionCapsAt, Band severeMakes, String unfitAssessment, Band unfitMakes, String ruleKey) {
    public String rule(String veto) {
      return ruleKey + "." + veto;
    }
  }

  public static GradeRules from(ConfigReader c, WarningRules warnings) {
    ConfigReader cadre = c.child("cadre");
    ConfigReader team = c.child("team");
    Map<String, BigDecimal> warningDeduction = RuleKeys.decimals(team, "warning-deduction");
    warningDeduction.keySet().stream().filter(level -> warnings.levels().stream().noneMatch(l -> l.code().equals(level)))
        .findFirst().ifPresent(level -> {
          throw SettingsException.badValue(team.key("warning-deduction"), level, "is not a unit warning level");
        });
    List<Band> bands = bands(c);
    return new GradeRules(weights(cadre, CadreGradeTable.FACTORS), RuleKeys.nonNegativeDecimal(cadre, "points-factor"),
        RuleKeys.nonNegativeDecimal(cadre, "deduction-cap"), weights(team, TeamGradeTable.FACTORS), warningDeduction,
        RuleKeys.nonNegativeDecimal(team, "party-building-shortfall-factor"), bands, vetoes(c.child("vetoes"), bands),
        RuleKeys.block(team));
  }

  private static Map<String, BigDecimal> weights(ConfigReader c, List<String> factors) {
    Map<String, BigDecimal> weights = RuleKeys.decimals(c, "weights");
    weights.keySet().stream().filter(f -> !factors.contains(f)).findFirst().ifPresent(f -> {
      throw SettingsException.badValue(c.key("weights") + "." + f, weights.get(f), "is not a factor: one of " + factors);
    });
    BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.compareTo(BigDecimal.ONE) != 0) {
      throw SettingsException.badValue(c.key("weights"), weights, "weights must sum to 1 (they sum to " + sum + ")");
    }
    return weights;
  }

  private static List<Band> bands(ConfigReader c) {
    List<? extends com.typesafe.config.Config> list = c.raw().getConfigList("bands");
    List<Band> bands = new ArrayList<>();
    BigDecimal cumulative = BigDecimal.ZERO;
    for (int i = 0; i < list.size(); i++) {
      ConfigReader band = ConfigReader.of(list.get(i), c.key("bands") + "[" + i + "]");
      cumulative = cumulative.add(RuleKeys.share(band, "share"));
      bands.add(new Band(band.nonEmptyString("grade"), i + 1, cumulative));
    }
    if (bands.isEmpty() || cumulative.compareTo(BigDecimal.ONE) != 0) {
      throw SettingsException.badValue(c.key("bands"), cumulative, "the bands' shares must sum to 1");
    }
    if (bands.stream().map(Band::grade).distinct().count() != bands.size()) {
      throw SettingsException.badValue(c.key("bands"), bands.stream().map(Band::grade).toList(), "grades must be distinct");
    }
    return bands;
  }

  private static Vetoes vetoes(ConfigReader c, List<Band> bands) {
    return new Vetoes(band(c, "sanction-caps-at", bands), band(c, "severe-makes", bands),
        c.nonEmptyString("unfit-assessment"), band(c, "unfit-assessment-makes", bands), RuleKeys.block(c));
  }

  private static Band band(ConfigReader c, String key, List<Band> bands) {
    String grade = c.nonEmptyString(key);
    return bands.stream().filter(b -> b.grade().equals(grade)).findFirst().orElseThrow(() ->
        SettingsException.badValue(c.key(key), grade, "must be one of " + bands.stream().map(Band::grade).toList()));
  }

  /** A rule key below the team block, e.g. {@code grades.team.warning-deduction.red}. */
  public String teamRule(String key) {
    return teamRuleKey + "." + key;
  }

  public Band band(String grade) {
    return bands.stream().filter(b -> b.grade().equals(grade)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no grade '" + grade + "'"));
  }
}
