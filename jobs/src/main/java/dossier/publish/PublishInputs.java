package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dossier.analyse.AnalysedTables;
import dossier.analyse.AsOfPartitions;
import dossier.analyse.warning.UnitWarningTable;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.schema.TableSpec;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What publish reads, through the stage's {@link TableAccess}: the analysed tables' rows of the
 * as-of month, the conformed tables and the raw manifest and quarantine. The run log records the
 * version of each, and an as-reported run reads the versions the original run read.
 *
 * @param analysed the analysed tables' rows of the as-of month, by table name
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
record PublishInputs(Map<String, Dataset<Row>> analysed, Dataset<Row> unitHistory, Dataset<Row> cadreHistory,
    Dataset<Row> recordVersion, Dataset<Row> supervisionRecord, Dataset<Row> unresolvedRecord, Dataset<Row> dossier,
    Dataset<Row> datasetStats, Dataset<Row> manifest, Dataset<Row> quarantine) {
  /** The raw quarantine's columns publish reads. */
  private static final StructType QUARANTINE = StructType.fromDDL("dataset string, source_file string, "
      + "source_path string, delivery_month string, row_number int, raw_values map<string,string>, "
      + "reasons array<string>");

  static PublishInputs read(SparkSession spark, TableAccess tables, YearMonth asOf) {
    Lake lake = tables.lake();
    Map<String, Dataset<Row>> analysed = new LinkedHashMap<>();
    for (TableSpec table : AnalysedTables.ALL) {
      analysed.put(table.name(), required(tables, lake.analysed(table.name()), "analyse")
          .filter(col(AsOfPartitions.AS_OF_MONTH).equalTo(asOf.toString())));
    }
    if (analysed.get(UnitWarningTable.SPEC.name()).isEmpty()) {
      throw new IllegalStateException("analysed/" + UnitWarningTable.SPEC.name() + " holds no rows for as-of month "
          + asOf + ": run analyse --as-of " + asOf + " before publishing it");
    }
    return new PublishInputs(analysed,
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

  /** The latest as-of month analysed: what publish publishes when no month is given. */
  static YearMonth latestAnalysed(TableAccess tables) {
    Row latest = required(tables, tables.lake().analysed(UnitWarningTable.SPEC.name()), "analyse")
        .agg(max(AsOfPartitions.AS_OF_MONTH)).first();
    if (latest.isNullAt(0)) {
      throw new IllegalStateException("analysed/" + UnitWarningTable.SPEC.name() + " is empty: run analyse first");
    }
    return YearMonth.parse(latest.getString(0));
  }

  Dataset<Row> analysed(TableSpec table) {
    return analysed.get(table.name());
  }

  private static Dataset<Row> required(TableAccess tables, String path, String stage) {
    if (!tables.exists(path)) {
      throw new IllegalStateException(path + " is not a Delta table: run " + stage + " before publish");
    }
    return tables.read(path);
  }
}
