package dossier.lake;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.xxhash64;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * An order-independent fingerprint of a set of rows, taken in one aggregation: two independent
 * hashes (64 and 32 bits) of each row's JSON, each summed exactly. The same rows in any order or
 * partitioning give the same sums; a duplicated row changes them. JSON, not the hash of the columns
 * themselves, so that a null moved from one column to another is a different row.
 */
public final class RowHashes {
  private RowHashes() {}

  /** Each row as JSON with its columns in the given order; a map as its entries sorted by key. */
  public static Column json(StructType schema) {
    return to_json(struct(Arrays.stream(schema.fields()).map(RowHashes::canonical).toArray(Column[]::new)));
  }

  /** The two sums over {@link #json}, to put in one {@code agg(...)}; read them back with {@link #sums}. */
  public static Column[] aggregates(Column json) {
    return new Column[] {sum(xxhash64(json).cast("decimal(38,0)")), sum(hash(json).cast("decimal(38,0)"))};
  }

  /** The two sums of an aggregated row, from column {@code at} on ("0" for no rows). */
  public static String sums(Row totals, int at) {
    return decimal(totals, at) + "|" + decimal(totals, at + 1);
  }

  /**
   * The column under its own name, a map as its entries sorted by key: two equal maps built in
   * different orders give the same JSON, and set operations, which cannot compare maps, can.
   */
  static Column canonical(StructField field) {
    Column column = col("`" + field.name() + "`");
    return (field.dataType() instanceof MapType ? array_sort(map_entries(column)) : column).as(field.name());
  }

  private static String decimal(Row totals, int i) {
    return totals.isNullAt(i) ? "0" : ((BigDecimal) totals.get(i)).toPlainString();
  }
}
