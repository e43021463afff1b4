package dossier.conform.io;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.contract.Supersession;
import dossier.job.TableAccess;
import dossier.normalise.Dates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

/**
 * Reads the raw tables conform needs: a dataset's canonical columns, typed per its contract,
 * beside each date-or-month column whether it was given as a year-month only, and the provenance
 * columns conform carries on. A dataset never delivered has no table yet and reads as empty.
 */
public final class RawTables {
  /** The provenance columns conform reads, with the types it reads them as. */
  public static final List<String> PROVENANCE = List.of(Provenance.DELIVERY_MONTH, Provenance.FILE_MONTH,
      Provenance.SOURCE_FILE, Provenance.SOURCE_PATH, Provenance.FILE_SHA256, Provenance.ROW_NUMBER,
      Provenance.SUPERSEDED_BY);

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
    return typed(tables.readVersion(tables.lake().raw(contract.name()), version.getAsLong()), contract);
  }

  /** A raw table's rows (as the landing job writes them) in the shape {@link #read} returns. */
  public static Dataset<Row> typed(Dataset<Row> rawTable, DatasetContract contract) {
    Map<String, ColumnSpec> datedBy = contract.columns().stream().filter(c -> c.type() == ColumnType.DATE_OR_MONTH)
        .collect(Collectors.toMap(c -> monthOnly(c.name()), c -> c));
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema(contract).fields()) {
      ColumnSpec dated = datedBy.get(field.name());
      columns.add((dated == null ? col(field.name()).cast(field.dataType()) : givenAsMonth(dated)).as(field.name()));
    }
    return Supersession.marked(rawTable).select(columns.toArray(Column[]::new));
  }

  /**
   * The column beside a date-or-month column that says its cell gave a year-month only: its date is
   * then the month's first day, coarser than a full date (see History).
   */
  public static String monthOnly(String column) {
    return column + "_month_only";
  }

  /**
   * The landings in a dataset's raw table at a Delta version: one row per (source_path,
   * file_sha256, run_id, superseded_by), the file version, the landing run that wrote its rows and
   * the version that replaced it: a version replaced since is a landing that changed.
   */
  public Dataset<Row> landings(DatasetContract contract, OptionalLong version) {
    List<Column> landing = List.of(col(Provenance.SOURCE_PATH), col(Provenance.FILE_SHA256), col(Provenance.RUN_ID),
        col(Provenance.SUPERSEDED_BY));
    if (version.isEmpty()) {
      return spark.createDataFrame(List.of(), new StructType().add(Provenance.SOURCE_PATH, DataTypes.StringType)
          .add(Provenance.FILE_SHA256, DataTypes.StringType).add(Provenance.RUN_ID, DataTypes.StringType)
          .add(Provenance.SUPERSEDED_BY, DataTypes.StringType));
    }
    return Supersession.marked(tables.readVersion(tables.lake().raw(contract.name()), version.getAsLong()))
        .select(landing.toArray(Column[]::new)).distinct();
  }

  /** The file's sequence within its month: {@code _n} of {@code <dataset>_<YYYYMM>_<n>.ext}, else 1. */
  public static Column fileSequence() {
    Column n = regexp_extract(col(Provenance.SOURCE_FILE), "_[0-9]{6}_([0-9]+)\\.[A-Za-z]+$", 1);
    return when(n.equalTo(""), lit(1)).otherwise(n.cast("int"));
  }

  /**
   * The schema {@link #read} returns: canonical columns (a date-or-month one followed by its
   * {@link #monthOnly}), then provenance.
   */
  public static StructType schema(DatasetContract contract) {
    StructType schema = new StructType();
    for (ColumnSpec column : contract.columns()) {
      schema = schema.add(column.name(), DataType.fromDDL(column.type().sparkType()));
      if (column.type() == ColumnType.DATE_OR_MONTH) {
        schema = schema.add(monthOnly(column.name()), DataTypes.BooleanType, false);
      }
    }
    for (String name : PROVENANCE) {
      schema = schema.add(name, provenanceType(name));
    }
    return schema;
  }

  private static DataType provenanceType(String name) {
    return name.equals(Provenance.ROW_NUMBER) ? DataTypes.IntegerType : DataTypes.StringType;
  }

  /**
   * Whether the column's cell, as delivered (raw_values, under any of its spellings), is a
   * year-month without a day. A UDF, so that the landing's own parser decides ({@link Dates}):
   * its spellings copied into Spark expressions would be a second parser to keep in step.
   */
  private static Column givenAsMonth(ColumnSpec column) {
    Set<String> spellings = column.headers().stream().map(ColumnSpec::headerKey).collect(Collectors.toUnmodifiableSet());
    UDF1<scala.collection.Map<String, String>, Boolean> yearMonthOnly = raw -> raw != null
        && CollectionConverters.asJava(raw).entrySet().stream()
            .anyMatch(cell -> spellings.contains(ColumnSpec.headerKey(cell.getKey())) && Dates.isYearMonthOnly(cell.getValue()));
    return coalesce(udf(yearMonthOnly, DataTypes.BooleanType).apply(col(Provenance.RAW_VALUES)), lit(false));
  }
}
