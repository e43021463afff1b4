package dossier.report;

import java.util.List;

/**
 * The numbers behind one chart or list of a report, as a table. In the HTML it is a
 * {@code <table class="figures" id="…" data-source="…">} whose header cells name their curated
 * column ({@code data-column}) and whose figure cells carry the exact published value
 * ({@code data-value}), so that a test or a reader can trace every figure to its table.
 *
 * @param id unique within the report, e.g. {@code records-by-category}
 * @param caption the Chinese title shown above it
 * @param source where the figures come from: the curated table(s) and the rows taken, e.g.
 *     {@code curated/open/agg_unit_period as_of_month=2026-10 period=2026-10}
 * @param columns the columns, in order
 * @param rows the rows, each with one cell per column
 */
record FigureTable(String id, String caption, String source, List<Column> columns, List<List<Cell>> rows) {
  FigureTable {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (List<Cell> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells for "
            + columns.size() + " columns");
      }
    }
  }

  /**
   * A column of a figure table.
   *
   * @param key the curated column it shows (or what it derives, e.g. {@code change}); the tests read it
   * @param label the Chinese header, from the data dictionary where the column is a curated one
   */
  record Column(String key, String label) {}

  boolean isEmpty() {
    return rows.isEmpty();
  }

  List<Cell> column(int index) {
    return rows.stream().map(r -> r.get(index)).toList();
  }
}
