package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dossier.lake.Lake;
import dossier.schema.CuratedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes curated tables as plain Parquet that any reader takes: one file per table (per as-of
 * month for a table partitioned by it, in the folder {@code as_of_month=YYYY-MM/}), rows sorted
 * by the table's key, so that writing the same rows again gives the same file content. A write
 * replaces the folder whole, so an as-of month left with no rows holds no stale ones.
 */
final class CuratedWriter {
  private final Lake lake;
  private final YearMonth asOf;

  CuratedWriter(Lake lake, YearMonth asOf) {
    this.lake = lake;
    this.asOf = asOf;
  }

  /** Writes the rows, checked against the table's spec; returns the number of data files written. */
  long write(CuratedTable table, Dataset<Row> rows) {
    Dataset<Row> ordered = table.spec().conform(rows).repartition(1).sortWithinPartitions(order(table));
    String folder = table.byAsOfMonth() ? table.partitionPath(lake, asOf) : table.path(lake);
    ordered.select(table.fileColumns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))
        .write().mode("overwrite").parquet(folder);
    return dataFiles(rows.sparkSession(), folder);
  }

  private static long dataFiles(SparkSession spark, String folder) {
    Path path = new Path(folder);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return Arrays.stream(fs.listStatus(path)).filter(f -> f.isFile() && f.getPath().getName().endsWith(".parquet"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The key, then the whole row as JSON: a total order even where a key repeats. */
  private static Column[] order(CuratedTable table) {
    List<Column> order = new ArrayList<>();
    table.spec().key().forEach(k -> order.add(col("`" + k + "`")));
    order.add(to_json(struct(table.spec().columnNames().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new))));
    return order.toArray(Column[]::new);
  }
}
