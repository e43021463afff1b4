package dossier.analyse.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import dossier.contract.Provenance;
import dossier.contract.Supersession;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * extracts.md "Record states": of an incremental raw dataset, the rows that hold as delivered by
 * the end of a month. For each business key the latest delivered row wins (delivery month, then
 * file month, then file name, so a further file {@code _<n>} of the same month comes later, then
 * row); a winning row that revokes the matter (撤销) voids it, and so does a replacement of the
 * file that no longer holds the key ({@link Supersession}).
 */
public final class LatestDelivery {
  public static final String RECORD_STATE = "record_state";
  public static final String REVOKED = "撤销";

  private LatestDelivery() {}

  /**
   * A raw dataset's rows with a revoking row (撤销) for each key a file's replacement no longer
   * holds, dated by the replacement ({@link Supersession#withdrawals}): the rows
   * {@link #asDeliveredBy} reads.
   */
  public static Dataset<Row> withWithdrawals(Dataset<Row> raw, List<String> key) {
    Dataset<Row> rows = Supersession.marked(raw);
    return rows.unionByName(Supersession.withdrawals(rows, key).withColumn(RECORD_STATE, lit(REVOKED)));
  }

  /** The rows that hold as delivered by the end of {@code asOf}, of rows {@link #withWithdrawals} gives. */
  public static Dataset<Row> asDeliveredBy(Dataset<Row> raw, List<String> key, YearMonth asOf) {
    var latestFirst = Window.partitionBy(key.stream().map(k -> col(k)).toArray(Column[]::new)).orderBy(
        col(Provenance.DELIVERY_MONTH).desc(), col(Provenance.FILE_MONTH).desc(),
        col(Provenance.SOURCE_FILE).desc(), col(Provenance.ROW_NUMBER).desc());
    return raw.filter(col(Provenance.DELIVERY_MONTH).leq(asOf.toString()))
        .withColumn("_latest", row_number().over(latestFirst))
        .filter(col("_latest").equalTo(1).and(col(RECORD_STATE).isNull().or(col(RECORD_STATE).notEqual(REVOKED))))
        .drop("_latest");
  }
}
