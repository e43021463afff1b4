package dossier.report;

import static org.apache.spark.sql.functions.lit;

import dossier.lake.Lake;
import dossier.publish.PublishedManifest;
import dossier.schema.CuratedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the curated layer as a BI tool does: plain Parquet below {@code curated/<zone>/}, never
 * the Delta layers. Every read is checked against the table's spec, so a report fails loudly
 * when publish writes something other than what its data dictionary says.
 */
final class CuratedReader {
  private final SparkSession spark;
  private final Lake lake;

  CuratedReader(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** The rows one publish run wrote for as-of month M of a table by as-of month, with their {@code as_of_month}. */
  Dataset<Row> asOf(CuratedTable table, YearMonth asOf) {
    String folder = requirePublished(table, asOf);
    return table.spec().conform(spark.read().parquet(folder)
        .withColumn(CuratedTable.AS_OF_MONTH, lit(asOf.toString())));
  }

  /** The folder of as-of month M of a table by as-of month; fails, saying what to run, when no publish run wrote it. */
  String requirePublished(CuratedTable table, YearMonth asOf) {
    String folder = table.partitionPath(lake, asOf);
    requireFolder(folder, "no publish run wrote as-of month " + asOf + ": run publish --as-of " + asOf + " first");
    return folder;
  }

  /** Whether a publish run wrote as-of month M of a table by as-of month. */
  boolean has(CuratedTable table, YearMonth asOf) {
    return exists(table.partitionPath(lake, asOf));
  }

  /** A table without as-of folders: a restated one (the current figures of every period) or a current-state one. */
  Dataset<Row> table(CuratedTable table) {
    String folder = table.path(lake);
    requireFolder(folder, "run publish first");
    return table.spec().conform(spark.read().parquet(folder));
  }

  /** The month the restated tables are as of, as the publish manifest says; empty without one. */
  Optional<YearMonth> restatedAsOf() {
    return Optional.ofNullable(PublishedManifest.read(spark.sparkContext().hadoopConfiguration(), lake)
        .restatedAsOf()).map(YearMonth::parse);
  }

  /** The latest as-of month a publish run wrote the table (by as-of month) for. */
  YearMonth latestAsOf(CuratedTable table) {
    String folder = table.path(lake);
    requireFolder(folder, "run publish first");
    try {
      Path path = new Path(folder);
      String prefix = CuratedTable.AS_OF_MONTH + "=";
      return Arrays.stream(path.getFileSystem(spark.sparkContext().hadoopConfiguration()).listStatus(path))
          .map(s -> s.getPath().getName()).filter(n -> n.startsWith(prefix))
          .map(n -> YearMonth.parse(n.substring(prefix.length()))).max(YearMonth::compareTo)
          .orElseThrow(() -> new IllegalStateException(folder + " holds no as-of month: run publish first"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private void requireFolder(String folder, String advice) {
    if (!exists(folder)) {
      throw new IllegalStateException(folder + " does not exist: " + advice);
    }
  }

  private boolean exists(String folder) {
    try {
      Path path = new Path(folder);
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + folder, e);
    }
  }
}
