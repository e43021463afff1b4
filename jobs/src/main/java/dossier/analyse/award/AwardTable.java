package dossier.analyse.award;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.schema.TableSpec;

/**
 * {@code analysed/award}: the yearly awards of rules.md §6. Grain: one row per year × award ×
 * subject, for every year graded as of the as-of month (restated; the slices in
 * {@code award_reported} keep what each run reported, see {@link dossier.analyse.ReportedPeriods}).
 * <ul>
 *   <li><b>steed</b> 骏马奖: the top units by team composite and the top cadres by cadre composite
 *       (both cohorts together), among those with no record with points in the year; the
 *       configured numbers, ties at the cut-off all included;
 *   <li><b>snail</b> 蜗牛奖: the units with the most unit-level efficiency deductions (xn_yj on the
 *       unit at the configured levels) issued in the year, then the most deducted points (扣分);
 *       the configured number, ties at the cut-off all included.
 * </ul>
 */
public final class AwardTable {
  public static final String STEED = "steed";
  public static final String SNAIL = "snail";
  public static final String UNIT = "unit";
  public static final String CADRE = "cadre";

  public static final TableSpec SPEC = TableSpec.builder("award", "骏马奖与蜗牛奖",
          "one row per year × award × subject (unit or cadre)")
      .key("year", "award", "subject_type", "unit_code", "person_key")
      .column(AnalysedColumns.YEAR)
      .column("award", "奖项", "string", "steed or snail.")
      .column("award_label", "奖项名称", "string", "骏马奖 or 蜗牛奖.")
      .column("subject_type", "对象类型", "string", "unit or cadre.")
      .column(AnalysedColumns.unitCode("The unit awarded, or the cadre's unit at the year's end."))
      .column(AnalysedColumns.PERSON_KEY.name(), "人员标识", AnalysedColumns.PERSON_KEY.type().simpleString(),
          "The cadre awarded (person_key); null for a unit.")
      .column("rank", "名次", "int", "Rank among the eligible subjects of the year and award, ties sharing the better rank.")
      .column(Reasons.column("reasons", "获奖原因", "The figures the award rests on."))
      .column("evidence_ids", "依据编号", "array<string>",
          "snail: the efficiency warnings counted (xn_yj warning_no); steed: empty (the grade rows hold the figures).")
      .build();

  private AwardTable() {}
}
