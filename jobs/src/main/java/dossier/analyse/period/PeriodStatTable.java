package dossier.analyse.period;

import dossier.analyse.AnalysedColumns;
import dossier.schema.TableSpec;

/**
 * {@code analysed/period_stat}: the periodic statistics of rules.md §7 (monthly briefing,
 * quarterly report, annual data report). Grain: one row per unit × period (month, quarter and
 * year) × category, for every period up to the as-of month that holds a record. Figures count the
 * records as delivered by the as-of month: the table holds the restated figures of every period as
 * of the latest as-of month analysed, and {@code period_stat_reported} the periods each run
 * reported, as reported then ({@link dossier.analyse.ReportedPeriods}).
 */
public final class PeriodStatTable {
  /** The {@code category} of the rows that total every category (persons are not additive). */
  public static final String ALL_CATEGORIES = "all";

  public static final TableSpec SPEC = TableSpec.builder("period_stat", "分期统计",
          "one row per unit × period (month, quarter, year) × category")
      .key("unit_code", "period_type", "period", "category")
      .column(AnalysedColumns.unitCode("The unit the records are attributed to: the cadre's unit on the event date "
          + "(null when conform could not place the cadre in a unit)."))
      .column("period_type", "统计周期类型", "string", "month, quarter or year.")
      .column("period", "统计周期", "string", "The period: 2024-03 (month), 2024-Q1 (quarter) or 2024 (year).")
      .column("period_start", "周期开始日期", "date", "First day of the period.")
      .column("period_end", "周期结束日期", "date", "Last day of the period.")
      .column("complete", "周期是否完整", "boolean",
          "True when the period ended by the as-of month's end; false for the quarter or year still running.")
      .column("category", "事项类别", "string", "Record category code (see architecture.md, e.g. sanction, petition), "
          + "or 'all' for every category together.")
      .column("records", "事项数", "bigint", "Records (matters) dated in the period, revoked ones excluded.")
      .column("scored_records", "计分事项数", "bigint", "Of them, records with points > 0 (negative records).")
      .column("severe_records", "严重事项数", "bigint", "Of them, severe records (rules.md §1).")
      .column("persons", "涉及人数", "bigint", "Distinct cadres with at least one of the records.")
      .column("scored_persons", "计分涉及人数", "bigint", "Distinct cadres with at least one record with points > 0.")
      .column("points", "分值合计", "decimal(14,2)", "Sum of the records' points (rules.md §1).")
      .build();

  private PeriodStatTable() {}
}
