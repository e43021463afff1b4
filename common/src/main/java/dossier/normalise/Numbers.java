package dossier.normalise;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as delivered: an optional sign, digits with an optional decimal part, thousands
 * separators allowed when they group by three ({@code 1,234.5}); full-width digits and spaces
 * tolerated.
 */
public final class Numbers {
  private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

  private Numbers() {}

  /** The number, or empty when the text is not one. */
  public static Optional<BigDecimal> parseDecimal(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Values.removeSpaces(Values.fold(text));
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    } else if (!PLAIN.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
  }

  /** A whole number that fits an int ({@code 2024}, also {@code 2024.0}), or empty. */
  public static Optional<Integer> parseWhole(String text) {
    return parseDecimal(text).flatMap(d -> {
      try {
        return Optional.of(d.intValueExact());
      } catch (ArithmeticException e) {
        return Optional.empty();
      }
    });
  }

  /** The canonical text of a number: plain notation, no trailing zeros ({@code 12.50} to {@code 12.5}). */
  public static String canonical(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
