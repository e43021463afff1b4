package dossier.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Turns a small aggregate (one of {@link ReportTransforms}' outputs) into a {@link FigureTable}.
 * Its rows are collected to the driver: a report table holds at most a few hundred cells
 * (categories, units, lists), already aggregated by Spark, and the HTML is written on the driver.
 */
final class Figures {
  /** How a column's values show. */
  enum Kind { TEXT, NUMBER, PERCENT }

  /**
   * A column of the figure table, read from the aggregate's column {@code key}.
   *
   * @param key the aggregate's column, also the figure table's column key
   * @param label the Chinese header
   * @param kind how its values show
   * @param suppressedBy the boolean column saying a null figure was suppressed (null: none)
   * @param rename how a text is shown (e.g. a code as its label); identity for most
   */
  record Col(String key, String label, Kind kind, String suppressedBy, UnaryOperator<String> rename) {
    static Col text(String key, String label) {
      return new Col(key, label, Kind.TEXT, null, UnaryOperator.identity());
    }

    static Col number(String key, String label) {
      return new Col(key, label, Kind.NUMBER, null, UnaryOperator.identity());
    }

    static Col percent(String key, String label) {
      return new Col(key, label, Kind.PERCENT, null, UnaryOperator.identity());
    }

    /** The same column, with null figures shown as suppressed where {@code flag} is true. */
    Col suppressedBy(String flag) {
      return new Col(key, label, kind, flag, rename);
    }

    Col shownAs(UnaryOperator<String> shown) {
      return new Col(key, label, kind, suppressedBy, shown);
    }
  }

  private final String suppressedMark;

  Figures(ReportSettings settings) {
    this.suppressedMark = settings.suppressedMark();
  }

  FigureTable table(String id, String caption, String source, Dataset<Row> aggregate, List<Col> columns) {
    List<List<Cell>> rows = new ArrayList<>();
    for (Row row : aggregate.collectAsList()) {
      List<Cell> cells = new ArrayList<>();
      for (Col column : columns) {
        cells.add(cell(row, column));
      }
      rows.add(cells);
    }
    return new FigureTable(id, caption, source,
        columns.stream().map(c -> new FigureTable.Column(c.key(), c.label())).toList(), rows);
  }

  private Cell cell(Row row, Col column) {
    Object value = row.getAs(column.key());
    if (column.kind() == Kind.TEXT) {
      return Cell.label(value == null ? null : column.rename().apply(value.toString()));
    }
    if (value == null) {
      boolean suppressed = column.suppressedBy() != null && Boolean.TRUE.equals(row.getAs(column.suppressedBy()));
      return suppressed ? Cell.suppressed(suppressedMark) : Cell.label(null);
    }
    BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    return column.kind() == Kind.PERCENT ? Cell.percent(number) : Cell.number(number);
  }
}
