package dossier.publish;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import dossier.analyse.input.CadreHistory;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The open zone's tables from the analysed and conformed ones: names and record ids left out,
 * reasons as texts, small cells suppressed ({@link Suppression}).
 */
public final class OpenTransforms {
  private static final String SEVERE_PERSONS = "_severe_persons";
  private static final String SANCTION_PERSONS = "_sanction_persons";

  private OpenTransforms() {}

  /** dim_unit from conformed unit_history. */
  public static Dataset<Row> dimUnit(Dataset<Row> unitHistory) {
    return unitHistory.select("unit_code", "unit_name", "unit_type", "valid_from", "valid_to", "is_current");
  }

  /**
   * agg_unit_period from analysed period_stat (one as-of month): the unit's name on the period's
   * last day; records and persons suppressed when from few persons, and the scored figures
   * (scored and severe records, scored persons, points) when from few scored persons.
   */
  public static Dataset<Row> aggUnitPeriod(Dataset<Row> periodStat, Dataset<Row> unitHistory, int minPersons) {
    return Suppression.suppress(CadreHistory.withUnitOn(periodStat, unitHistory, "period_end"), minPersons, List.of(
        new Suppression.Cell("persons", List.of("records", "persons")),
        new Suppression.Cell("scored_persons", List.of("scored_records", "severe_records", "scored_persons", "points"))));
  }

  /**
   * unit_warning from analysed unit_warning (one as-of month): m and p suppressed when m is
   * small, s and the sanctions when the persons behind them are few; a suppressed row's reasons
   * keep their rules but not their figures.
   *
   * @param recordPersons record_id and person_key of the records as delivered by the as-of month
   */
  public static Dataset<Row> unitWarnings(Dataset<Row> unitWarning, Dataset<Row> recordPersons, int minPersons) {
    Dataset<Row> counted = withPersonsBehind(withPersonsBehind(unitWarning, "severe_record_ids", SEVERE_PERSONS,
        recordPersons), "sanction_record_ids", SANCTION_PERSONS, recordPersons);
    return Suppression.suppress(counted, minPersons, List.of(
            new Suppression.Cell("cadres_with_points", List.of("cadres_with_points", "share")),
            new Suppression.Cell(SEVERE_PERSONS, List.of("severe_records")),
            new Suppression.Cell(SANCTION_PERSONS, List.of("sanctions"))))
        .withColumn("reasons", ReasonTexts.withFiguresUnless(col("reasons"), col(CuratedColumns.SUPPRESSED)))
        .drop("member_record_ids", "severe_record_ids", "sanction_record_ids", SEVERE_PERSONS, SANCTION_PERSONS);
  }

  /** team_grade from analysed team_grade: reasons as texts (a team's figures single out no person). */
  public static Dataset<Row> teamGrades(Dataset<Row> teamGrade) {
    return teamGrade.withColumn("reasons", ReasonTexts.of(col("reasons")));
  }

  /** award from analysed award: reasons as texts. */
  public static Dataset<Row> awards(Dataset<Row> award) {
    return award.withColumn("reasons", ReasonTexts.of(col("reasons")));
  }

  /** Adds {@code as}: the distinct persons of the records listed in {@code ids}, per unit and month. */
  private static Dataset<Row> withPersonsBehind(Dataset<Row> warnings, String ids, String as,
      Dataset<Row> recordPersons) {
    Dataset<Row> persons = warnings.select(col("unit_code").as("_unit"), col("month").as("_month"),
            explode(col(ids)).as("record_id"))
        .join(recordPersons, "record_id")
        .groupBy("_unit", "_month").agg(count_distinct(col("person_key")).cast("int").as(as));
    return warnings.join(persons, col("unit_code").equalTo(col("_unit")).and(col("month").equalTo(col("_month"))),
            "left")
        .drop("_unit", "_month")
        .withColumn(as, coalesce(col(as), lit(0)));
  }
}
