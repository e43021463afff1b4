package dossier.analyse.grade;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.schema.TableSpec;
import java.util.List;

/**
 * {@code analysed/team_grade}: the "4+1" grades of units' leadership teams (rules.md §4). Grain:
 * one row per year × unit, for every year that has ended by the as-of month and has
 * team assessments (zzb_bzkh) delivered, and every unit in the register on the year's last day.
 * The four factors are the zzb_bzkh scores, graded on what exists; the +1 factor deducts the
 * configured amount for the unit's highest warning of the year (from unit_warning of the same
 * run) and the party-building shortfall (100 − dj_kh score) × factor, using the year's dj_kh
 * assessment, else the mean of its quarterly ones. All teams form one cohort, banded as
 * {@link Banding} defines.
 */
public final class TeamGradeTable {
  /** The zzb_bzkh factor columns (the "4"). */
  public static final List<String> FACTORS = List.of("score_political", "score_leadership", "score_results",
      "score_integrity");
  /** The cohort of every team. */
  public static final String COHORT = "班子";
  /** Named in missing_factors when no party-building score exists for the year. */
  public static final String PARTY_BUILDING = "party_building_score";

  public static final TableSpec SPEC = TableSpec.builder("team_grade", "班子等次(4+1)",
          "one row per year × unit in the register at the year's end")
      .key("year", "unit_code")
      .column(AnalysedColumns.YEAR)
      .column(AnalysedColumns.unitCode("The unit whose team is graded."))
      .column("unit_name", "单位名称", "string", "The unit's name on the year's last day.")
      .column("unit_type", "单位类别", "string", "镇街, 园区, 部门 or 事业单位.")
      .column("score_political", "政治思想建设", Factors.SCORE_TYPE, "Political factor score 0–100 (zzb_bzkh); null when missing.")
      .column("score_leadership", "领导能力", Factors.SCORE_TYPE, "Leadership factor score; null when missing.")
      .column("score_results", "工作实绩", Factors.SCORE_TYPE, "Results factor score; null when missing.")
      .column("score_integrity", "党风廉政建设", Factors.SCORE_TYPE, "Integrity factor score; null when missing.")
      .column("missing_factors", "缺失因素", "array<string>",
          "Weighted factors without a score, and party_building_score when dj_kh has none for the year.")
      .column("factors_missing", "是否缺失因素", "boolean", "True when anything is missing.")
      .column("evaluation", "评价得分", Factors.COMPOSITE_TYPE,
          "Σ weight × score / Σ weight over the factors present; null when no factor exists.")
      .column("highest_warning", "年度最高预警", "string", "The unit's highest warning level of the year (red … none).")
      .column("warning_deduction", "预警扣分", "decimal(7,2)", "The deduction for that level.")
      .column("party_building_score", "党建考核得分", Factors.SCORE_TYPE,
          "dj_kh score of the year (its yearly assessment, else the mean of its quarterly ones); null when none.")
      .column("party_building_deduction", "党建扣分", "decimal(7,2)", "(100 − party_building_score) × the factor; 0 when none.")
      .column("deduction", "监督扣分(+1)", "decimal(7,2)", "warning_deduction + party_building_deduction.")
      .column("composite", "综合得分", Factors.COMPOSITE_TYPE, "evaluation − deduction; null when no factor exists.")
      .column("cohort", "评定序列", "string", "班子: all teams are ranked together.")
      .column("cohort_size", "序列数", "int", "Teams with a composite (N).")
      .column("rank", "名次", "int", "Rank by composite, best 1, ties sharing the better rank; null without composite.")
      .column("grade", "等次", "string", "好, 较好, 一般 or 较差 (see Banding); null without composite.")
      .column("grade_rank", "等次序号", "int", "1 好 … 4 较差.")
      .column(Reasons.column("reasons", "扣分原因", "The +1 deductions with their figures."))
      .build();

  private TeamGradeTable() {}
}
