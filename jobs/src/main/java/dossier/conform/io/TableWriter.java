package dossier.conform.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dossier.conform.ConformedTables;
import dossier.job.TableAccess;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Brings a conformed table to a desired content with one Delta commit, and none when nothing
 * differs: the desired rows are compared with the table's rows in scope (by key, then by a hash of
 * every column); only new and changed rows, and the rows in scope the desired content no longer
 * has, go into a MERGE on the table's key. Rows outside the scope are neither compared nor changed:
 * an incremental run compares what it recomputed, not the whole table. Reads and
 * writes go through the stage's {@link TableAccess}, so the run log records their versions.
 */
public final class TableWriter {
  private static final String DELETE = "_delete";

  private final SparkSession spark;
  private final TableAccess tables;

  public TableWriter(SparkSession spark, TableAccess tables) {
    this.spark = spark;
    this.tables = tables;
  }

  public String path(ConformedTables table) {
    return tables.lake().conformed(table.table());
  }

  /** The table as it is now. */
  public Dataset<Row> read(ConformedTables table) {
    return tables.read(path(table));
  }

  /** The table's latest committed version (it must exist). */
  public long version(ConformedTables table) {
    return tables.version(path(table)).orElseThrow(() -> new IllegalStateException("no Delta table at " + path(table)));
  }

  /** The table as it was at a Delta version; empty when that version can no longer be read (vacuumed, removed). */
  public Optional<Dataset<Row>> readVersion(ConformedTables table, long version) {
    try {
      return Optional.of(spark.read().format("delta").option("versionAsOf", version).load(path(table)));
    } catch (Exception e) { // Delta's AnalysisException, undeclared by Scala: the caller rebuilds instead
      return Optional.empty();
    }
  }

  public boolean exists(ConformedTables table) {
    return tables.exists(path(table));
  }

  /**
   * Makes the rows of {@code table} selected by {@code scope} equal to {@code desired} (in the
   * table's column order). Returns the number of rows inserted, updated or deleted.
   */
  public long write(ConformedTables table, Dataset<Row> desired, UnaryOperator<Dataset<Row>> scope) {
    if (!exists(table)) {
      // Counted from the commit's metrics: counting the plan again would compute the table twice.
      tables.write(path(table), path -> desired.write().format("delta").save(path));
      return tables.rowsWritten(path(table));
    }
    // Every desired row's key lies in the scope (the scope is what was recomputed), so the rows
    // outside it can hold no earlier version of a desired row. Both sides are hashed over the
    // table's columns in its own order: a scope joining USING a column moves it first, and a row
    // hashed in another column order would never equal its stored twin.
    Column[] columns = table.columns().stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Dataset<Row> inScope = scope.apply(read(table)).select(columns);
    Dataset<Row> wanted = desired.select(columns);
    Column sameKey = sameKey(table, wanted, inScope);
    Dataset<Row> upserts = wanted.join(inScope, sameKey.and(hash(wanted).equalTo(hash(inScope))), "left_anti")
        .withColumn(DELETE, lit(false));
    Dataset<Row> deletes = inScope.join(wanted, sameKey(table, inScope, wanted), "left_anti")
        .withColumn(DELETE, lit(true));
    Dataset<Row> changes = upserts.unionByName(deletes).persist();
    try {
      long changed = changes.count();
      if (changed > 0) {
        tables.write(path(table), path -> merge(table, path, changes));
      }
      return changed;
    } finally {
      changes.unpersist();
    }
  }

  /** Appends rows (the run log of conform's own state). */
  public void append(ConformedTables table, Dataset<Row> rows) {
    tables.write(path(table), path -> rows.write().format("delta").mode("append").save(path));
  }

  private void merge(ConformedTables table, String path, Dataset<Row> changes) {
    Map<String, String> assignments = new LinkedHashMap<>();
    table.columns().forEach(c -> assignments.put(c, "s.`" + c + "`"));
    String on = String.join(" AND ", table.key().stream().map(k -> "t.`" + k + "` <=> s.`" + k + "`").toList());
    DeltaTable.forPath(spark, path).as("t")
        .merge(changes.as("s"), on)
        .whenMatched("s." + DELETE).delete()
        .whenMatched().updateExpr(assignments)
        .whenNotMatched("NOT s." + DELETE).insertExpr(assignments)
        .execute();
  }

  private static Column sameKey(ConformedTables table, Dataset<Row> left, Dataset<Row> right) {
    List<Column> parts = table.key().stream().map(k -> left.col(k).eqNullSafe(right.col(k))).toList();
    return parts.stream().reduce(Column::and).orElseThrow();
  }

  private static Column hash(Dataset<Row> rows) {
    return sha2(to_json(struct(java.util.Arrays.stream(rows.columns()).map(rows::col).toArray(Column[]::new))), 256);
  }
}
