package dossier.analyse.score;

import dossier.analyse.RuleKeys;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * rules.md §2, from {@code dossier.rules.lines}: the cadre's score window and the threshold
 * lines, weakest first.
 *
 * @param windowMonths the score S sums the points of records dated in this many months up to a month-end
 * @param lines the lines in the order of {@code lines.order}, weakest first; a line's rank is its
 *     position from 1 (0 means no line)
 * @param overdueAfterDays an open trigger older than this many days (strictly) is overdue
 */
public record LineRules(int windowMonths, List<Line> lines, int overdueAfterDays) {
  public LineRules {
    lines = List.copyOf(lines);
  }

  /**
   * One threshold line.
   *
   * @param code English code, the config block name (reminder, inquiry, admonishment)
   * @param label Chinese label (提醒, 函询, 诫勉); also the zzb_txhx {@code kind} of the action answering it
   * @param rank 1 for the weakest line
   * @param scoreAtLeast reached when S is at least this
   * @param petitionFindings reached when a petition in the window has one of these findings
   * @param anySevere reached when any severe record is in the window
   * @param ruleKey the rule key of the line's block, e.g. {@code lines.inquiry}
   */
  public record Line(String code, String label, int rank, Optional<BigDecimal> scoreAtLeast,
      List<String> petitionFindings, boolean anySevere, String ruleKey) {
    public Line {
      petitionFindings = List.copyOf(petitionFindings);
    }

    public String rule(String criterion) {
      return ruleKey + "." + criterion;
    }
  }

  public static LineRules from(ConfigReader c) {
    List<Line> lines = new ArrayList<>();
    for (Map.Entry<String, ConfigReader> block : RuleKeys.orderedBlocks(c, "order").entrySet()) {
      lines.add(line(block.getKey(), block.getValue(), lines.size() + 1));
    }
    if (lines.stream().map(Line::label).distinct().count() != lines.size()) {
      throw SettingsException.badValue(c.key("order"), c.strings("order"), "lines need distinct labels");
    }
    return new LineRules(c.positiveInt("window-months"), lines, c.nonNegativeInt("overdue-after-days"));
  }

  private static Line line(String code, ConfigReader c, int rank) {
    Optional<BigDecimal> score = c.has("score-at-least")
        ? Optional.of(RuleKeys.nonNegativeDecimal(c, "score-at-least")) : Optional.empty();
    List<String> findings = c.has("or-petition-findings") ? c.strings("or-petition-findings") : List.of();
    boolean anySevere = c.has("or-any-severe") && c.bool("or-any-severe");
    if (score.isEmpty() && findings.isEmpty() && !anySevere) {
      throw new SettingsException(c.key("score-at-least") + " is missing: line '" + code + "' needs a condition");
    }
    return new Line(code, c.nonEmptyString("label"), rank, score, findings, anySevere, RuleKeys.block(c));
  }

  public Line line(String code) {
    return lines.stream().filter(l -> l.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no line '" + code + "'"));
  }

  public Line strongest() {
    return lines.get(lines.size() - 1);
  }
}
