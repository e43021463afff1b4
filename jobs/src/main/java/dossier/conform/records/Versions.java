package dossier.conform.records;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dossier.contract.Provenance;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Record states (extracts.md): the versions of each matter, one per delivery month that delivered
 * it. Rows of a matter are ordered by delivery month, file month, the file's {@code _n}, then row
 * number: the latest delivery wins, within a month too. A correction (更正) supersedes, a
 * revocation (撤销) voids the matter from its month on ({@code revoked_month}); earlier versions stay.
 *
 * <p>Matter versions ({@link #COLUMNS}): one row per dataset, business key and version month.
 */
public final class Versions {
  /** The matter-version shape, in order. {@code first_order} orders matters by first delivery. */
  public static final List<String> COLUMNS = List.of(
      "dataset", "record_key", "version_month", "id_number", "name", "unit_name", "post", "category",
      "sub_category", "event_date", "points", "severe", "rules_fired", "revoked", "revoked_month", "attributes",
      "first_delivery", "first_order", "provenance", "source_dataset", "derived");

  private Versions() {}

  /** Delivered records (SourceRecords shape) to matter versions. */
  public static Dataset<Row> of(Dataset<Row> delivered) {
    WindowSpec matter = Window.partitionBy("dataset", "record_key");
    WindowSpec inOrder = matter.orderBy(Provenance.DELIVERY_MONTH, Provenance.FILE_MONTH, "file_seq", Provenance.ROW_NUMBER)
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    WindowSpec monthLatestFirst = Window.partitionBy(col("dataset"), col("record_key"), col(Provenance.DELIVERY_MONTH))
        .orderBy(desc(Provenance.FILE_MONTH), desc("file_seq"), desc(Provenance.ROW_NUMBER));
    Dataset<Row> versions = delivered
        .withColumn("provenance", array_sort(collect_list(provenanceEntry()).over(inOrder)))
        .withColumn("first_order", first(struct(col(Provenance.DELIVERY_MONTH), col(Provenance.FILE_MONTH),
            col("file_seq"), col(Provenance.ROW_NUMBER))).over(inOrder))
        .withColumn("first_delivery", min(Provenance.DELIVERY_MONTH).over(matter))
        .withColumn("latest_in_month", row_number().over(monthLatestFirst))
        .where(col("latest_in_month").equalTo(1))
        .withColumn("version_month", col(Provenance.DELIVERY_MONTH))
        .withColumn("source_dataset", col("dataset"))
        .withColumn("derived", lit(false));
    return withRevokedMonth(versions).select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** One provenance entry: where a delivered row can be found. */
  static Column provenanceEntry() {
    return struct(col("dataset"), col(Provenance.SOURCE_PATH), col(Provenance.ROW_NUMBER).cast("int").as(Provenance.ROW_NUMBER),
        col(Provenance.DELIVERY_MONTH));
  }

  /**
   * Adds {@code revoked_month} to versions with a {@code revoked} flag: for a revoked version, the
   * month of the first revoked version since the matter was last active.
   */
  public static Dataset<Row> withRevokedMonth(Dataset<Row> versions) {
    WindowSpec upToHere = Window.partitionBy("dataset", "record_key").orderBy("version_month")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column lastActive = coalesce(max(when(not(col("revoked")), col("version_month"))).over(upToHere), lit(""));
    WindowSpec sinceLastActive = Window.partitionBy(col("dataset"), col("record_key"), col("last_active"));
    return versions
        .withColumn("last_active", lastActive)
        .withColumn("revoked_month", when(col("revoked"),
            min(when(col("revoked"), col("version_month"))).over(sinceLastActive)))
        .drop("last_active");
  }
}
