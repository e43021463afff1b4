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
import dossier.contract.Supersession;
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

  /** Beside the shape in {@link #flagged}: whether the row is a person record (the record block's {@code where}). */
  public static final String PERSON = "person";
  /** Beside the shape in {@link #flagged}: 1 for a row, 2… for the rows of its file identical to it. */
  public static final String COPY = "copy";

  private SourceRecords() {}

  /** The delivered records of one dataset's raw rows (as {@code RawTables.read} returns them). */
  public static Dataset<Row> of(Dataset<Row> raw, RecordMapping mapping, ConformSettings settings) {
    return records(flagged(raw, mapping, settings));
  }

  /**
   * Every raw row of one dataset in the delivered-record shape, with {@link #PERSON} and
   * {@link #COPY}: the records are the person rows' first copies ({@link #records}), and
   * dataset_stats counts the rest from the same rows, so the raw table is read once for both.
   */
  public static Dataset<Row> flagged(Dataset<Row> raw, RecordMapping mapping, ConformSettings settings) {
    Column person = mapping.where().map(sql -> coalesce(expr(sql), lit(false))).orElse(lit(true));
    Dataset<Row> rows = raw.withColumn(PERSON, person)
        .withColumn(COPY, copyNumber(mapping.contract()))
        .withColumn(ConformSettings.SUB_CATEGORY, expr(mapping.subCategory()).cast("string"))
        .withColumn("event_date", expr(mapping.eventDate()).cast("date"));
    List<Column> columns = new ArrayList<>(shape(mapping));
    columns.add(col(PERSON));
    columns.add(col(COPY));
    columns.add(col(Provenance.SUPERSEDED_BY));
    return Points.score(rows, settings.rules(mapping.category())).select(columns.toArray(Column[]::new));
  }

  /**
   * The delivered records of {@link #flagged} rows: person records, rows identical to an earlier
   * row of their file dropped; and for a matter a replaced file version held and its replacement
   * no longer does, a revoking record dated by the replacement (see Supersession).
   */
  public static Dataset<Row> records(Dataset<Row> flagged) {
    Dataset<Row> records = flagged.where(col(PERSON).and(col(COPY).equalTo(1))).drop(PERSON, COPY);
    Dataset<Row> withdrawn = Supersession.withdrawals(records, List.of("dataset", "record_key"))
        .withColumn("revoked", lit(true));
    return records.unionByName(withdrawn).drop(Provenance.SUPERSEDED_BY);
  }

  /** 1 for a row, 2… for the rows of the same file version identical to it in every canonical column. */
  public static Column copyNumber(DatasetContract contract) {
    List<Column> identity = new ArrayList<>();
    identity.add(col(Provenance.SOURCE_PATH));
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
