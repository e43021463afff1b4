package dossier.conform.records;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dossier.conform.io.RawTables;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.RecordMapping;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Raw rows of one person-level dataset to delivered records: one row per delivered row that is a
 * person record (its record block's {@code where}), exact duplicates inside a file kept once, in
 * the uniform shape every dataset shares ({@link #COLUMNS}), scored by its category's rules.
 */
public final class SourceRecords {
  /** The optional record-state column of every incremental dataset (extracts.md) and its revoking code. */
  public static final String RECORD_STATE = "record_state";
  public static final String REVOKED = "撤销";
  /** Separates the fields of a business key in {@code record_key}. */
  public static final String KEY_SEPARATOR = "\u001F";

  /** The delivered-record shape, in order. */
  public static final List<String> COLUMNS = List.of(
      "dataset", "record_key", "id_number", "name", "unit_name", "post", "category", "sub_category",
      "event_date", "points", "severe", "rules_fired", "revoked", "attributes",
      Provenance.DELIVERY_MONTH, Provenance.FILE_MONTH, "file_seq", Provenance.ROW_NUMBER, Provenance.SOURCE_PATH);

  private SourceRecords() {}

  /** The delivered records of one dataset's raw rows (as {@code RawTables.read} returns them). */
  public static Dataset<Row> of(Dataset<Row> raw, RecordMapping mapping, ConformSettings settings) {
    Dataset<Row> rows = withoutExactDuplicates(personRows(raw, mapping), mapping.contract())
        .withColumn(ConformSettings.SUB_CATEGORY, expr(mapping.subCategory()).cast("string"))
        .withColumn("event_date", expr(mapping.eventDate()).cast("date"));
    return Points.score(rows, settings.rules(mapping.category())).select(shape(mapping).toArray(Column[]::new));
  }

  /** The rows that are person records: those the record block's {@code where} keeps. */
  public static Dataset<Row> personRows(Dataset<Row> raw, RecordMapping mapping) {
    return mapping.where().map(sql -> raw.where(coalesce(expr(sql), lit(false)))).orElse(raw);
  }

  /** Rows identical (every canonical column) to an earlier row of the same file are dropped. */
  public static Dataset<Row> withoutExactDuplicates(Dataset<Row> raw, DatasetContract contract) {
    return raw.withColumn("copy", copyNumber(contract)).where(col("copy").equalTo(1)).drop("copy");
  }

  /** 1 for a row, 2… for the rows of the same file identical to it in every canonical column. */
  public static Column copyNumber(DatasetContract contract) {
    List<Column> identity = new ArrayList<>();
    identity.add(col(Provenance.SOURCE_FILE));
    contract.columns().forEach(c -> identity.add(col(c.name())));
    return row_number().over(Window.partitionBy(identity.toArray(Column[]::new)).orderBy(Provenance.ROW_NUMBER));
  }

  /** The business key of a row as one string: key fields joined by {@link #KEY_SEPARATOR}. */
  public static Column recordKey(DatasetContract contract) {
    return concat_ws(KEY_SEPARATOR, contract.key().stream()
        .map(k -> coalesce(col(k).cast("string"), lit(""))).toArray(Column[]::new));
  }

  /** Every canonical column as text, in contract order (dates yyyy-MM-dd). */
  public static Column attributes(DatasetContract contract) {
    return map_from_arrays(
        array(contract.columns().stream().map(c -> lit(c.name())).toArray(Column[]::new)),
        array(contract.columns().stream().map(c -> col(c.name()).cast("string")).toArray(Column[]::new)));
  }

  private static List<Column> shape(RecordMapping mapping) {
    DatasetContract contract = mapping.contract();
    Column revoked = contract.column(RECORD_STATE).isPresent()
        ? coalesce(col(RECORD_STATE).equalTo(REVOKED), lit(false)) : lit(false);
    return List.of(
        lit(mapping.dataset()).as("dataset"),
        recordKey(contract).as("record_key"),
        col(mapping.identify().id()).as("id_number"),
        optional(mapping.identify().name()).as("name"),
        optional(mapping.identify().unitName()).as("unit_name"),
        optional(mapping.identify().post()).as("post"),
        lit(mapping.category()).as("category"),
        col(ConformSettings.SUB_CATEGORY),
        col("event_date"),
        col("points"),
        col("severe"),
        col("rules_fired"),
        revoked.as("revoked"),
        attributes(contract).as("attributes"),
        col(Provenance.DELIVERY_MONTH),
        col(Provenance.FILE_MONTH),
        RawTables.fileSequence().as("file_seq"),
        col(Provenance.ROW_NUMBER),
        col(Provenance.SOURCE_PATH));
  }

  private static Column optional(Optional<String> column) {
    return column.map(c -> col(c).cast("string")).orElse(lit(null).cast("string"));
  }
}
