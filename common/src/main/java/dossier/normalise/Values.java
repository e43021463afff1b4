package dossier.normalise;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cleans a delivered cell: full-width characters folded to half-width, surrounding white space
 * (including the ideographic space U+3000) trimmed, and the configured null words read as "no
 * value". Null words are compared after the same folding, so {@code ／} is {@code /}.
 */
public final class Values implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Full-width ASCII variants U+FF01..U+FF5E sit this far above their half-width forms. */
  private static final int FULL_WIDTH_OFFSET = 0xFEE0;
  private static final char IDEOGRAPHIC_SPACE = '\u3000';

  private final Set<String> nullWords;

  private Values(Set<String> nullWords) {
    this.nullWords = nullWords;
  }

  /** A cleaner that reads these words (e.g. {@code 无}, {@code /}, {@code -}) as null. */
  public static Values withNullWords(Collection<String> nullWords) {
    return new Values(nullWords.stream().map(w -> trim(fold(w))).collect(Collectors.toUnmodifiableSet()));
  }

  /** The folded, trimmed value, or null when the cell is absent, blank or a null word. */
  public String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String value = trim(fold(raw));
    return value.isEmpty() || nullWords.contains(value) ? null : value;
  }

  /** Full-width digits, Latin letters, punctuation and the ideographic space to half-width. */
  public static String fold(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char folded = foldChar(c);
      if (folded != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(folded);
      }
    }
    return out == null ? text : out.toString();
  }

  private static char foldChar(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - FULL_WIDTH_OFFSET);
    }
    return c == IDEOGRAPHIC_SPACE ? ' ' : c;
  }

  /** Strips white space of any kind (ASCII, U+3000, no-break space) from both ends. */
  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** Removes white space of any kind everywhere in the text (names, ID numbers, dates). */
  public static String removeSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars().filter(c -> !isSpace((char) c)).forEach(c -> out.append((char) c));
    return out.toString();
  }

  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
  }
}
