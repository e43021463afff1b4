package dossier.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file as the agencies write them: RFC 4180 quoting, CRLF or LF, UTF-8 with or without a
 * byte-order mark or GB18030 (no declaration), sometimes blank lines at the end. A value with a
 * line break is quoted over several physical lines, so a row's number is the line it starts on,
 * not its record number.
 */
final class CsvTable implements TableWriter {
  static final List<String> ENCODINGS = List.of("GB18030", "UTF-8-BOM", "UTF-8");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private final BufferedWriter out;
  private final String encoding;
  private final String lineEnd;
  private final int trailingBlankLines;
  /** Physical lines written: a row's line ends and the line breaks inside its values. */
  private long lines;

  CsvTable(Path file, List<Cell> header, String encoding, boolean crlf, int trailingBlankLines) throws IOException {
    Charset charset = encoding.equals("GB18030") ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    OutputStream stream = Files.newOutputStream(file);
    if (encoding.equals("UTF-8-BOM")) {
      stream.write(BOM);
    }
    this.out = new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 16);
    this.encoding = encoding;
    this.lineEnd = crlf ? "\r\n" : "\n";
    this.trailingBlankLines = trailingBlankLines;
    row(header);
  }

  @Override
  public long row(List<Cell> cells) throws IOException {
    long first = lines + 1;
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String value = cells.get(i).csv();
      out.write(quoted(value));
      lines += lineBreaks(value);
    }
    out.write(lineEnd);
    lines++;
    return first;
  }

  /** Line breaks in a value as an editor counts them: CRLF, LF or CR alone each start a line. */
  private static int lineBreaks(String value) {
    int breaks = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
        breaks++;
      }
    }
    return breaks;
  }

  private static String quoted(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  @Override
  public String format() {
    return "csv";
  }

  @Override
  public String encoding() {
    return encoding;
  }

  @Override
  public void close() throws IOException {
    for (int i = 0; i < trailingBlankLines; i++) {
      out.write(lineEnd);
    }
    out.close();
  }
}
