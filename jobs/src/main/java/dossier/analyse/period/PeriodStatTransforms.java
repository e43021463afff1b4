package dossier.analyse.period;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.time.Months;
import dossier.analyse.time.Periods;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Period statistics (rules.md §7): records, persons and points per unit, period and category. */
public final class PeriodStatTransforms {
  private PeriodStatTransforms() {}

  /**
   * Counts the records (the restated view as of M: record_id, person_key, unit_code, category,
   * event_date, points, severe) into every month, quarter and year up to M, per category and for
   * all categories together. Output: {@link PeriodStatTable#SPEC}.
   */
  public static Dataset<Row> periodStats(Dataset<Row> records, YearMonth asOf) {
    Column scored = col("points").gt(0);
    Column asOfEnd = lit(Months.lastDay(asOf));
    return records
        .filter(col("event_date").leq(asOfEnd))
        .withColumn("p", explode(Periods.allOf(col("event_date"))))
        .withColumn("category", explode(array(col("category"), lit(PeriodStatTable.ALL_CATEGORIES))))
        .groupBy(col("unit_code"), col("p.period_type"), col("p.period"), col("p.period_start"), col("p.period_end"),
            col("category"))
        .agg(count(lit(1)).as("records"),
            count(when(scored, true)).as("scored_records"),
            count(when(col("severe"), true)).as("severe_records"),
            count_distinct(col("person_key")).as("persons"),
            count_distinct(when(scored, col("person_key"))).as("scored_persons"),
            sum("points").cast("decimal(14,2)").as("points"))
        .withColumn("complete", col("period_end").leq(asOfEnd))
        .withColumn("as_of_month", lit(asOf.toString()));
  }
}
