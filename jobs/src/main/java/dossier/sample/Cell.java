package dossier.sample;

import java.time.LocalDate;

/** One written cell: text (CSV, or a text cell in XLSX), or a typed XLSX cell. */
sealed interface Cell {
  /** A text cell; null for an absent (blank) cell. */
  record Text(String text) implements Cell {}

  /** A real date cell of XLSX, shown with an Excel number format. */
  record Date(LocalDate date, String format) implements Cell {}

  /** A numeric XLSX cell. */
  record Number(double value) implements Cell {}

  Cell BLANK = new Text(null);

  /** The text a CSV file holds for this cell. */
  default String csv() {
    if (this instanceof Text t) {
      return t.text() == null ? "" : t.text();
    }
    throw new IllegalStateException("a typed cell in a CSV file: " + this);
  }
}
