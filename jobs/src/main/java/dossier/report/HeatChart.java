package dossier.report;

import java.util.List;

/**
 * A heat table: one row per table row (labelled by {@code labelColumn}), one cell per value
 * column (e.g. the months of a year), shaded by its figure and showing it. Suppressed cells are
 * grey with their mark; missing ones white.
 *
 * @param labelColumn the column naming each row
 * @param valueColumns the columns forming the grid
 */
record HeatChart(int labelColumn, List<Integer> valueColumns) implements Chart {
  private static final int LABEL_WIDTH = 150;
  private static final int CELL_WIDTH = 40;
  private static final int CELL_HEIGHT = 20;
  private static final int HEADER = 22;
  /** Lightest and darkest shade, as RGB. */
  private static final int[] LOW = {0xee, 0xf4, 0xfb};
  private static final int[] HIGH = {0x0b, 0x3d, 0x7a};

  HeatChart {
    valueColumns = List.copyOf(valueColumns);
  }

  static HeatChart of(int labelColumn, List<Integer> valueColumns) {
    return new HeatChart(labelColumn, valueColumns);
  }

  @Override
  public Tag draw(FigureTable table) {
    double max = Chart.max(table, valueColumns);
    Tag svg = Chart.svg(LABEL_WIDTH + CELL_WIDTH * valueColumns.size() + 4,
        HEADER + CELL_HEIGHT * table.rows().size() + 4, table.caption());
    for (int c = 0; c < valueColumns.size(); c++) {
      svg.add(Chart.text(LABEL_WIDTH + c * CELL_WIDTH + CELL_WIDTH / 2.0, HEADER - 7, "middle", "tick",
          table.columns().get(valueColumns.get(c)).label()));
    }
    for (int r = 0; r < table.rows().size(); r++) {
      List<Cell> row = table.rows().get(r);
      double y = HEADER + r * CELL_HEIGHT;
      svg.add(Chart.text(LABEL_WIDTH - 6, y + CELL_HEIGHT - 6, "end", "label", row.get(labelColumn).text()));
      for (int c = 0; c < valueColumns.size(); c++) {
        Cell cell = row.get(valueColumns.get(c));
        double x = LABEL_WIDTH + c * CELL_WIDTH;
        double share = cell.value() == null ? 0 : Math.max(0, cell.value().doubleValue()) / max;
        String fill = cell.suppressed() ? "#d9d9d9" : cell.value() == null ? "#ffffff" : shade(share);
        svg.add(Chart.rect(x, y, CELL_WIDTH - 1, CELL_HEIGHT - 1, fill));
        svg.add(Chart.text(x + CELL_WIDTH / 2.0, y + CELL_HEIGHT - 6, "middle", share > 0.55 ? "cell dark" : "cell",
            cell.text()));
      }
    }
    return svg;
  }

  static String shade(double share) {
    StringBuilder colour = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      colour.append(String.format("%02x", Math.round(LOW[i] + (HIGH[i] - LOW[i]) * share)));
    }
    return colour.toString();
  }
}
