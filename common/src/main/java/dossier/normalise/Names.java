package dossier.normalise;

import java.util.Set;

/**
 * Personal names as agencies type them: spaces between characters ({@code 张 三}, also
 * full-width) removed, and the middle dot of minority names, typed with many look-alike code
 * points, unified to U+00B7 ({@code 阿依古丽·买买提}).
 */
public final class Names {
  /** The canonical middle dot. */
  public static final char MIDDLE_DOT = '\u00B7';
  /**
   * Look-alikes typed for the middle dot: bullet, katakana and half-width katakana middle dots,
   * Greek ano teleia, hyphenation point, bullet and dot operators, black circle, and the full stop
   * (a full-width one is folded to it first).
   */
  private static final Set<Character> DOT_LOOKALIKES = Set.of(
      '\u2022', '\u30FB', '\uFF65', '\u0387', '\u2027', '\u2219', '\u22C5', '\u25CF', '.');

  private Names() {}

  /** The canonical form of an already cleaned (folded, trimmed) name; null stays null. */
  public static String normalise(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(name.length());
    for (char c : Values.removeSpaces(Values.fold(name)).toCharArray()) {
      out.append(DOT_LOOKALIKES.contains(c) ? MIDDLE_DOT : c);
    }
    return out.toString();
  }
}
