package dossier.publish;

import dossier.analyse.AnalysedTables;
import dossier.analyse.award.AwardTable;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.warning.UnitWarningTable;
import dossier.lake.Lake.Zone;
import dossier.schema.ColumnDoc;
import dossier.schema.CuratedTable;
import dossier.schema.TableSpec;

/**
 * The open zone ({@code curated/open/}): aggregates only, for BI analysts and open reports. No
 * names, no ID numbers, no record ids; a figure computed from too few persons is suppressed. Each
 * period table is restated ({@code unit_warning}: the current figures of every period) and has the
 * slices the publish runs reported beside it ({@code unit_warning_reported/as_of_month=M/}).
 */
final class OpenTables {
  static final ColumnDoc UNIT_NAME = ColumnDoc.of("unit_name", "单位名称", "string",
      "The unit's name on the period's last day (null when the register did not hold the unit then).");
  static final ColumnDoc UNIT_TYPE = ColumnDoc.of("unit_type", "单位类别", "string",
      "镇街, 园区, 部门 or 事业单位 on the period's last day.");

  /** {@code dim_unit}: the unit register with its history. Grain: one row per unit × validity interval. */
  static final CuratedTable DIM_UNIT = CuratedTable.current(Zone.OPEN,
      TableSpec.builder("dim_unit", "单位维表", "one row per unit × validity interval")
          .key("unit_code", "valid_from")
          .column("unit_code", "单位代码", "string", "The unit's code in the register (zzb_unit).")
          .column("unit_name", "单位名称", "string", "Its name in the interval.")
          .column("unit_type", "单位类别", "string", "镇街, 园区, 部门 or 事业单位.")
          .column("valid_from", "起始日期", "date",
              "First day of the interval (inclusive); null = since before the first register snapshot.")
          .column("valid_to", "截止日期", "date", "First day after the interval (exclusive); null = still open.")
          .column("is_current", "是否当前", "boolean", "True for the interval still open (valid_to null).")
          .build());

  /**
   * {@code agg_unit_period}: analysed period_stat with the unit's name, small cells suppressed.
   * Grain: one row per unit × period (month, quarter, year) × category.
   */
  static final CuratedTable AGG_UNIT_PERIOD = CuratedTable.restated(Zone.OPEN, DerivedSpec.of(PeriodStatTable.SPEC)
      .after("unit_code", UNIT_NAME, UNIT_TYPE)
      .replace("records", CuratedColumns::suppressible)
      .replace("scored_records", CuratedColumns::suppressible)
      .replace("severe_records", CuratedColumns::suppressible)
      .replace("persons", CuratedColumns::suppressible)
      .replace("scored_persons", CuratedColumns::suppressible)
      .replace("points", CuratedColumns::suppressible)
      .append(CuratedColumns.SUPPRESSED_FLAG)
      .build("agg_unit_period", "单位分期统计"));
  static final CuratedTable AGG_UNIT_PERIOD_REPORTED = AGG_UNIT_PERIOD.reported(
      AnalysedTables.PERIOD_STAT.reportedPeriods().rows());

  /**
   * {@code unit_warning}: analysed unit_warning without record ids, reasons as texts, small cells
   * suppressed. Grain: one row per unit × month.
   */
  static final CuratedTable UNIT_WARNING = CuratedTable.restated(Zone.OPEN, DerivedSpec.of(UnitWarningTable.SPEC)
      .without("member_record_ids", "severe_record_ids", "sanction_record_ids")
      .replace("cadres_with_points", CuratedColumns::suppressible)
      .replace("share", CuratedColumns::suppressible)
      .replace("severe_records", CuratedColumns::suppressible)
      .replace("sanctions", CuratedColumns::suppressible)
      .replace("reasons", CuratedColumns::reasonTexts)
      .append(CuratedColumns.SUPPRESSED_FLAG)
      .build());
  static final CuratedTable UNIT_WARNING_REPORTED = UNIT_WARNING.reported(
      AnalysedTables.UNIT_WARNING.reportedPeriods().rows());

  /** {@code team_grade}: analysed team_grade, reasons as texts. Grain: one row per year × unit. */
  static final CuratedTable TEAM_GRADE = CuratedTable.restated(Zone.OPEN, DerivedSpec.of(TeamGradeTable.SPEC)
      .replace("reasons", CuratedColumns::reasonTexts)
      .build());
  static final CuratedTable TEAM_GRADE_REPORTED = TEAM_GRADE.reported(
      AnalysedTables.TEAM_GRADE.reportedPeriods().rows());

  /**
   * {@code award}: analysed award, reasons as texts; a cadre awarded is named by person_key only.
   * Grain: one row per year × award × subject.
   */
  static final CuratedTable AWARD = CuratedTable.restated(Zone.OPEN, DerivedSpec.of(AwardTable.SPEC)
      .replace("reasons", CuratedColumns::reasonTexts)
      .build());
  static final CuratedTable AWARD_REPORTED = AWARD.reported(AnalysedTables.AWARD.reportedPeriods().rows());

  private OpenTables() {}
}
