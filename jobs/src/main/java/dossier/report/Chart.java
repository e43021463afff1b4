package dossier.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A chart drawn as inline SVG from columns of a {@link FigureTable}: the table printed beside it
 * holds the same numbers, so the chart only shows what the table says.
 */
sealed interface Chart permits BarChart, LineChart, HeatChart {
  /** Series colours, chosen to stay apart in print and for common colour blindness. */
  List<String> PALETTE = List.of("#1f5fa8", "#e07b39", "#5a9e4b", "#8c5aa8", "#b8463e");
  String SVG_NS = "http://www.w3.org/2000/svg";

  Tag draw(FigureTable table);

  static Tag svg(int width, int height, String label) {
    return Tag.of("svg").attr("xmlns", SVG_NS).attr("class", "chart").attr("width", width).attr("height", height)
        .attr("viewBox", "0 0 " + width + " " + height).attr("role", "img").attr("aria-label", label);
  }

  static Tag text(double x, double y, String anchor, String cls, String text) {
    return Tag.of("text", text).attr("x", coord(x)).attr("y", coord(y)).attr("text-anchor", anchor).cls(cls);
  }

  static Tag rect(double x, double y, double width, double height, String fill) {
    return Tag.of("rect").attr("x", coord(x)).attr("y", coord(y)).attr("width", coord(width))
        .attr("height", coord(height)).attr("fill", fill);
  }

  static String coord(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** The largest figure of the columns (at least 1, so that an all-zero chart still draws). */
  static double max(FigureTable table, List<Integer> columns) {
    double max = columns.stream().flatMap(c -> table.column(c).stream()).map(Cell::value).filter(Objects::nonNull)
        .mapToDouble(BigDecimal::doubleValue).max().orElse(0);
    return Math.max(max, 1.0);
  }

  /** A legend row naming each series by its column header. */
  static Tag legend(FigureTable table, List<Integer> series, double x, double y) {
    Tag group = Tag.of("g").cls("legend");
    double at = x;
    for (int i = 0; i < series.size(); i++) {
      String label = table.columns().get(series.get(i)).label();
      group.add(rect(at, y - 9, 10, 10, PALETTE.get(i % PALETTE.size()))).add(text(at + 14, y, "start", "tick", label));
      at += 24 + 13 * label.length();
    }
    return group;
  }
}
