package dossier.analyse.grade;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.schema.TableSpec;
import java.util.List;

/**
 * {@code analysed/cadre_grade}: the "5+1" grades of cadres (rules.md §4). Grain: one row per
 * year × cadre, for every year that has ended by the as-of month and has annual
 * assessments (zzb_kh) delivered, and every cadre in post on the year's last day. The five
 * factors are the zzb_kh scores, weighted as rules.conf says and graded on what exists (a
 * missing factor is left out and flagged); the +1 factor deducts the configured multiple of the
 * year's points, capped. Principals and deputies are ranked separately (cohort = role at year
 * end) and banded as {@link Banding} defines; then the vetoes apply: any sanction in the year caps
 * the grade, a severe record or an unfit assessment makes the configured grade.
 */
public final class CadreGradeTable {
  /** The zzb_kh factor columns (the "5"); rules.conf weights name some or all of them. */
  public static final List<String> FACTORS = List.of("score_de", "score_neng", "score_qin", "score_ji", "score_lian");

  public static final TableSpec SPEC = TableSpec.builder("cadre_grade", "干部等次(5+1)",
          "one row per year × cadre in post at the year's end")
      .key("year", "person_key")
      .column(AnalysedColumns.YEAR)
      .column(AnalysedColumns.PERSON_KEY)
      .column(AnalysedColumns.unitCode("The cadre's unit on the year's last day."))
      .column(AnalysedColumns.ROLE)
      .column("assessment_grade", "年度考核等次", "string", "The zzb_kh grade of the year (优秀, 称职, 基本称职, 不称职); null when none.")
      .column("score_de", "德", Factors.SCORE_TYPE, "Integrity (德) factor score 0–100 from zzb_kh; null when missing.")
      .column("score_neng", "能", Factors.SCORE_TYPE, "Ability (能) factor score; null when missing.")
      .column("score_qin", "勤", Factors.SCORE_TYPE, "Diligence (勤) factor score; null when missing.")
      .column("score_ji", "绩", Factors.SCORE_TYPE, "Results (绩) factor score; null when missing.")
      .column("score_lian", "廉", Factors.SCORE_TYPE, "Clean conduct (廉) factor score; null when missing.")
      .column("missing_factors", "缺失因素", "array<string>",
          "The weighted factors without a score: the evaluation uses the others, weights rescaled.")
      .column("factors_missing", "是否缺失因素", "boolean", "True when any weighted factor is missing.")
      .column("evaluation", "评价得分", Factors.COMPOSITE_TYPE,
          "Σ weight × score / Σ weight over the factors present (0–100); null when no factor exists.")
      .column("year_points", "年度积分", "decimal(9,2)", "Sum of the points of the cadre's records dated in the year.")
      .column("deduction", "监督扣分(+1)", "decimal(7,2)", "The +1 factor: points-factor × year_points, at most the cap.")
      .column("composite", "综合得分", Factors.COMPOSITE_TYPE, "evaluation − deduction; null when no factor exists.")
      .column("cohort", "评定序列", "string", "The cohort ranked together: the role (正职 or 副职) at the year's end.")
      .column("cohort_size", "序列人数", "int", "Members of the cohort with a composite (N).")
      .column("rank", "序列名次", "int", "Rank by composite, best 1, ties sharing the better rank; null without composite.")
      .column("band_grade", "排名等次", "string", "The grade by rank alone (see Banding); null without composite.")
      .column("grade", "等次", "string",
          "The grade after vetoes: 好, 较好, 一般 or 较差; null when not ranked and no veto applies.")
      .column("grade_rank", "等次序号", "int", "1 好, 2 较好, 3 一般, 4 较差 (rules.conf grades.bands).")
      .column(Reasons.column("vetoes", "否决事项", "The vetoes that held (sanction cap, severe record, unfit assessment)."))
      .column(AnalysedColumns.recordIds("point_record_ids", "年度计分事项", "The year's records with points > 0"))
      .column(AnalysedColumns.recordIds("veto_record_ids", "否决依据事项", "The sanction and severe records behind the vetoes"))
      .build();

  private CadreGradeTable() {}
}
