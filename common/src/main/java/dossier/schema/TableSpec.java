package dossier.schema;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table the project writes, defined once: its name, Chinese label, grain, key and every
 * column with its meaning. The writing job checks its output against it ({@link #conform}) and
 * the data dictionary is generated from it, so the two cannot drift apart.
 *
 * @param name table name (the folder under its layer)
 * @param label Chinese label
 * @param grain what one row is, e.g. "one row per as-of month × unit × month"
 * @param key the columns that identify a row (the grain as columns)
 * @param columns every column, in output order
 */
public record TableSpec(String name, String label, String grain, List<String> key, List<ColumnDoc> columns)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column naming the run that reported a row: the partition column of a reported slice. */
  public static final String AS_OF_MONTH = "as_of_month";
  /** A reported slice's name is its restated table's name with this suffix. */
  public static final String REPORTED = "_reported";
  private static final String ONE_ROW_PER = "one row per ";

  public TableSpec {
    key = List.copyOf(key);
    columns = List.copyOf(columns);
    List<String> names = columns.stream().map(ColumnDoc::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("table " + name + " declares a column twice: " + names);
    }
    if (!names.containsAll(key)) {
      throw new IllegalArgumentException("table " + name + ": key " + key + " is not among its columns");
    }
  }

  public static Builder builder(String name, String label, String grain) {
    return new Builder(name, label, grain);
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnDoc::name).toList();
  }

  public ColumnDoc column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("table " + name + " has no column " + columnName));
  }

  /**
   * This table as the slices its runs reported: {@code <name>_reported}, with {@code as_of_month}
   * (the run's as-of month) first among the columns and the key. The columns are this table's,
   * so they are declared once, on the restated table.
   *
   * @param rows which rows the run of as-of month M reports, e.g. "the month M"
   */
  public TableSpec reported(String rows) {
    if (columnNames().contains(AS_OF_MONTH)) {
      throw new IllegalArgumentException("table " + name + " already has " + AS_OF_MONTH + ": it is not restated");
    }
    String per = grain.startsWith(ONE_ROW_PER) ? grain.substring(ONE_ROW_PER.length()) : grain;
    List<String> reportedKey = new ArrayList<>(List.of(AS_OF_MONTH));
    reportedKey.addAll(key);
    List<ColumnDoc> reportedColumns = new ArrayList<>(List.of(ColumnDoc.of(AS_OF_MONTH, "统计截至月份", "string",
        "The as-of month of the run that reported the row (yyyy-MM): its figures use the records as delivered by "
            + "the end of that month, as reported then.")));
    reportedColumns.addAll(columns);
    return new TableSpec(name + REPORTED, label + "（当期报告）",
        ONE_ROW_PER + "as-of month × " + per + "; the run of each month reports " + rows, reportedKey,
        reportedColumns);
  }

  /** The Spark schema (every column nullable: the meaning says when a value is null). */
  public StructType schema() {
    return DataTypes.createStructType(columns.stream()
        .map(c -> DataTypes.createStructField(c.name(), c.type(), true)).toList());
  }

  /**
   * The dataset's columns in this table's order, after checking that it has exactly the declared
   * columns with the declared types (nullability aside). A mismatch is a programming error: the
   * message lists every difference.
   */
  public Dataset<Row> conform(Dataset<Row> data) {
    Map<String, StructField> actual = new LinkedHashMap<>();
    Arrays.stream(data.schema().fields()).forEach(f -> actual.put(f.name(), f));
    List<String> problems = new ArrayList<>();
    for (ColumnDoc c : columns) {
      StructField f = actual.get(c.name());
      if (f == null) {
        problems.add("missing " + c.name());
      } else if (!f.dataType().catalogString().equals(c.type().catalogString())) {
        problems.add(c.name() + " is " + f.dataType().catalogString() + ", declared " + c.type().catalogString());
      }
    }
    actual.keySet().stream().filter(n -> columns.stream().noneMatch(c -> c.name().equals(n)))
        .forEach(n -> problems.add("undeclared " + n));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("output of " + name + " does not match its TableSpec: "
          + String.join("; ", problems));
    }
    return data.select(columns.stream().map(c -> functions.col(c.name())).toArray(Column[]::new));
  }

  /** Collects a table's columns in order; shared columns are added as ready-made {@link ColumnDoc}s. */
  public static final class Builder {
    private final String name;
    private final String label;
    private final String grain;
    private final List<ColumnDoc> columns = new ArrayList<>();
    private List<String> key = List.of();

    private Builder(String name, String label, String grain) {
      this.name = name;
      this.label = label;
      this.grain = grain;
    }

    public Builder column(String columnName, String columnLabel, String ddlType, String meaning) {
      columns.add(ColumnDoc.of(columnName, columnLabel, ddlType, meaning));
      return this;
    }

    public Builder column(ColumnDoc column) {
      columns.add(column);
      return this;
    }

    public Builder key(String... keyColumns) {
      key = List.of(keyColumns);
      return this;
    }

    public TableSpec build() {
      return new TableSpec(name, label, grain, key, columns);
    }
  }

  @Override
  public String toString() {
    return name + "(" + columns.stream().map(ColumnDoc::name).collect(Collectors.joining(", ")) + ")";
  }
}
