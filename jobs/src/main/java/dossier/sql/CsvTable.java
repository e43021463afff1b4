package dossier.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV: a header, then one record per row, CRLF line ends, quotes only where needed. A null is
 * an empty field. Rows are streamed, so a query may return any number of them.
 */
public final class CsvTable implements ResultFormat {
  @Override
  public void print(ResultSet rows, Consumer<String> out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    StringBuilder text = new StringBuilder();
    try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
      List<String> record = new ArrayList<>(columns);
      for (int c = 1; c <= columns; c++) {
        record.add(meta.getColumnLabel(c));
      }
      csv.printRecord(record);
      while (rows.next()) {
        record.clear();
        for (int c = 1; c <= columns; c++) {
          record.add(rows.getString(c));
        }
        csv.printRecord(record);
        if (text.length() > 64 * 1024) {
          out.accept(text.toString());
          text.setLength(0);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    out.accept(text.toString());
  }
}
