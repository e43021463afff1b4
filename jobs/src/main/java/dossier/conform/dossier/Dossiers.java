package dossier.conform.dossier;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dossier.conform.ConformedTables;
import dossier.conform.history.History;
import dossier.conform.records.Points;
import dossier.conform.records.Records;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The dossier (一人一档): one row per current cadre (an open interval in cadre_history) with
 * identity, current post, unit and post history, active records counted by category (all time and
 * in the score window), the score (points of the active records dated in the window), the latest
 * annual assessment and every sanction. The score window is the {@code windowMonths} months up to
 * the end of the latest data month. What analysis adds (line reached, grades, lists) is joined in
 * by later stages.
 */
public final class Dossiers {
  /** The categories the dossier features by name (dossier.rules.categories). */
  static final String ASSESSMENT = "assessment";
  static final String SANCTION = "sanction";

  private Dossiers() {}

  /**
   * @param cadres cadre_history
   * @param units unit_history
   * @param records supervision_record
   * @param asOfMonth the latest data month (yyyy-MM)
   */
  public static Dataset<Row> of(Dataset<Row> cadres, Dataset<Row> units, Dataset<Row> records, String asOfMonth,
      int windowMonths) {
    Column windowEnd = last_day(to_date(lit(asOfMonth + "-01")));
    Column windowStart = add_months(to_date(lit(asOfMonth + "-01")), 1 - windowMonths);
    Dataset<Row> active = records.where(col("state").equalTo(Records.ACTIVE))
        .withColumn("in_window", col("event_date").between(windowStart, windowEnd));
    Dataset<Row> byCategory = active.groupBy("person_key", "category").agg(
        count(lit(1)).as("records"),
        count(when(col("in_window"), 1)).as("records_12m"));
    Dataset<Row> counts = byCategory.groupBy("person_key").agg(
        map_from_entries(array_sort(collect_list(struct(col("category"), col("records"))))).as("record_counts"),
        map_from_entries(array_sort(collect_list(when(col("records_12m").gt(0), struct(col("category"), col("records_12m"))))))
            .as("record_counts_12m"));
    Dataset<Row> score = active.where(col("in_window")).groupBy("person_key")
        .agg(sum("points").cast(Points.POINTS_TYPE).as("score_12m"));
    Dataset<Row> assessment = active.where(col("category").equalTo(ASSESSMENT)).groupBy("person_key")
        .agg(max_by(struct(year(col("event_date")).as("year"), col("sub_category").as("grade"), col("record_id")),
            col("event_date")).as("latest_assessment"));
    Dataset<Row> sanctions = records.where(col("category").equalTo(SANCTION)).groupBy("person_key")
        .agg(array_sort(collect_list(struct(col("event_date"), col("sub_category"), col("points"), col("severe"),
            col("state"), col("source_datasets"), col("record_id")))).as("sanctions"));
    Dataset<Row> current = cadres.where(col("is_current")).as("c")
        .join(units.where(col("is_current")).as("u"), col("u.unit_code").equalTo(col("c.unit_code")), "left")
        .select(col("c.*"), col("u.unit_name"));
    return ConformedTables.DOSSIER.select(current
        .join(history(cadres, units), "person_key")
        .join(counts, new String[] {"person_key"}, "left")
        .join(score, new String[] {"person_key"}, "left")
        .join(assessment, new String[] {"person_key"}, "left")
        .join(sanctions, new String[] {"person_key"}, "left")
        .withColumn("birth_year", year(col("birth")))
        .withColumn("record_counts", coalesce(col("record_counts"), emptyCounts()))
        .withColumn("record_counts_12m", coalesce(col("record_counts_12m"), emptyCounts()))
        .withColumn("score_12m", coalesce(col("score_12m"), lit(0)))
        .withColumn("sanctions", coalesce(col("sanctions"), expr("array()")))
        .withColumn("as_of_month", lit(asOfMonth)));
  }

  /** Every interval of each cadre, oldest first, with the unit's name at the interval's start. */
  private static Dataset<Row> history(Dataset<Row> cadres, Dataset<Row> units) {
    Column start = coalesce(col("c.valid_from"), to_date(lit("0001-01-01")));
    return cadres.as("c")
        .join(History.withFirst(units, "unit_code").as("u"),
            col("u.unit_code").equalTo(col("c.unit_code")).and(History.validAt(start, "u.")), "left")
        .groupBy(col("c.person_key").as("person_key"))
        .agg(array_sort(collect_list(struct(col("c.valid_from"), col("c.valid_to"), col("c.unit_code"), col("u.unit_name"),
            col("c.post"), col("c.rank"), col("c.role")))).as("history"));
  }

  private static Column emptyCounts() {
    return expr("cast(map() as map<string,bigint>)");
  }
}
