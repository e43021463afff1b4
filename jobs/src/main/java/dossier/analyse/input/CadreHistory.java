package dossier.analyse.input;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where a cadre or a unit stood on a date, from the conformed type-2 histories: the interval
 * with valid_from ≤ date &lt; valid_to (valid_from null = since before the first snapshot,
 * valid_to null = still open).
 */
public final class CadreHistory {
  private CadreHistory() {}

  /**
   * Adds the cadre's {@code unit_code} and {@code role} on the date in column {@code dateColumn}
   * (both null when the cadre held no post then). The rows need {@code person_key}.
   */
  public static Dataset<Row> withPostOn(Dataset<Row> rows, Dataset<Row> cadreHistory, String dateColumn) {
    Dataset<Row> h = cadreHistory.select(col("person_key").as("_h_person"), col("unit_code"), col("role"),
        col("valid_from").as("_h_from"), col("valid_to").as("_h_to"));
    return rows.join(h, col("person_key").equalTo(col("_h_person")).and(covers(col(dateColumn))), "left")
        .drop("_h_person", "_h_from", "_h_to");
  }

  /** One row per cadre in post on the date in column {@code dateColumn} of {@code dates}: the dates joined with person_key, unit_code, role. */
  public static Dataset<Row> inPostOn(Dataset<Row> dates, Dataset<Row> cadreHistory, String dateColumn) {
    Dataset<Row> h = cadreHistory.select(col("person_key"), col("unit_code"), col("role"),
        col("valid_from").as("_h_from"), col("valid_to").as("_h_to"));
    return dates.join(h, covers(col(dateColumn))).drop("_h_from", "_h_to");
  }

  /** Units alive on the date in column {@code dateColumn}: the dates joined with unit_code, unit_name, unit_type. */
  public static Dataset<Row> unitsOn(Dataset<Row> dates, Dataset<Row> unitHistory, String dateColumn) {
    Dataset<Row> h = unitHistory.select(col("unit_code"), col("unit_name"), col("unit_type"),
        col("valid_from").as("_h_from"), col("valid_to").as("_h_to"));
    return dates.join(h, covers(col(dateColumn))).drop("_h_from", "_h_to");
  }

  /**
   * Adds the {@code unit_name} and {@code unit_type} of the row's {@code unit_code} on the date in
   * column {@code dateColumn} (null when the unit register does not hold it then).
   */
  public static Dataset<Row> withUnitOn(Dataset<Row> rows, Dataset<Row> unitHistory, String dateColumn) {
    Dataset<Row> h = unitHistory.select(col("unit_code").as("_h_unit"), col("unit_name"), col("unit_type"),
        col("valid_from").as("_h_from"), col("valid_to").as("_h_to"));
    return rows.join(h, col("unit_code").equalTo(col("_h_unit")).and(covers(col(dateColumn))), "left")
        .drop("_h_unit", "_h_from", "_h_to");
  }

  private static Column covers(Column date) {
    return col("_h_from").isNull().or(col("_h_from").leq(date))
        .and(col("_h_to").isNull().or(date.lt(col("_h_to"))));
  }
}
