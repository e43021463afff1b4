package dossier.analyse.grade;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.evidence.Reasons;
import dossier.analyse.input.CadreHistory;
import dossier.analyse.warning.UnitWarningTable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** "4+1" team grades (rules.md §4); see {@link TeamGradeTable}. */
public final class TeamGradeTransforms {
  private TeamGradeTransforms() {}

  /**
   * Grades every unit in the register at the end of each year with team assessments that has ended by M.
   *
   * @param teamAssessments zzb_bzkh as delivered by M: unit_code, year, factor scores
   * @param partyBuilding dj_kh as delivered by M: unit_code, period (2024 or 2024Q2), score
   * @param unitWarnings this run's {@link UnitWarningTable} rows
   */
  public static Dataset<Row> grades(Dataset<Row> teamAssessments, Dataset<Row> partyBuilding,
      Dataset<Row> unitWarnings, Dataset<Row> unitHistory, GradeRules rules, YearMonth asOf) {
    List<Column> factors = new ArrayList<>(List.of(col("unit_code"), col("year").cast("int").as("year")));
    TeamGradeTable.FACTORS.forEach(f -> factors.add(col(f).cast(Factors.SCORE_TYPE).as(f)));
    Dataset<Row> assessed = teamAssessments.select(factors.toArray(Column[]::new))
        .filter(col("year").leq(CadreGradeTransforms.completedYearOf(asOf)));
    Dataset<Row> yearEnds = assessed.select("year").distinct()
        .withColumn("year_end", make_date(col("year"), lit(12), lit(31)));
    Dataset<Row> teams = CadreHistory.unitsOn(yearEnds, unitHistory, "year_end")
        .join(assessed, new String[] {"unit_code", "year"}, "left")
        .join(highestWarnings(unitWarnings), new String[] {"unit_code", "year"}, "left")
        .join(partyBuildingOfYear(partyBuilding), new String[] {"unit_code", "year"}, "left");
    Column shortfall = lit(BigDecimal.valueOf(100)).minus(col("party_building_score"))
        .multiply(lit(rules.shortfallFactor()));
    Dataset<Row> composed = teams
        .withColumn("highest_warning", coalesce(col("_highest.level"), lit(UnitWarningTable.NONE)))
        .withColumn("warning_deduction", warningDeduction(rules.warningDeduction(), col("highest_warning")))
        .withColumn("party_building_deduction", coalesce(shortfall, lit(BigDecimal.ZERO)).cast("decimal(7,2)"))
        .withColumn("deduction", col("warning_deduction").plus(col("party_building_deduction")).cast("decimal(7,2)"))
        .withColumn("evaluation", Factors.evaluation(rules.teamWeights()))
        .withColumn("composite", col("evaluation").minus(col("deduction")).cast(Factors.COMPOSITE_TYPE))
        .withColumn("cohort", lit(TeamGradeTable.COHORT))
        .withColumn("missing_factors", functions.array_compact(functions.concat(Factors.missing(rules.teamWeights()),
            array(when(col("party_building_score").isNull(), lit(TeamGradeTable.PARTY_BUILDING))))));
    return Banding.banded(composed, List.of("year", "cohort"), "composite", rules.bands())
        .select(lit(asOf.toString()).as("as_of_month"), col("year"), col("unit_code"), col("unit_name"),
            col("unit_type"), col("score_political"), col("score_leadership"), col("score_results"),
            col("score_integrity"), col("missing_factors"), size(col("missing_factors")).gt(0).as("factors_missing"),
            col("evaluation"), col("highest_warning"), col("warning_deduction"), col("party_building_score"),
            col("party_building_deduction"), col("deduction"), col("composite"), col("cohort"), col("cohort_size"),
            col("rank"), Banding.grade(rules.bands(), col("band_rank")).as("grade"), col("band_rank").as("grade_rank"),
            reasons(rules).as("reasons"));
  }

  /** Per unit and year: the highest warning level and the first month it was reached ({@code _highest}). */
  private static Dataset<Row> highestWarnings(Dataset<Row> unitWarnings) {
    return unitWarnings.filter(col("level_rank").gt(0))
        .groupBy(col("unit_code"), col("month").substr(1, 4).cast("int").as("year"))
        .agg(min(struct(negate(col("level_rank")).as("_strongest"), col("month"), col("level"))).as("_highest"));
  }

  /** Per unit and year: the yearly dj_kh score, else the mean of the year's quarterly scores. */
  private static Dataset<Row> partyBuildingOfYear(Dataset<Row> partyBuilding) {
    Column yearly = col("period").rlike("^[0-9]{4}$");
    return partyBuilding.groupBy(col("unit_code"), col("period").substr(1, 4).cast("int").as("year"))
        .agg(coalesce(max(when(yearly, col("score"))), avg(when(yearly.unary_$bang(), col("score"))))
            .cast(Factors.SCORE_TYPE).as("party_building_score"));
  }

  private static Column warningDeduction(Map<String, BigDecimal> deductions, Column level) {
    Column deduction = lit(BigDecimal.ZERO);
    for (Map.Entry<String, BigDecimal> d : deductions.entrySet()) {
      deduction = when(level.equalTo(d.getKey()), lit(d.getValue())).otherwise(deduction);
    }
    return deduction.cast("decimal(7,2)");
  }

  private static Column reasons(GradeRules rules) {
    List<Column> reasons = new ArrayList<>();
    rules.warningDeduction().forEach((level, points) -> reasons.add(Reasons.ifHolds(
        col("highest_warning").equalTo(level), rules.teamRule("warning-deduction." + level),
        format_string("highest unit warning of %d: %s (first in %s): -%s", col("year"), lit(level),
            col("_highest.month"), lit(points.toPlainString())))));
    reasons.add(Reasons.ifHolds(col("party_building_score").isNotNull(), rules.teamRule("party-building-shortfall-factor"),
        format_string("party-building score %s: (100 - %s) × %s = -%s",
            col("party_building_score").cast("string"), col("party_building_score").cast("string"),
            lit(rules.shortfallFactor().toPlainString()), col("party_building_deduction").cast("string"))));
    return Reasons.of(reasons.toArray(Column[]::new));
  }
}
