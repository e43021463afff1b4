package dossier.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Tiny in-memory datasets and order-insensitive row assertions with a readable diff. */
public final class Rows {
  private Rows() {}

  /** A dataset from a DDL schema ("id string, n int") and rows of values in column order. */
  public static Dataset<Row> of(SparkSession spark, String ddlSchema, Object[]... rows) {
    StructType schema = StructType.fromDDL(ddlSchema);
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).collect(Collectors.toList());
    return spark.createDataFrame(list, schema);
  }

  public static Object[] row(Object... values) {
    return values;
  }

  /** Asserts both datasets hold the same rows (same columns, any order, duplicates counted). */
  public static void assertSameRows(String description, Dataset<Row> actual, Dataset<Row> expected) {
    List<String> actualColumns = Arrays.asList(actual.columns());
    List<String> expectedColumns = Arrays.asList(expected.columns());
    if (!actualColumns.equals(expectedColumns)) {
      fail("%s: columns differ%n  actual:   %s%n  expected: %s", description, actualColumns, expectedColumns);
    }
    assertSameRows(description, actualColumns, actual.collectAsList(), expected.collectAsList());
  }

  /** Asserts the dataset holds exactly these rows (values in column order), in any order. */
  public static void assertRows(String description, Dataset<Row> actual, Object[]... expected) {
    List<Row> expectedRows = Arrays.stream(expected).map(RowFactory::create).collect(Collectors.toList());
    assertSameRows(description, Arrays.asList(actual.columns()), actual.collectAsList(), expectedRows);
  }

  private static void assertSameRows(String description, List<String> columns, List<Row> actual, List<Row> expected) {
    Map<String, Integer> missing = counts(expected);
    Map<String, Integer> unexpected = counts(actual);
    for (String key : new ArrayList<>(missing.keySet())) {
      int common = Math.min(missing.get(key), unexpected.getOrDefault(key, 0));
      subtract(missing, key, common);
      subtract(unexpected, key, common);
    }
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      StringBuilder diff = new StringBuilder(description).append(": rows differ (any order)\n  columns: ")
          .append(columns).append('\n');
      missing.forEach((row, n) -> diff.append("  - missing    ").append(row).append(times(n)).append('\n'));
      unexpected.forEach((row, n) -> diff.append("  + unexpected ").append(row).append(times(n)).append('\n'));
      diff.append("  (").append(actual.size()).append(" actual rows, ").append(expected.size()).append(" expected)");
      fail(diff.toString());
    }
  }

  private static Map<String, Integer> counts(List<Row> rows) {
    Map<String, Integer> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge(render(r), 1, Integer::sum));
    return counts;
  }

  private static void subtract(Map<String, Integer> counts, String key, int n) {
    int left = counts.getOrDefault(key, 0) - n;
    if (left <= 0) {
      counts.remove(key);
    } else {
      counts.put(key, left);
    }
  }

  private static String times(int n) {
    return n > 1 ? "  ×" + n : "";
  }

  /** Renders values so that equal values compare equal across Java types (e.g. BigDecimal scale). */
  static String render(Row row) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.length(); i++) {
      values.add(renderValue(row.get(i)));
    }
    return "[" + String.join(", ", values) + "]";
  }

  private static String renderValue(Object value) {
    if (value instanceof java.math.BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Row nested) {
      return render(nested);
    }
    if (value instanceof List<?> list) { // expected arrays written as Java lists
      return list.stream().map(Rows::renderValue).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return scala.jdk.javaapi.CollectionConverters.asJava(seq).stream().map(Rows::renderValue)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, String> sorted = new TreeMap<>();
      scala.jdk.javaapi.CollectionConverters.asJava(map)
          .forEach((k, v) -> sorted.put(renderValue(k), renderValue(v)));
      return sorted.toString();
    }
    return String.valueOf(value);
  }
}
