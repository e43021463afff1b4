package dossier.analyse.warning;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.schema.TableSpec;

/**
 * {@code analysed/unit_warning}: proportion-based unit warnings (rules.md §3). Grain: one row per
 * unit × month, for every month up to the as-of month in which the unit had a cadre, a record or a
 * unit efficiency warning in its window, restated by every later as-of month; the row of month M
 * as the run of M reported it is in {@code unit_warning_reported}. Over the window (the 12 months up
 * to the month-end): n cadres in the unit, m of them with a record with points &gt; 0 while in the
 * unit, p = m / n, s severe records. The level is the strongest that any condition reaches: share p
 * (not judged when n is below the small-unit size), severe records, any sanction, and a
 * unit-level efficiency warning raising the unit at least to its configured level.
 */
public final class UnitWarningTable {
  public static final String NONE = "none";

  public static final TableSpec SPEC = TableSpec.builder("unit_warning", "单位预警",
          "one row per unit × month")
      .key("unit_code", "month")
      .column(AnalysedColumns.unitCode("The unit warned."))
      .column("unit_name", "单位名称", "string", "The unit's name at the month-end (null when not in the register then).")
      .column("unit_type", "单位类别", "string", "镇街, 园区, 部门 or 事业单位 at the month-end.")
      .column("month", "月份", "string", "The month whose end the warning is judged at (yyyy-MM).")
      .column("window_start", "窗口开始日期", "date", "First day of the window (12 months up to the month-end).")
      .column("window_end", "窗口结束日期", "date", "Last day of the window: the month-end.")
      .column("cadres", "干部数(n)", "int", "n: cadres who were in the unit at some time in the window (unit history).")
      .column("cadres_with_points", "涉及干部数(m)", "int",
          "m: of them, cadres with at least one record with points > 0 dated in the window while in the unit.")
      .column("share", "涉及比例(p)", "decimal(5,4)", "p = m / n, rounded to 4 places; null when n = 0.")
      .column("severe_records", "严重事项数(s)", "int", "s: severe records of the unit's cadres dated in the window.")
      .column("sanctions", "处分数", "int", "Sanction records (category sanction) of the unit dated in the window.")
      .column("efficiency_warnings", "单位效能预警数", "int",
          "Efficiency warnings on the unit itself (xn_yj 单位) issued in the window at a level that raises warnings.")
      .column("small_unit", "是否小单位", "boolean", "n is below the small-unit size: p is not judged.")
      .column("level", "预警等级", "string", "red, orange, yellow or none.")
      .column("level_label", "预警等级名称", "string", "红色预警, 橙色预警, 黄色预警; null for none.")
      .column("level_rank", "预警等级序号", "int", "0 none, 1 yellow, 2 orange, 3 red (rules.conf unit-warnings.order).")
      .column(Reasons.column("reasons", "预警原因", "The conditions that held, each at the strongest level it reaches "
          + "(e.g. p = 3/9 = 33.3% ≥ 30%), the efficiency raise, and the small-unit rule when it applies."))
      .column(AnalysedColumns.recordIds("member_record_ids", "涉及事项", "The records behind m"))
      .column(AnalysedColumns.recordIds("severe_record_ids", "严重事项", "The records behind s"))
      .column(AnalysedColumns.recordIds("sanction_record_ids", "处分事项", "The sanction records in the window"))
      .column("efficiency_warning_nos", "效能预警编号", "array<string>",
          "The unit efficiency warnings counted (xn_yj warning_no, sorted).")
      .build();

  private UnitWarningTable() {}
}
