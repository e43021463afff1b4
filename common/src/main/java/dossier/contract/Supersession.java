package dossier.contract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a replaced file version's rows still say (extracts.md: a file with the same name and new
 * bytes replaces the earlier version). The raw tables keep every version's rows, a replaced one's
 * marked {@link Provenance#SUPERSEDED_BY}: what it delivered stays delivered in its month, and the
 * replacement changes it from the month the replacement arrived. A key the replacement no longer
 * holds is withdrawn from that month, as a revocation would void it; a replacement that landed no
 * rows at all (a file rejected as a whole) withdraws nothing.
 */
public final class Supersession {
  private Supersession() {}

  /** A raw table's rows with {@link Provenance#SUPERSEDED_BY}, null on a table landed before it existed. */
  public static Dataset<Row> marked(Dataset<Row> raw) {
    return Arrays.asList(raw.columns()).contains(Provenance.SUPERSEDED_BY) ? raw
        : raw.withColumn(Provenance.SUPERSEDED_BY, lit(null).cast("string"));
  }

  /**
   * One row per row of a replaced version whose key (the {@code key} columns, nulls equal) its
   * replacement does not hold, when the replacement holds rows: a copy of that row dated by the
   * replacement (its delivery month and path, no row number, no longer superseded). The caller
   * makes it void its key, as its revocation marker does.
   *
   * @param rows one dataset's raw rows, every version's, with {@link Provenance#SUPERSEDED_BY}
   */
  public static Dataset<Row> withdrawals(Dataset<Row> rows, List<String> key) {
    Dataset<Row> replacements = rows.select(col(Provenance.SOURCE_PATH).as("replacement"),
        col(Provenance.DELIVERY_MONTH).as("replacement_month")).distinct();
    List<String> heldColumns = new ArrayList<>();
    heldColumns.add(Provenance.SOURCE_PATH);
    heldColumns.addAll(key);
    Dataset<Row> held = rows.select(heldColumns.stream().map(c -> col(c).as("held_" + c)).toArray(Column[]::new))
        .distinct();
    Column stillHeld = col(Provenance.SUPERSEDED_BY).equalTo(col("held_" + Provenance.SOURCE_PATH));
    for (String k : key) {
      stillHeld = stillHeld.and(col(k).eqNullSafe(col("held_" + k)));
    }
    return rows.where(col(Provenance.SUPERSEDED_BY).isNotNull())
        .join(replacements, col(Provenance.SUPERSEDED_BY).equalTo(col("replacement")))
        .join(held, stillHeld, "left_anti")
        .withColumn(Provenance.DELIVERY_MONTH, col("replacement_month"))
        .withColumn(Provenance.SOURCE_PATH, col("replacement"))
        .withColumn(Provenance.ROW_NUMBER, lit(null).cast(rows.schema().apply(Provenance.ROW_NUMBER).dataType()))
        .withColumn(Provenance.SUPERSEDED_BY, lit(null).cast("string"))
        .select(Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new));
  }
}
