package dossier.analyse;

import static org.apache.spark.sql.functions.col;

import dossier.job.TableAccess;
import dossier.schema.TableSpec;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes and reads the {@code as_of_month} partition of an analysed table by as-of month: a
 * table's reported slices ({@code analysed/<table>_reported}) and {@code analysed/data_quality}. A
 * write replaces that partition only (Delta replaceWhere, one commit), so re-running a month
 * changes nothing and other months' rows stay.
 */
public final class AsOfPartitions {
  public static final String AS_OF_MONTH = TableSpec.AS_OF_MONTH;

  private final TableAccess tables;
  private final YearMonth asOf;

  public AsOfPartitions(TableAccess tables, YearMonth asOf) {
    this.tables = tables;
    this.asOf = asOf;
  }

  /**
   * Whether a table (a path below the lake, e.g. {@code analysed/cadre_score_reported} or
   * {@code curated/open/data_quality}) holds a partition per run rather than one restated state: a
   * rebuild and a month-by-month lake restate the same figures but report different months.
   */
  public static boolean isPerRun(String table) {
    // data_quality is publish's (QualityTable.SPEC), a layer above: named here, not imported.
    return table.endsWith(TableSpec.REPORTED) || table.endsWith("/data_quality");
  }

  /**
   * Replaces the as-of partition of the table with these rows, checked against its spec, in one
   * file: a slice holds one month's reporting, a few KB at a district's size, and one file per
   * upstream partition (four of about 8 KB) made the month-by-month lake grow by their footers
   * (BENCHMARKS.md, "Month by month"). Coalescing merges partitions without a shuffle.
   */
  public void write(TableSpec table, Dataset<Row> rows) {
    tables.write(tables.lake().analysed(table.name()), path -> table.conform(rows).coalesce(1).write().format("delta")
        .mode("overwrite")
        .option("replaceWhere", AS_OF_MONTH + " = '" + asOf + "'")
        .partitionBy(AS_OF_MONTH)
        .save(path));
  }

  /** The table's rows of this as-of month, as written. */
  public Dataset<Row> read(TableSpec table) {
    return tables.read(tables.lake().analysed(table.name())).filter(col(AS_OF_MONTH).equalTo(asOf.toString()));
  }
}
