package dossier.analyse.grade;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dossier.analyse.evidence.Reasons;
import dossier.analyse.grade.GradeRules.Vetoes;
import dossier.analyse.input.CadreHistory;
import dossier.analyse.warning.UnitWarningTransforms;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** "5+1" cadre grades (rules.md §4); see {@link CadreGradeTable}. */
public final class CadreGradeTransforms {
  /** The record category of annual assessments (zzb_kh), dated 31 December of their year. */
  public static final String ASSESSMENT = "assessment";

  private CadreGradeTransforms() {}

  /**
   * Grades every cadre in post at the end of each assessed year that has ended by M.
   *
   * @param records the restated records as of M
   */
  public static Dataset<Row> grades(Dataset<Row> records, Dataset<Row> cadreHistory, GradeRules rules,
      YearMonth asOf) {
    Dataset<Row> assessments = assessments(records, completedYearOf(asOf));
    Dataset<Row> yearEnds = assessments.select("year").distinct()
        .withColumn("year_end", make_date(col("year"), lit(12), lit(31)));
    Dataset<Row> members = CadreHistory.inPostOn(yearEnds, cadreHistory, "year_end")
        .join(assessments, new String[] {"person_key", "year"}, "left")
        .join(yearRecords(records), new String[] {"person_key", "year"}, "left");
    Column points = coalesce(col("year_points"), lit(0).cast("decimal(9,2)"));
    Dataset<Row> composed = members
        .withColumn("year_points", points)
        .withColumn("evaluation", Factors.evaluation(rules.cadreWeights()))
        .withColumn("deduction", least(points.multiply(lit(rules.pointsFactor())), lit(rules.deductionCap()))
            .cast("decimal(7,2)"))
        .withColumn("composite", col("evaluation").minus(col("deduction")).cast(Factors.COMPOSITE_TYPE))
        .withColumn("cohort", col("role"));
    return vetoed(Banding.banded(composed, List.of("year", "cohort"), "composite", rules.bands()), rules)
        .select(lit(asOf.toString()).as("as_of_month"), col("year"), col("person_key"), col("unit_code"), col("role"),
            col("assessment_grade"), col("score_de"), col("score_neng"), col("score_qin"), col("score_ji"),
            col("score_lian"), Factors.missing(rules.cadreWeights()).as("missing_factors"),
            org.apache.spark.sql.functions.size(Factors.missing(rules.cadreWeights())).gt(0).as("factors_missing"),
            col("evaluation"), col("year_points"), col("deduction"), col("composite"), col("cohort"),
            col("cohort_size"), col("rank"), Banding.grade(rules.bands(), col("band_rank")).as("band_grade"),
            Banding.grade(rules.bands(), col("grade_rank")).as("grade"), col("grade_rank"), col("vetoes"),
            ids("point_record_ids").as("point_record_ids"),
            array_sort(array_union(ids("sanction_record_ids"), ids("severe_record_ids")))
                .as("veto_record_ids"));
  }

  /** The last year that has ended by the end of M. */
  public static int completedYearOf(YearMonth asOf) {
    return asOf.getMonthValue() == 12 ? asOf.getYear() : asOf.getYear() - 1;
  }

  /** One row per cadre and assessed year up to {@code lastYear}: the zzb_kh grade and factor scores. */
  private static Dataset<Row> assessments(Dataset<Row> records, int lastYear) {
    List<Column> columns = new ArrayList<>(List.of(col("person_key"), year(col("event_date")).as("year"),
        col("attributes").getItem("grade").as("assessment_grade")));
    CadreGradeTable.FACTORS.forEach(f -> columns.add(col("attributes").getItem(f).try_cast(Factors.SCORE_TYPE).as(f)));
    var latest = Window.partitionBy(col("person_key"), year(col("event_date"))).orderBy(col("record_id").desc());
    return records.filter(col("category").equalTo(ASSESSMENT).and(year(col("event_date")).leq(lastYear)))
        .withColumn("_n", row_number().over(latest)).filter(col("_n").equalTo(1))
        .select(columns.toArray(Column[]::new));
  }

  /** Per cadre and year: the year's points and the records behind them and behind the vetoes. */
  private static Dataset<Row> yearRecords(Dataset<Row> records) {
    Column sanction = col("category").equalTo(UnitWarningTransforms.SANCTION);
    return records.groupBy(col("person_key"), year(col("event_date")).as("year")).agg(
        sum("points").cast("decimal(9,2)").as("year_points"),
        collect_set(when(col("points").gt(0), col("record_id"))).as("point_record_ids"),
        collect_set(when(sanction, col("record_id"))).as("sanction_record_ids"),
        collect_set(when(col("severe"), col("record_id"))).as("severe_record_ids"));
  }

  /** Applies the vetoes to the band: adds grade_rank and vetoes (reasons). */
  private static Dataset<Row> vetoed(Dataset<Row> banded, GradeRules rules) {
    Vetoes v = rules.vetoes();
    Column sanctions = ids("sanction_record_ids");
    Column severe = ids("severe_record_ids");
    Column hasSanction = size(sanctions).gt(0);
    Column hasSevere = size(severe).gt(0);
    Column unfit = coalesce(col("assessment_grade").equalTo(v.unfitAssessment()), lit(false));
    Column gradeRank = greatest(col("band_rank"),
        when(hasSanction.and(col("band_rank").isNotNull()), v.sanctionCapsAt().rank()),
        when(hasSevere, v.severeMakes().rank()),
        when(unfit, v.unfitMakes().rank()));
    Column vetoes = Reasons.of(
        Reasons.ifHolds(hasSanction, v.rule("sanction-caps-at"), format_string("sanctions in %d: %s: at most %s",
            col("year"), concat_ws(", ", sanctions), lit(v.sanctionCapsAt().grade()))),
        Reasons.ifHolds(hasSevere, v.rule("severe-makes"), format_string("severe records in %d: %s: %s",
            col("year"), concat_ws(", ", severe), lit(v.severeMakes().grade()))),
        Reasons.ifHolds(unfit, v.rule("unfit-assessment-makes"), concat(format_string("assessment of %d: ",
            col("year")), lit(v.unfitAssessment() + ": " + v.unfitMakes().grade()))));
    return banded.withColumn("grade_rank", gradeRank).withColumn("vetoes", vetoes);
  }

  private static Column ids(String column) {
    return coalesce(array_sort(col(column)), org.apache.spark.sql.functions.array().cast("array<string>"));
  }
}
