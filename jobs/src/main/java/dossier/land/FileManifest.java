package dossier.land;

import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code raw/file_manifest}: one row per delivered file path (the key), with its hash, status
 * (landed, skipped, replaced, superseded, rejected), row counts and message. Written last in a
 * landing run, by one MERGE on source_path. {@code rows_rejected} (the rows of a rejected file)
 * came in later: the MERGE adds the column to an older manifest, whose rows read it as 0.
 */
final class FileManifest {
  static final StructType SCHEMA = new StructType()
      .add("source_path", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType)
      .add("dataset", DataTypes.StringType)
      .add("delivery_month", DataTypes.StringType)
      .add("file_month", DataTypes.StringType)
      .add("file_sha256", DataTypes.StringType)
      .add("size_bytes", DataTypes.LongType)
      .add("format", DataTypes.StringType)
      .add("encoding", DataTypes.StringType)
      .add("status", DataTypes.StringType)
      .add("rows_read", DataTypes.LongType)
      .add("rows_landed", DataTypes.LongType)
      .add("rows_quarantined", DataTypes.LongType)
      .add("rows_rejected", DataTypes.LongType)
      .add("message", DataTypes.StringType)
      .add("run_id", DataTypes.StringType)
      .add("recorded_at", DataTypes.TimestampType);

  private FileManifest() {}

  /** Every row of the manifest (one per file ever delivered: metadata, a handful of rows). */
  static List<ManifestEntry> read(SparkSession spark, String path) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return List.of();
    }
    return spark.read().format("delta").load(path).collectAsList().stream().map(FileManifest::entry).toList();
  }

  /** Inserts new paths and updates known ones, in one commit. */
  static void merge(SparkSession spark, String path, List<ManifestEntry> entries, String runId, Timestamp at) {
    List<Row> rows = entries.stream().map(e -> row(e, runId, at)).toList();
    var updates = spark.createDataFrame(rows, SCHEMA);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      updates.write().format("delta").save(path);
      return;
    }
    DeltaTable.forPath(spark, path).as("m")
        .merge(updates.as("u"), "m.source_path = u.source_path")
        .whenMatched().updateAll()
        .whenNotMatched().insertAll()
        .withSchemaEvolution()
        .execute();
  }

  private static ManifestEntry entry(Row r) {
    return new ManifestEntry(r.getAs("source_path"), r.getAs("source_file"), r.getAs("dataset"),
        r.getAs("delivery_month"), r.getAs("file_month"), r.getAs("file_sha256"), r.<Long>getAs("size_bytes"),
        r.getAs("format"), r.getAs("encoding"), r.getAs("status"), r.<Long>getAs("rows_read"),
        r.<Long>getAs("rows_landed"), r.<Long>getAs("rows_quarantined"), rowsRejected(r), r.getAs("message"));
  }

  private static long rowsRejected(Row r) {
    boolean known = List.of(r.schema().fieldNames()).contains("rows_rejected");
    return known && r.getAs("rows_rejected") != null ? r.<Long>getAs("rows_rejected") : 0;
  }

  private static Row row(ManifestEntry e, String runId, Timestamp at) {
    return RowFactory.create(e.sourcePath(), e.sourceFile(), e.dataset(), e.deliveryMonth(), e.fileMonth(),
        e.sha256(), e.sizeBytes(), e.format(), e.encoding(), e.status(), e.rowsRead(), e.rowsLanded(),
        e.rowsQuarantined(), e.rowsRejected(), e.message(), runId, at);
  }
}
