package dossier.conform.dossier;

/** Padding by terminal display width: Chinese (East Asian wide) characters take two columns. */
final class Text {
  private Text() {}

  static int width(String text) {
    return text.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
  }

  static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - width(text)));
  }

  static String padLeft(String text, int width) {
    return " ".repeat(Math.max(1, width - width(text))) + text;
  }

  /** {@code left} and {@code right} on one line of {@code width} columns. */
  static String spread(String left, String right, int width) {
    return left + " ".repeat(Math.max(2, width - width(left) - width(right))) + right;
  }

  private static boolean isWide(int c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  }
}
