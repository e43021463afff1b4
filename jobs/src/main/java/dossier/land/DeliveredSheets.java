package dossier.land;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A delivered file read as the landing job reads it, for tools outside this package (the
 * benchmark's copy floor and its single-node peer): physical rows of text cells, streamed, the
 * format and CSV encoding detected as landing detects them. No header search and no cell rules:
 * those are the landing job's logic.
 */
public final class DeliveredSheets {
  private DeliveredSheets() {}

  /** Opens a local file; the caller closes the sheet. A legacy .xls workbook reads as no rows. */
  public static Sheet open(File file) throws IOException {
    Fingerprint print;
    try (InputStream in = Files.newInputStream(file.toPath())) {
      print = Fingerprint.of(in);
    }
    if (Fingerprint.CSV.equals(print.format())) {
      return new Sheet(new CsvReader(Files.newInputStream(file.toPath()), print.encoding()));
    }
    return new Sheet(Fingerprint.XLSX.equals(print.format()) ? new XlsxReader(file) : null);
  }

  /** The physical rows of one file: cells by position, null where empty. */
  public static final class Sheet implements Iterator<List<String>>, Closeable {
    private final SheetReader reader;

    private Sheet(SheetReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      return reader != null && reader.hasNext();
    }

    @Override
    public List<String> next() {
      return reader == null ? Collections.<List<String>>emptyIterator().next() : reader.next().cells();
    }

    @Override
    public void close() throws IOException {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
