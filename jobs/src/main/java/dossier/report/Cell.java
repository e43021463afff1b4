package dossier.report;

import java.math.BigDecimal;

/**
 * One cell of a report table: a label, a figure, or a figure the open zone suppressed.
 *
 * @param text what the reader sees
 * @param value the figure exactly as the curated table holds it; null for a label, a suppressed or a missing figure
 * @param suppressed whether the curated table published the figure as suppressed (null with {@code suppressed} true)
 */
record Cell(String text, BigDecimal value, boolean suppressed) {
  /** A figure that is not there (a period without records, a unit without a row). */
  static final String MISSING = "—";

  static Cell label(String text) {
    return new Cell(text == null ? MISSING : text, null, false);
  }

  /** A figure as published; null shows as {@link #MISSING}. */
  static Cell number(BigDecimal value) {
    return value == null ? label(null) : new Cell(value.toPlainString(), value, false);
  }

  static Cell number(long value) {
    return number(BigDecimal.valueOf(value));
  }

  /** A share shown as a percentage; {@link #value} keeps the published fraction. */
  static Cell percent(BigDecimal fraction) {
    return fraction == null ? label(null)
        : new Cell(fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%", fraction, false);
  }

  /** A suppressed figure, shown as the rule that hid it (e.g. "&lt;3"). */
  static Cell suppressed(String shown) {
    return new Cell(shown, null, true);
  }

  boolean isFigure() {
    return value != null || suppressed;
  }
}
