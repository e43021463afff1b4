package dossier.conform.records;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Matter versions to record versions: the matters of one group (a matter and its duplicates from
 * other sources) become one record whose versions are the months any member changed. At each such
 * month the record shows, of the members delivered by then, the content and state of the one with
 * the best priority, lists every member's dataset and provenance, and keeps the record_id of the
 * first-delivered member (in one delivery month, the one with the best priority).
 *
 * <p>Record versions ({@link #COLUMNS}): one row per record and version month.
 */
public final class Records {
  /** A record's {@code state}: counted, or revoked (it counts 0 from its {@code revoked_month}). */
  public static final String ACTIVE = "active";
  public static final String REVOKED = "revoked";
  public static final List<String> COLUMNS = List.of(
      "record_id", "dataset", "record_key", "version_month", "id_number", "name", "unit_name", "post", "category",
      "sub_category", "event_date", "points", "severe", "rules_fired", "revoked", "revoked_month", "attributes",
      "source_datasets", "first_delivery", "last_delivery", "provenance", "derived");
  private static final List<String> CONTENT = List.of("id_number", "name", "unit_name", "post", "category",
      "sub_category", "event_date", "points", "severe", "rules_fired", "revoked", "revoked_month", "attributes");

  private Records() {}

  /** The stable id of a record: a hash of its first-delivered matter's dataset and business key. */
  public static Column recordId(Column dataset, Column recordKey) {
    return substring(sha2(concat_ws(SourceRecords.KEY_SEPARATOR, dataset, recordKey), 256), 1, 24);
  }

  /** Record versions from matter versions and their groups ({@link Duplicates#groups}; matters without one stand alone). */
  public static Dataset<Row> combine(Dataset<Row> matterVersions, Dataset<Row> groups) {
    Dataset<Row> members = matterVersions.join(groups, List.of("dataset", "record_key").toArray(String[]::new), "left")
        .withColumn("group_dataset", coalesce(col("group_dataset"), col("dataset")))
        .withColumn("group_key", coalesce(col("group_key"), col("record_key")))
        .withColumn("priority", coalesce(col("priority"), lit(0)));
    List<String> group = List.of("group_dataset", "group_key");
    Dataset<Row> months = members.select(col("group_dataset"), col("group_key"), col("version_month").as("at_month")).distinct();
    Dataset<Row> asOf = Timelines.latestAt(months, members, group, List.of("dataset", "record_key"));
    Dataset<Row> versions = asOf.groupBy(col("group_dataset"), col("group_key"), col("at_month")).agg(
        min_by(struct(CONTENT.stream().map(c -> col(c)).toArray(Column[]::new)), col("priority")).as("content"),
        array_sort(collect_set(col("source_dataset"))).as("source_datasets"),
        min(col("first_delivery")).as("first_delivery"),
        array_sort(flatten(collect_list(col("provenance")))).as("provenance"),
        max(col("derived")).as("derived"));
    Dataset<Row> first = members.groupBy(col("group_dataset"), col("group_key")).agg(
        min(struct(col("first_order.delivery_month"), col("priority"), col("first_order"), col("dataset"), col("record_key")))
            .as("first"));
    return versions.join(first, group.toArray(String[]::new))
        .select(recordId(col("first.dataset"), col("first.record_key")).as("record_id"),
            col("first.dataset").as("dataset"), col("first.record_key").as("record_key"),
            col("at_month").as("version_month"), col("content.*"),
            col("source_datasets"), col("first_delivery"), col("at_month").as("last_delivery"),
            col("provenance"), col("derived"))
        .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
