package dossier.analyse.period;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.time.Months;
import dossier.analyse.time.Periods;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Period statistics (rules.md §7): records, persons and points per unit, period and category. */
public final class PeriodStatTransforms {
  /** What a row of the table counts: a unit's records of one category in one period. */
  private static final List<String> PERIOD_CELL = List.of("unit_code", "period_type", "period", "period_start",
      "period_end", "category");

  private PeriodStatTransforms() {}

  /**
   * Counts the records (the restated view as of M: record_id, person_key, unit_code, category,
   * event_date, points, severe) into every month, quarter and year up to M, per category and for
   * all categories together. Output: {@link PeriodStatTable#SPEC}.
   *
   * <p>Persons are counted in two aggregations, each cadre's records first, rather than with two
   * {@code count_distinct}s: Spark plans those as an expansion of every row once per distinct
   * expression, and shuffles all three copies.
   */
  public static Dataset<Row> periodStats(Dataset<Row> records, YearMonth asOf) {
    Column asOfEnd = lit(Months.lastDay(asOf));
    return perPerson(records.filter(col("event_date").leq(asOfEnd)))
        .groupBy(periodCellAnd())
        .agg(sum("records").as("records"),
            sum("scored_records").as("scored_records"),
            sum("severe_records").as("severe_records"),
            count(col("person_key")).as("persons"),
            count(when(col("scored_records").gt(0), col("person_key"))).as("scored_persons"),
            sum("points").cast("decimal(14,2)").as("points"))
        .withColumn("complete", col("period_end").leq(asOfEnd))
        .withColumn("as_of_month", lit(asOf.toString()));
  }

  /** One row per period cell and cadre (a null person_key is one cadre-less group): its record figures. */
  private static Dataset<Row> perPerson(Dataset<Row> records) {
    Column scored = col("points").gt(0);
    return records
        .withColumn("p", explode(Periods.allOf(col("event_date"))))
        .withColumn("category", explode(array(col("category"), lit(PeriodStatTable.ALL_CATEGORIES))))
        .select(col("unit_code"), col("p.period_type"), col("p.period"), col("p.period_start"), col("p.period_end"),
            col("category"), col("person_key"), scored.as("scored"), col("severe"), col("points"))
        .groupBy(periodCellAnd("person_key"))
        .agg(count(lit(1)).as("records"),
            count(when(col("scored"), true)).as("scored_records"),
            count(when(col("severe"), true)).as("severe_records"),
            sum("points").as("points"));
  }

  private static Column[] periodCellAnd(String... more) {
    return Stream.concat(PERIOD_CELL.stream(), Stream.of(more)).map(functions::col).toArray(Column[]::new);
  }
}
