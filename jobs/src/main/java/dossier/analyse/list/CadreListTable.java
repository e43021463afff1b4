package dossier.analyse.list;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.schema.TableSpec;

/**
 * {@code analysed/cadre_list}: the three lists of rules.md §5. Grain: one row per period
 * (every quarter and year that has ended by the as-of month) × list × cadre on it.
 * <ul>
 *   <li><b>excellent</b> 优秀干部名单: the grade named by rules.conf and no record with points in the
 *       year, from its start to the period's end;
 *   <li><b>talk</b> 建议提醒谈话: the grade named, or a named line (restated) reached at a month-end
 *       of the period, or at least the configured number of early signs in one quarter of the period;
 *   <li><b>adjust</b> 建议组织调整: the grade named, or the named line risen to (restated) the
 *       configured number of times within the configured months up to the period's end, or a
 *       severe record in the period.
 * </ul>
 * The grade is the cadre_grade of the previous year for a quarterly list (the latest graded when
 * the quarter ends) and of the year itself for a yearly list.
 */
public final class CadreListTable {
  public static final String EXCELLENT = "excellent";
  public static final String TALK = "talk";
  public static final String ADJUST = "adjust";

  public static final TableSpec SPEC = TableSpec.builder("cadre_list", "干部名单",
          "one row per period × list × cadre")
      .key("period", "list", "person_key")
      .column("period_type", "周期类型", "string", "quarter or year.")
      .column("period", "周期", "string", "2024-Q2 or 2024.")
      .column("period_start", "周期开始日期", "date", "First day of the period.")
      .column("period_end", "周期结束日期", "date", "Last day of the period.")
      .column("list", "名单", "string", "excellent, talk or adjust.")
      .column("list_label", "名单名称", "string", "优秀干部名单, 建议提醒谈话干部名单 or 建议组织调整的干部名单.")
      .column(AnalysedColumns.PERSON_KEY)
      .column(AnalysedColumns.unitCode("The cadre's unit at the period's end (null when no longer in post)."))
      .column(AnalysedColumns.ROLE)
      .column(Reasons.column("reasons", "列入原因", "Why the cadre is on the list: every condition that held."))
      .column(AnalysedColumns.recordIds("evidence_record_ids", "依据事项", "The records behind the reasons"))
      .build();

  private CadreListTable() {}
}
