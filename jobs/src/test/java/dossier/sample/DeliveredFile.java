package dossier.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A delivered file read back for tests, as a landing job would see it: the encoding detected
 * from the bytes, every row with its 1-based number (in a CSV file the physical line it starts on,
 * a quoted value may span lines), each cell's text (a date cell as {@code DATE:yyyy-MM-dd}, a
 * number cell as its number).
 */
record DeliveredFile(Path path, String format, String encoding, String lineEnd, int trailingBlankLines,
    List<Line> lines, boolean mergedTitle) {

  /** A row: its number (the physical line or sheet row it starts on) and cells. */
  record Line(int number, List<String> cells) {
    /** The cell at a position; empty past the last written cell (XLSX leaves trailing blanks out). */
    String cell(int index) {
      return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
    }

    boolean blank() {
      return cells.stream().allMatch(c -> c == null || c.isEmpty());
    }
  }

  static DeliveredFile read(Path file) {
    try {
      return file.toString().endsWith(".xlsx") ? xlsx(file) : csv(Files.readAllBytes(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DeliveredFile csv(byte[] bytes, Path file) {
    String encoding;
    String text;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      encoding = "UTF-8-BOM";
      text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    } else if (strictUtf8(bytes)) {
      encoding = "UTF-8";
      text = new String(bytes, StandardCharsets.UTF_8);
    } else {
      encoding = "GB18030";
      text = new String(bytes, Charset.forName("GB18030"));
    }
    String lineEnd = text.contains("\r\n") ? "\r\n" : "\n";
    List<Line> lines = records(text);
    int trailing = 0;
    for (int i = lines.size() - 1; i >= 0 && lines.get(i).cells().isEmpty(); i--) {
      trailing++;
    }
    return new DeliveredFile(file, "csv", encoding, lineEnd, trailing, lines, false);
  }

  static boolean strictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The RFC 4180 records of a CSV text, each numbered by the physical line it starts on (CRLF, LF
   * or CR alone ends a line, as in an editor); a blank line is a record without cells. A quoted
   * value keeps its line breaks and moves the numbers of the records after it.
   */
  static List<Line> records(String text) {
    List<Line> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean empty = true;
    int line = 1;
    int start = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || c == '\r';
      int breakLength = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(text, i, i + (lineBreak ? breakLength : 1));
          i += lineBreak ? breakLength - 1 : 0;
          line += lineBreak ? 1 : 0;
        }
      } else if (lineBreak) {
        fields.add(field.toString());
        records.add(new Line(start, empty ? List.of() : List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
        empty = true;
        i += breakLength - 1;
        start = ++line;
        continue;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
      empty = false;
    }
    if (!empty) {
      fields.add(field.toString());
      records.add(new Line(start, List.copyOf(fields)));
    }
    return records;
  }

  private static DeliveredFile xlsx(Path file) throws IOException {
    // Read only: a workbook opened for writing is saved back on close.
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        XSSFWorkbook workbook = new XSSFWorkbook(pkg)) {
      Sheet sheet = workbook.getSheetAt(0);
      List<Line> lines = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c)));
          }
        }
        lines.add(new Line(r + 1, cells));
      }
      return new DeliveredFile(file, "xlsx", "", "", 0, lines, sheet.getNumMergedRegions() > 0);
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IOException(e);
    }
  }

  private static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      if (DateUtil.isCellDateFormatted(cell)) {
        return "DATE:" + cell.getDateCellValue().toInstant().atZone(ZoneOffset.systemDefault()).toLocalDate();
      }
      double value = cell.getNumericCellValue();
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
    return cell.getStringCellValue();
  }

  /** The header row: the first line with at least two non-empty cells. */
  Line header() {
    return lines.stream().filter(l -> l.cells().stream().filter(c -> c != null && !c.isEmpty()).count() >= 2)
        .findFirst().orElseThrow();
  }

  /** Rows below the header up to a blank line or the end (the footer excluded). */
  List<Line> dataRows() {
    List<Line> rows = new ArrayList<>();
    for (Line line : lines.subList(lines.indexOf(header()) + 1, lines.size())) {
      if (line.blank()) {
        break;
      }
      rows.add(line);
    }
    return rows;
  }

  /** The row starting on line (or sheet row) {@code number}; none when a row spanning lines covers it. */
  Line line(int number) {
    int at = Collections.binarySearch(lines, new Line(number, List.of()), Comparator.comparingInt(Line::number));
    if (at < 0) {
      throw new IllegalArgumentException("no row of " + path + " starts on line " + number);
    }
    return lines.get(at);
  }

  /**
   * Lines before line {@code number} that continue a row begun on an earlier line: how far a row
   * starting there is past its record number (0 in a sheet, or without quoted line breaks).
   */
  int continuationLinesBefore(int number) {
    return number - 1 - lines.indexOf(line(number));
  }
}
