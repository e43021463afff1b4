package dossier.land;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The landing job's logic on parsed rows, as pure functions of datasets: apply whole-file
 * reasons, cast canonical texts to the contract's types with defaults, evaluate the contract's
 * row checks, and split rows into a raw table's rows and quarantine rows.
 */
final class LandTransforms {
  static final String REASONS = "reasons";
  static final String DATASET = "dataset";

  /** Columns of {@code raw/quarantine}, in order. */
  static final List<String> QUARANTINE_COLUMNS = List.of(DATASET, Provenance.SOURCE_FILE, Provenance.SOURCE_PATH,
      Provenance.DELIVERY_MONTH, Provenance.FILE_SHA256, Provenance.ROW_NUMBER, Provenance.RAW_VALUES, REASONS,
      Provenance.RUN_ID, Provenance.LANDED_AT);

  private LandTransforms() {}

  /**
   * Rows of a file that cannot land as a whole carry its reason first. {@code fileReasons} has
   * one row per such file: source_path, file_reason.
   */
  static Dataset<Row> withFileReasons(Dataset<Row> rows, Dataset<Row> fileReasons) {
    Dataset<Row> reasons = fileReasons.select(col(Provenance.SOURCE_PATH).as("rejected_path"),
        col("file_reason").as("whole_file_reason"));
    return rows.join(broadcast(reasons), rows.col(Provenance.SOURCE_PATH).equalTo(reasons.col("rejected_path")), "left")
        .withColumn(REASONS, when(col("whole_file_reason").isNull(), col(REASONS))
            .otherwise(concat(array(col("whole_file_reason")), col(REASONS))))
        .drop("rejected_path", "whole_file_reason");
  }

  /**
   * The rows of one dataset with its canonical columns typed (defaults applied), the provenance
   * columns, and every reason: the parser's, a value the type cannot hold, and, for rows whose
   * cells are all valid, each failed row check.
   */
  static Dataset<Row> typed(Dataset<Row> rows, DatasetContract contract) {
    List<Column> columns = new ArrayList<>();
    List<Column> castFailures = new ArrayList<>();
    List<ColumnSpec> specs = contract.columns();
    for (int i = 0; i < specs.size(); i++) {
      ColumnSpec spec = specs.get(i);
      Column text = col("values").getItem(i);
      if (spec.defaultValue().isPresent()) {
        text = coalesce(text, lit(spec.defaultValue().get()));
      }
      Column value = text.try_cast(spec.type().sparkType());
      columns.add(value.as(spec.name()));
      castFailures.add(when(text.isNotNull().and(value.isNull()),
          lit(spec.name() + ": cannot be stored as " + spec.type().sparkType())));
    }
    provenanceColumns().forEach(c -> columns.add(col(c)));
    columns.add(col(DATASET));
    columns.add(concat(col(REASONS), array_compact(array(castFailures.toArray(Column[]::new)))).as(REASONS));
    Dataset<Row> typed = rows.where(col(DATASET).equalTo(contract.name())).select(columns.toArray(Column[]::new));
    if (contract.checks().isEmpty()) {
      return typed;
    }
    // A check over missing or invalid values says nothing new: checks judge rows whose cells are all valid.
    Column[] failedChecks = contract.checks().stream()
        .map(check -> when(size(col(REASONS)).equalTo(0).and(not(coalesce(expr(check.sql()), lit(false)))),
            lit(check.name())))
        .toArray(Column[]::new);
    return typed.withColumn(REASONS, concat(col(REASONS), array_compact(array(failedChecks))));
  }

  /**
   * Rows that land in the dataset's raw table: canonical columns, then the provenance columns;
   * {@code supersededBy} gives each row's {@link Provenance#SUPERSEDED_BY}.
   */
  static Dataset<Row> landed(Dataset<Row> typed, DatasetContract contract, String runId, Timestamp landedAt,
      Column supersededBy) {
    List<Column> columns = new ArrayList<>();
    contract.columns().forEach(c -> columns.add(col(c.name())));
    Provenance.COLUMNS.forEach(c -> columns.add(col(c)));
    return stamp(typed.where(size(col(REASONS)).equalTo(0)), runId, landedAt)
        .withColumn(Provenance.SUPERSEDED_BY, supersededBy.cast("string"))
        .select(columns.toArray(Column[]::new));
  }

  /** Rows with at least one reason, as quarantine rows. */
  static Dataset<Row> quarantined(Dataset<Row> typed, String runId, Timestamp landedAt) {
    return stamp(typed.where(size(col(REASONS)).gt(0)), runId, landedAt)
        .select(QUARANTINE_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** Per file: rows that would land and rows that would be quarantined. */
  static Dataset<Row> countsPerFile(Dataset<Row> typed) {
    Column ok = size(col(REASONS)).equalTo(0);
    return typed.groupBy(Provenance.SOURCE_PATH).agg(
        org.apache.spark.sql.functions.count_if(ok).as("rows_landed"),
        org.apache.spark.sql.functions.count_if(not(ok)).as("rows_quarantined"));
  }

  /** The provenance columns the parser already fills (run id, time and supersession come with the write). */
  private static List<String> provenanceColumns() {
    return Provenance.COLUMNS.stream()
        .filter(c -> !c.equals(Provenance.RUN_ID) && !c.equals(Provenance.LANDED_AT) && !c.equals(Provenance.SUPERSEDED_BY))
        .toList();
  }

  private static Dataset<Row> stamp(Dataset<Row> rows, String runId, Timestamp landedAt) {
    return rows.withColumn(Provenance.RUN_ID, lit(runId)).withColumn(Provenance.LANDED_AT, lit(landedAt));
  }
}
