package dossier.publish;

import static org.apache.spark.sql.functions.col;

import dossier.analyse.AnalysedTable;
import dossier.analyse.AnalysedTables;
import dossier.analyse.RestatedTables;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.schema.TableSpec;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What publish reads, through the stage's {@link TableAccess}: the analysed tables' slices of the
 * as-of month and (unless reproducing a run) their restated state with the month it is as of, the
 * conformed tables and the raw manifest and quarantine. The run log records the version of each,
 * and an as-reported run reads the versions the original run read.
 *
 * @param restatedAsOf the month the restated tables are as of; empty when they were not read
 * @param restated the analysed tables' restated state, by table name; empty when not read
 * @param reported the analysed tables' slices of the as-of month, by table name
 * @param unitHistory conformed unit_history
 * @param cadreHistory conformed cadre_history
 * @param recordVersion conformed record_version
 * @param supervisionRecord conformed supervision_record
 * @param unresolvedRecord conformed unresolved_record
 * @param dossier conformed dossier
 * @param datasetStats conformed dataset_stats
 * @param manifest raw file_manifest
 * @param quarantine raw quarantine (empty when nothing was ever quarantined)
 */
record PublishInputs(Optional<YearMonth> restatedAsOf, Map<String, Dataset<Row>> restated,
    Map<String, Dataset<Row>> reported, Dataset<Row> unitHistory, Dataset<Row> cadreHistory,
    Dataset<Row> recordVersion, Dataset<Row> supervisionRecord, Dataset<Row> unresolvedRecord, Dataset<Row> dossier,
    Dataset<Row> datasetStats, Dataset<Row> manifest, Dataset<Row> quarantine) {
  /** The raw quarantine's columns publish reads. */
  private static final StructType QUARANTINE = StructType.fromDDL("dataset string, source_file string, "
      + "source_path string, delivery_month string, row_number int, raw_values map<string,string>, "
      + "reasons array<string>");

  /**
   * @param withRestated whether to read the restated state (not when reproducing a run, which
   *     rewrites the month's slices only)
   */
  static PublishInputs read(SparkSession spark, TableAccess tables, YearMonth asOf, boolean withRestated) {
    Lake lake = tables.lake();
    Map<String, Dataset<Row>> reported = new LinkedHashMap<>();
    Map<String, Dataset<Row>> restated = new LinkedHashMap<>();
    for (AnalysedTable table : AnalysedTables.ALL) {
      reported.put(table.name(), slice(tables, table, asOf));
      if (withRestated) {
        restated.put(table.name(), restated(tables, table));
      }
    }
    if (reported.get(AnalysedTables.UNIT_WARNING.name()).isEmpty()) {
      throw new IllegalStateException("analysed/" + AnalysedTables.UNIT_WARNING.reported().name() + " holds no rows "
          + "for as-of month " + asOf + ": run analyse --as-of " + asOf + " before publishing it");
    }
    return new PublishInputs(withRestated ? Optional.of(latestAnalysed(tables)) : Optional.empty(), restated,
        reported,
        required(tables, lake.conformed("unit_history"), "conform"),
        required(tables, lake.conformed("cadre_history"), "conform"),
        required(tables, lake.conformed("record_version"), "conform"),
        required(tables, lake.conformed("supervision_record"), "conform"),
        required(tables, lake.conformed("unresolved_record"), "conform"),
        required(tables, lake.conformed("dossier"), "conform"),
        required(tables, lake.conformed("dataset_stats"), "conform"),
        required(tables, lake.fileManifest(), "land"),
        tables.exists(lake.quarantine()) ? tables.read(lake.quarantine())
            : spark.createDataFrame(List.of(), QUARANTINE));
  }

  /** The latest as-of month analysed (the restated tables' month): what publish publishes when no month is given. */
  static YearMonth latestAnalysed(TableAccess tables) {
    return new RestatedTables(tables).asOf().orElseThrow(() -> new IllegalStateException(
        tables.lake().analysed(RestatedTables.RESTATEMENT.name()) + " holds no as-of month: run analyse first"));
  }

  Dataset<Row> restated(AnalysedTable table) {
    return restated.get(table.name());
  }

  Dataset<Row> reported(AnalysedTable table) {
    return reported.get(table.name());
  }

  /** The month the restated tables are as of. */
  YearMonth restatedMonth() {
    return restatedAsOf.orElseThrow(() -> new IllegalStateException("the restated tables were not read"));
  }

  /**
   * The table's slice of the as-of month. A run being reproduced that predates the reported slices
   * read the table in its earlier layout, every as-of month in one table: its rows of the month are
   * cut to what that month reports.
   */
  private static Dataset<Row> slice(TableAccess tables, AnalysedTable table, YearMonth asOf) {
    String slices = tables.lake().analysed(table.reported().name());
    String restated = tables.lake().analysed(table.name());
    if (!tables.exists(slices) && tables.exists(restated) && byAsOfMonth(tables.read(restated))) {
      return table.reportedPeriods().slice(tables.read(restated).filter(col(TableSpec.AS_OF_MONTH)
          .equalTo(asOf.toString())), asOf);
    }
    return required(tables, slices, "analyse").filter(col(TableSpec.AS_OF_MONTH).equalTo(asOf.toString()));
  }

  private static Dataset<Row> restated(TableAccess tables, AnalysedTable table) {
    String path = tables.lake().analysed(table.name());
    Dataset<Row> rows = required(tables, path, "analyse");
    if (byAsOfMonth(rows)) {
      throw new IllegalStateException(path + " is still in the layout with one partition per as-of month: run "
          + "analyse once to restate it (see CHANGELOG.md)");
    }
    return rows;
  }

  private static boolean byAsOfMonth(Dataset<Row> rows) {
    return Arrays.asList(rows.columns()).contains(TableSpec.AS_OF_MONTH);
  }

  private static Dataset<Row> required(TableAccess tables, String path, String stage) {
    if (!tables.exists(path)) {
      throw new IllegalStateException(path + " is not a Delta table: run " + stage + " before publish");
    }
    return tables.read(path);
  }
}
