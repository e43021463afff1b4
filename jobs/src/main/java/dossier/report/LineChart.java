package dossier.report;

import java.util.List;

/**
 * Lines over the table's rows in order (e.g. months), one per value column, with the x labels
 * from {@code xColumn}. A point whose figure is missing or suppressed breaks its line there.
 *
 * @param xColumn the column labelling the x axis
 * @param seriesColumns the columns drawn, one line each
 */
record LineChart(int xColumn, List<Integer> seriesColumns) implements Chart {
  private static final int LEFT = 44;
  private static final int TOP = 30;
  private static final int PLOT_WIDTH = 520;
  private static final int PLOT_HEIGHT = 180;
  private static final int BOTTOM = 40;
  private static final int TICKS = 4;

  LineChart {
    seriesColumns = List.copyOf(seriesColumns);
  }

  static LineChart of(int xColumn, Integer... seriesColumns) {
    return new LineChart(xColumn, List.of(seriesColumns));
  }

  @Override
  public Tag draw(FigureTable table) {
    double max = niceCeiling(Chart.max(table, seriesColumns));
    int n = table.rows().size();
    double step = n > 1 ? (double) PLOT_WIDTH / (n - 1) : 0;
    Tag svg = Chart.svg(LEFT + PLOT_WIDTH + 30, TOP + PLOT_HEIGHT + BOTTOM, table.caption());
    svg.add(Chart.legend(table, seriesColumns, LEFT, 14));
    for (int t = 0; t <= TICKS; t++) {
      double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * t / (double) TICKS;
      svg.add(Tag.of("line").attr("x1", LEFT).attr("x2", LEFT + PLOT_WIDTH).attr("y1", Chart.coord(y))
          .attr("y2", Chart.coord(y)).cls(t == 0 ? "axis" : "grid"));
      svg.add(Chart.text(LEFT - 4, y + 4, "end", "tick", tickLabel(max * t / TICKS)));
    }
    int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
    for (int i = 0; i < n; i += labelEvery) {
      svg.add(Chart.text(LEFT + i * step, TOP + PLOT_HEIGHT + 16, "middle", "tick",
          table.rows().get(i).get(xColumn).text()));
    }
    for (int s = 0; s < seriesColumns.size(); s++) {
      String colour = PALETTE.get(s % PALETTE.size());
      StringBuilder path = new StringBuilder();
      boolean drawing = false;
      for (int i = 0; i < n; i++) {
        Cell cell = table.rows().get(i).get(seriesColumns.get(s));
        if (cell.value() == null) {
          drawing = false;
          continue;
        }
        double x = LEFT + i * step;
        double y = TOP + PLOT_HEIGHT - cell.value().doubleValue() / max * PLOT_HEIGHT;
        path.append(drawing ? " L" : " M").append(Chart.coord(x)).append(' ').append(Chart.coord(y));
        drawing = true;
        svg.add(Tag.of("circle").attr("cx", Chart.coord(x)).attr("cy", Chart.coord(y)).attr("r", 3)
            .attr("fill", colour));
      }
      if (!path.isEmpty()) {
        svg.add(Tag.of("path").attr("d", path.toString().trim()).attr("fill", "none").attr("stroke", colour)
            .attr("stroke-width", 2));
      }
    }
    return svg;
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k at or above the value, so that the ticks are round. */
  static double niceCeiling(double value) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= value) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String tickLabel(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : Chart.coord(value);
  }
}
