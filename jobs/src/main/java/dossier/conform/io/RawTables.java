package dossier.conform.io;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.job.TableAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

/**
 * Reads the raw tables conform needs: a dataset's canonical columns, typed per its contract,
 * and the provenance columns conform carries on. A dataset never delivered has no table yet and
 * reads as empty.
 */
public final class RawTables {
  /** The provenance columns conform reads, with the types it reads them as. */
  public static final List<String> PROVENANCE = List.of(Provenance.DELIVERY_MONTH, Provenance.FILE_MONTH,
      Provenance.SOURCE_FILE, Provenance.SOURCE_PATH, Provenance.FILE_SHA256, Provenance.ROW_NUMBER);

  private final SparkSession spark;
  private final TableAccess tables;

  public RawTables(SparkSession spark, TableAccess tables) {
    this.spark = spark;
    this.tables = tables;
  }

  /** The current Delta version of a dataset's raw table; empty when it does not exist yet. */
  public OptionalLong version(String dataset) {
    return tables.version(tables.lake().raw(dataset));
  }

  /** The dataset's raw rows at a Delta version (empty version = the table does not exist: no rows). */
  public Dataset<Row> read(DatasetContract contract, OptionalLong version) {
    if (version.isEmpty()) {
      return spark.createDataFrame(List.of(), schema(contract));
    }
    Dataset<Row> table = tables.readVersion(tables.lake().raw(contract.name()), version.getAsLong());
    return table.select(columns(contract).toArray(Column[]::new));
  }

  /**
   * The landings in a dataset's raw table at a Delta version: one row per (source_path,
   * file_sha256, run_id), the file version and the landing run that wrote its rows.
   */
  public Dataset<Row> landings(DatasetContract contract, OptionalLong version) {
    List<Column> landing = List.of(col(Provenance.SOURCE_PATH), col(Provenance.FILE_SHA256), col(Provenance.RUN_ID));
    if (version.isEmpty()) {
      return spark.createDataFrame(List.of(), new StructType().add(Provenance.SOURCE_PATH, DataTypes.StringType)
          .add(Provenance.FILE_SHA256, DataTypes.StringType).add(Provenance.RUN_ID, DataTypes.StringType));
    }
    return tables.readVersion(tables.lake().raw(contract.name()), version.getAsLong())
        .select(landing.toArray(Column[]::new)).distinct();
  }

  /** The file's sequence within its month: {@code _n} of {@code <dataset>_<YYYYMM>_<n>.ext}, else 1. */
  public static Column fileSequence() {
    Column n = regexp_extract(col(Provenance.SOURCE_FILE), "_[0-9]{6}_([0-9]+)\\.[A-Za-z]+$", 1);
    return when(n.equalTo(""), lit(1)).otherwise(n.cast("int"));
  }

  /** The schema {@link #read} returns: canonical columns, then provenance. */
  public static StructType schema(DatasetContract contract) {
    StructType schema = new StructType();
    for (ColumnSpec column : contract.columns()) {
      schema = schema.add(column.name(), DataType.fromDDL(column.type().sparkType()));
    }
    for (String name : PROVENANCE) {
      schema = schema.add(name, name.equals(Provenance.ROW_NUMBER) ? DataTypes.IntegerType : DataTypes.StringType);
    }
    return schema;
  }

  private static List<Column> columns(DatasetContract contract) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema(contract).fields()) {
      columns.add(col(field.name()).cast(field.dataType()).as(field.name()));
    }
    return columns;
  }
}
