package dossier.analyse;

import static org.apache.spark.sql.functions.max;

import dossier.job.TableAccess;
import dossier.schema.TableSpec;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The restated state of the analysed tables ({@code analysed/<table>}, one row per key) and the
 * as-of month it is as of, kept in {@code analysed/restatement} rather than on every row: a later
 * run that replaces only the keys it can reach leaves the other rows as they are, and they stay
 * right as of the new month. A run of as-of month M restates when no state exists yet or M is not
 * before the state's month; a run of an earlier month leaves the state alone.
 */
public final class RestatedTables {
  /** {@code analysed/restatement}: one row per analysed table, the as-of month of its restated state. */
  public static final TableSpec RESTATEMENT = TableSpec.builder("restatement", "重述状态",
          "one row per analysed table")
      .key("table_name")
      .column("table_name", "表名", "string", "The analysed table whose restated state the row describes.")
      .column("restated_as_of", "重述截至月份", "string",
          "The as-of month (yyyy-MM) whose deliveries its restated figures use: the latest as-of month analysed.")
      .build();

  private final TableAccess tables;

  public RestatedTables(TableAccess tables) {
    this.tables = tables;
  }

  /** The as-of month the restated state is as of; empty before the first analysis. */
  public Optional<YearMonth> asOf() {
    String path = tables.lake().analysed(RESTATEMENT.name());
    if (!tables.exists(path)) {
      return Optional.empty();
    }
    Row latest = tables.read(path).agg(max("restated_as_of")).first();
    return latest.isNullAt(0) ? Optional.empty() : Optional.of(YearMonth.parse(latest.getString(0)));
  }

  /** Whether a run of {@code month} restates: no state yet, or the state is not after it. */
  public static boolean restates(YearMonth month, Optional<YearMonth> restatedAsOf) {
    return restatedAsOf.map(state -> !month.isBefore(state)).orElse(true);
  }

  /**
   * Replaces the table's restated state with {@code asOfM}, its rows as of the run's month (their
   * {@code as_of_month} dropped), in one commit. The schema is replaced too: a lake of the layout
   * before restated tables held this path partitioned by {@code as_of_month}.
   */
  public void write(AnalysedTable table, Dataset<Row> asOfM) {
    Dataset<Row> rows = table.restated().conform(asOfM.drop(TableSpec.AS_OF_MONTH));
    tables.write(tables.lake().analysed(table.name()), path -> rows.write().format("delta").mode("overwrite")
        .option("overwriteSchema", "true").save(path));
  }

  /** Records that the restated state of these tables is as of {@code month} (one commit, after their writes). */
  public void recordAsOf(SparkSession spark, List<AnalysedTable> written, YearMonth month) {
    List<Row> rows = written.stream().map(t -> RowFactory.create(t.name(), month.toString())).toList();
    Dataset<Row> state = spark.createDataFrame(rows, RESTATEMENT.schema()).coalesce(1);
    tables.write(tables.lake().analysed(RESTATEMENT.name()), path -> state.write().format("delta").mode("overwrite")
        .save(path));
  }

  /** The table's restated state. */
  public Dataset<Row> read(AnalysedTable table) {
    return tables.read(tables.lake().analysed(table.name()));
  }
}
