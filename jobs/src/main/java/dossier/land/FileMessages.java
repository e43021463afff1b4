package dossier.land;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What the file manifest and the landing summary say about a file besides its status: a whole
 * file's reason for rejection, the warnings about a file that landed, and how a version relates
 * to the others of its name, in words.
 */
final class FileMessages {
  /** A file with no byte, or nothing but blank lines: rejected, nothing to read. */
  static final String EMPTY_FILE = "empty file";
  /** A file with its header and not one data row: it lands, with this warning. */
  static final String NO_DATA_ROWS = "no data rows";

  private FileMessages() {}

  /** The parts given, in order, joined by "; "; null when there is none. */
  static String join(String... parts) {
    String joined = Arrays.stream(parts).filter(Objects::nonNull).collect(Collectors.joining("; "));
    return joined.isEmpty() ? null : joined;
  }
}
