package dossier.report;

import java.util.List;

/**
 * Horizontal bars, one group per table row (labelled by {@code labelColumn}), one bar per value
 * column. A suppressed figure draws no bar but its mark ("&lt;3"); a missing one draws nothing.
 *
 * @param labelColumn the column naming each row
 * @param valueColumns the columns drawn, one series each
 */
record BarChart(int labelColumn, List<Integer> valueColumns) implements Chart {
  private static final int LABEL_WIDTH = 170;
  private static final int PLOT_WIDTH = 330;
  private static final int BAR = 13;
  private static final int GAP = 9;
  private static final int LEGEND = 24;

  BarChart {
    valueColumns = List.copyOf(valueColumns);
  }

  static BarChart of(int labelColumn, Integer... valueColumns) {
    return new BarChart(labelColumn, List.of(valueColumns));
  }

  @Override
  public Tag draw(FigureTable table) {
    double max = Chart.max(table, valueColumns);
    int groupHeight = BAR * valueColumns.size() + GAP;
    int top = valueColumns.size() > 1 ? LEGEND : 4;
    int height = top + groupHeight * table.rows().size() + 4;
    Tag svg = Chart.svg(LABEL_WIDTH + PLOT_WIDTH + 60, height, table.caption());
    if (valueColumns.size() > 1) {
      svg.add(Chart.legend(table, valueColumns, LABEL_WIDTH, 14));
    }
    for (int r = 0; r < table.rows().size(); r++) {
      List<Cell> row = table.rows().get(r);
      double y = top + r * groupHeight;
      svg.add(Chart.text(LABEL_WIDTH - 6, y + groupHeight / 2.0 + 1, "end", "label", row.get(labelColumn).text()));
      for (int s = 0; s < valueColumns.size(); s++) {
        Cell cell = row.get(valueColumns.get(s));
        double barTop = y + s * BAR;
        double width = cell.value() == null ? 0 : Math.max(0, cell.value().doubleValue()) / max * PLOT_WIDTH;
        if (cell.value() != null) {
          svg.add(Chart.rect(LABEL_WIDTH, barTop, Math.max(width, 1), BAR - 2, PALETTE.get(s % PALETTE.size())));
        }
        if (cell.isFigure()) {
          svg.add(Chart.text(LABEL_WIDTH + width + 4, barTop + BAR - 3, "start",
              cell.suppressed() ? "value suppressed" : "value", cell.text()));
        }
      }
    }
    return svg.add(Tag.of("line").attr("x1", LABEL_WIDTH).attr("x2", LABEL_WIDTH).attr("y1", top)
        .attr("y2", height - 4).cls("axis"));
  }
}
