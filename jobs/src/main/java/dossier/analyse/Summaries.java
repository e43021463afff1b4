package dossier.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Small counts of written tables for the run summary (a handful of rows reach the driver). */
final class Summaries {
  private Summaries() {}

  /** "red 2, orange 3, ..." : rows by the values of {@code column}. */
  static String counts(Dataset<Row> rows, String column) {
    Map<String, Long> counts = new TreeMap<>();
    rows.groupBy(column).count().collectAsList()
        .forEach(r -> counts.put(String.valueOf(r.get(0)), r.getLong(1)));
    return counts.isEmpty() ? "none" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /**
   * "2023: 正职 好 3, 正职 较好 8 ..." : the rows of the latest {@code latestBy} value counted by
   * {@code group} and (when not null) {@code detail}.
   */
  static String latest(Dataset<Row> rows, String latestBy, String group, String detail) {
    Row latest = rows.agg(max(latestBy)).first();
    if (latest.isNullAt(0)) {
      return "none";
    }
    Object value = latest.get(0);
    Dataset<Row> those = rows.filter(col(latestBy).equalTo(value));
    List<String> keys = detail == null ? List.of(group) : List.of(group, detail);
    Map<String, Long> counts = new TreeMap<>();
    those.groupBy(keys.stream().map(k -> col(k)).toArray(org.apache.spark.sql.Column[]::new)).count().collectAsList()
        .forEach(r -> counts.put(keys.size() == 1 ? String.valueOf(r.get(0)) : r.get(0) + " " + r.get(1),
            r.getLong(keys.size())));
    return value + ": " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
