package dossier.analyse.award;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;

import dossier.analyse.evidence.Reasons;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Steed and snail awards (rules.md §6); see {@link AwardTable}. */
public final class AwardTransforms {
  private AwardTransforms() {}

  /**
   * The awards of every year graded in this run.
   *
   * @param teamGrades this run's team_grade rows
   * @param cadreGrades this run's cadre_grade rows
   * @param records the restated records as of M
   * @param efficiencyWarnings efficiency warnings on units as delivered by M (warning_no, unit_code, level, issued, points)
   */
  public static Dataset<Row> awards(Dataset<Row> teamGrades, Dataset<Row> cadreGrades, Dataset<Row> records,
      Dataset<Row> efficiencyWarnings, AwardRules rules, YearMonth asOf) {
    Dataset<Row> years = teamGrades.select("year").union(cadreGrades.select("year")).distinct();
    return steedUnits(teamGrades, records, rules)
        .union(steedCadres(cadreGrades, rules))
        .union(snailUnits(years, efficiencyWarnings, rules))
        .withColumn("as_of_month", lit(asOf.toString()))
        .select("as_of_month", "year", "award", "award_label", "subject_type", "unit_code", "person_key", "rank",
            "reasons", "evidence_ids");
  }

  private static Dataset<Row> steedUnits(Dataset<Row> teamGrades, Dataset<Row> records, AwardRules rules) {
    Dataset<Row> scored = records.filter(col("points").gt(0))
        .select(col("unit_code").as("_u"), year(col("event_date")).as("_y"));
    Dataset<Row> eligible = teamGrades.filter(col("composite").isNotNull())
        .join(scored, col("unit_code").equalTo(col("_u")).and(col("year").equalTo(col("_y"))), "left_anti");
    return top(eligible, rules.steedUnits())
        .select(col("year"), lit(AwardTable.STEED).as("award"), lit(rules.steedLabel()).as("award_label"),
            lit(AwardTable.UNIT).as("subject_type"), col("unit_code"), lit(null).cast("string").as("person_key"),
            col("rank"), Reasons.of(Reasons.reason(rules.steedRule() + ".units", format_string(
                "team composite %s, rank %d of %d units without a record with points in %d",
                col("composite").cast("string"), col("rank"), col("_eligible"), col("year")))).as("reasons"),
            array().cast("array<string>").as("evidence_ids"));
  }

  private static Dataset<Row> steedCadres(Dataset<Row> cadreGrades, AwardRules rules) {
    Dataset<Row> eligible = cadreGrades.filter(col("composite").isNotNull().and(size(col("point_record_ids")).equalTo(0)));
    return top(eligible, rules.steedCadres())
        .select(col("year"), lit(AwardTable.STEED).as("award"), lit(rules.steedLabel()).as("award_label"),
            lit(AwardTable.CADRE).as("subject_type"), col("unit_code"), col("person_key"), col("rank"),
            Reasons.of(Reasons.reason(rules.steedRule() + ".cadres", format_string(
                "cadre composite %s (%s, grade %s), rank %d of %d cadres without a record with points in %d",
                col("composite").cast("string"), col("cohort"), col("grade"), col("rank"), col("_eligible"),
                col("year")))).as("reasons"),
            array().cast("array<string>").as("evidence_ids"));
  }

  private static Dataset<Row> snailUnits(Dataset<Row> years, Dataset<Row> warnings, AwardRules rules) {
    Dataset<Row> deductions = warnings.filter(col("level").isin(rules.snailWarningLevels().toArray()))
        .groupBy(col("unit_code"), year(col("issued")).as("year"))
        .agg(count(lit(1)).cast("int").as("_deductions"),
            coalesce(sum("points"), lit(BigDecimal.ZERO)).cast("decimal(9,2)").as("_points"),
            array_sort(collect_list("warning_no")).as("evidence_ids"))
        .join(years, "year");
    var worstFirst = Window.partitionBy("year").orderBy(col("_deductions").desc(), col("_points").desc());
    return deductions.withColumn("rank", rank().over(worstFirst).cast("int"))
        .filter(col("rank").leq(rules.snailUnits()))
        .select(col("year"), lit(AwardTable.SNAIL).as("award"), lit(rules.snailLabel()).as("award_label"),
            lit(AwardTable.UNIT).as("subject_type"), col("unit_code"), lit(null).cast("string").as("person_key"),
            col("rank"), Reasons.of(Reasons.reason(rules.snailRule() + ".units", format_string(
                "%d efficiency deductions (%s) in %d, %s points deducted", col("_deductions"),
                lit(String.join("/", rules.snailWarningLevels())), col("year"), col("_points").cast("string"))))
                .as("reasons"),
            col("evidence_ids"));
  }

  /** The {@code n} best composites of each year (ties at the cut-off included), with rank and {@code _eligible}. */
  private static Dataset<Row> top(Dataset<Row> eligible, int n) {
    Column best = rank().over(Window.partitionBy("year").orderBy(col("composite").desc())).cast("int");
    Column size = count(lit(1)).over(Window.partitionBy("year")).cast("int");
    return eligible.withColumn("rank", best).withColumn("_eligible", size).filter(col("rank").leq(n));
  }
}
