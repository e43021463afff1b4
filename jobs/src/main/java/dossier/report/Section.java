package dossier.report;

import java.util.List;
import java.util.Optional;

/**
 * A section of a report: a heading, a few sentences, and its figures. In print every section
 * starts a new page.
 *
 * @param title the Chinese heading
 * @param notes paragraphs shown before the figures (what the figures say, why one is absent)
 * @param figures the section's tables, each with its chart if it has one
 */
record Section(String title, List<String> notes, List<Figure> figures) {
  Section {
    notes = List.copyOf(notes);
    figures = List.copyOf(figures);
  }

  /**
   * A table of figures and, optionally, the chart drawn from it, shown side by side.
   *
   * @param table the numbers
   * @param chart the chart of them, if any
   */
  record Figure(FigureTable table, Optional<Chart> chart) {
    static Figure table(FigureTable table) {
      return new Figure(table, Optional.empty());
    }

    static Figure charted(FigureTable table, Chart chart) {
      return new Figure(table, Optional.of(chart));
    }
  }
}
