package dossier.analyse.score;

import dossier.analyse.AnalysedColumns;
import dossier.schema.TableSpec;

/**
 * {@code analysed/cadre_score}: a cadre's 12-month score S and the threshold line it reaches
 * (rules.md §2). Grain: one row per cadre × month-end, for every month-end up to
 * the as-of month at which the cadre has a score or a line in either view (a cadre × month-end
 * without a row has S = 0 and no line). The restated figures use the records as delivered by the
 * as-of month; the reported ones ({@code reported_*}) the records as delivered by that month-end,
 * which is what dated the triggers.
 */
public final class CadreScoreTable {
  public static final TableSpec SPEC = TableSpec.builder("cadre_score", "干部积分与触线",
          "one row per cadre × month-end with a score or a line")
      .key("person_key", "month")
      .column(AnalysedColumns.PERSON_KEY)
      .column("month", "月份", "string", "The month whose end the score is taken at (yyyy-MM).")
      .column(AnalysedColumns.unitCode("The cadre's unit at that month-end (null when not in post then)."))
      .column(AnalysedColumns.ROLE)
      .column("score", "积分", "decimal(9,2)",
          "S: sum of the points of the cadre's records dated in the window (the 12 months up to the month-end), "
              + "as delivered by the as-of month (restated).")
      .column("line", "触线等级", "string", "The strongest line reached (reminder, inquiry, admonishment) or none.")
      .column("line_label", "触线等级名称", "string", "提醒, 函询 or 诫勉; null when no line is reached.")
      .column("line_rank", "触线等级序号", "int", "0 none, 1 reminder, 2 inquiry, 3 admonishment (rules.conf lines.order).")
      .column("severe_records", "严重事项数", "int", "Severe records in the window.")
      .column("petition_findings", "信访查实数", "int", "Petitions in the window with a finding a line names (查实).")
      .column(AnalysedColumns.recordIds("record_ids", "计分事项",
          "The records in the window behind the score and line: points > 0, severe, or a named petition finding"))
      .column("reported_score", "当时积分", "decimal(9,2)",
          "S at that month-end from the records as delivered by that month-end (as reported then).")
      .column("reported_line", "当时触线等级", "string", "The line reached as reported at that month-end, or none.")
      .column("reported_line_rank", "当时触线等级序号", "int", "Its rank (0 none ... 3 admonishment).")
      .build();

  private CadreScoreTable() {}
}
