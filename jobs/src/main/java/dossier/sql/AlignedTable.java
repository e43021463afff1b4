package dossier.sql;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rows for a person to read: a header, a line of dashes, the rows in columns as wide as their widest
 * value on a terminal (a Chinese character takes two columns), numbers to the right, a null shown as
 * {@code NULL}, and the row count. At most {@link #MAX_ROWS} rows are shown (the rest are counted):
 * CSV prints every row.
 */
public final class AlignedTable implements ResultFormat {
  static final int MAX_ROWS = 1_000;
  static final String NULL = "NULL";
  private static final String GAP = "  ";
  private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
      Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC);

  @Override
  public void print(ResultSet rows, Consumer<String> out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    String[] header = new String[columns];
    boolean[] right = new boolean[columns];
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      header[c] = cell(meta.getColumnLabel(c + 1));
      right[c] = NUMBERS.contains(meta.getColumnType(c + 1));
      widths[c] = width(header[c]);
    }
    List<String[]> shown = new ArrayList<>();
    long count = 0;
    while (rows.next()) {
      count++;
      if (shown.size() < MAX_ROWS) {
        String[] row = new String[columns];
        for (int c = 0; c < columns; c++) {
          String value = rows.getString(c + 1);
          row[c] = value == null ? NULL : cell(value);
          widths[c] = Math.max(widths[c], width(row[c]));
        }
        shown.add(row);
      }
    }
    StringBuilder text = new StringBuilder();
    line(text, header, widths, right);
    String[] dashes = new String[columns];
    for (int c = 0; c < columns; c++) {
      dashes[c] = "-".repeat(widths[c]);
    }
    line(text, dashes, widths, right);
    shown.forEach(row -> line(text, row, widths, right));
    text.append(footer(count, shown.size())).append('\n');
    out.accept(text.toString());
  }

  private static String footer(long count, int shown) {
    String rows = String.format(Locale.ROOT, "%,d %s", count, count == 1 ? "row" : "rows");
    return count == shown ? "(" + rows + ")"
        : String.format(Locale.ROOT, "(%s, the first %,d shown: --csv prints every row)", rows, shown);
  }

  private static void line(StringBuilder text, String[] cells, int[] widths, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String padding = " ".repeat(widths[c] - width(cells[c]));
      line.append(c == 0 ? "" : GAP).append(right[c] ? padding + cells[c] : cells[c] + padding);
    }
    text.append(line.toString().stripTrailing()).append('\n');
  }

  /** A value on one line: line ends and tabs would break the columns. */
  private static String cell(String value) {
    return value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  /**
   * Columns the text takes on a terminal: two for an East Asian wide or full-width character (Chinese,
   * full-width punctuation), none for a combining mark, one otherwise.
   */
  static int width(String text) {
    return text.codePoints().map(AlignedTable::width).sum();
  }

  private static int width(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
      return 0;
    }
    return wide(codePoint) ? 2 : 1;
  }

  /** The wide and full-width ranges of Unicode's East Asian Width, as terminals draw them. */
  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
