package dossier.land;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file: RFC 4180 quoting, CRLF or LF, in the detected encoding (a UTF-8 byte-order
 * mark is skipped). A row's number is the physical line it starts on, the line a person opens the
 * file at: blank lines are kept as empty rows, and a quoted value spanning lines moves the numbers
 * of the rows after it by the lines it spans.
 */
final class CsvReader implements SheetReader {
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  /** Line breaks the parser had read when the last record was taken: the next record starts on the line after. */
  private long linesBeforeNext;

  CsvReader(InputStream in, String encoding) throws IOException {
    if (Fingerprint.UTF8_BOM.equals(encoding)) {
      in.skipNBytes(3);
    }
    Charset charset = Charset.forName(Fingerprint.UTF8_BOM.equals(encoding) ? Fingerprint.UTF8 : encoding);
    this.parser = CSVParser.builder().setReader(new BufferedReader(new InputStreamReader(in, charset), 1 << 16))
        .setFormat(FORMAT).get();
    this.records = parser.iterator();
  }

  @Override
  public boolean hasNext() {
    try {
      return records.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("malformed CSV after line " + parser.getCurrentLineNumber() + ": "
          + cause.getMessage(), e);
    }
  }

  @Override
  public SheetRow next() {
    CSVRecord record = records.next();
    long line = linesBeforeNext + 1;
    linesBeforeNext = parser.getCurrentLineNumber();
    List<String> cells = new ArrayList<>(record.size());
    record.forEach(value -> cells.add(value.isEmpty() ? null : value));
    return new SheetRow(Math.toIntExact(line), cells);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
