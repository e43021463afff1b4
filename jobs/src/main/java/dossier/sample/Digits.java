package dossier.sample;

/** Number formatting for the hot paths, without the cost of String.format. */
final class Digits {
  private Digits() {}

  /** {@code n} with leading zeros to {@code width} digits (more if it needs more). */
  static String padded(long n, int width) {
    String digits = Long.toString(n);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** {@code value} rounded to {@code places} decimals (half up), e.g. 85.50 for (85.4999, 2). */
  static String decimal(double value, int places) {
    long scale = (long) Math.pow(10, places);
    long scaled = Math.round(Math.abs(value) * scale);
    String sign = value < 0 && scaled != 0 ? "-" : "";
    return sign + (scaled / scale) + "." + padded(scaled % scale, places);
  }
}
