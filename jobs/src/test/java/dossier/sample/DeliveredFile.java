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
 * from the bytes, every physical row with its 1-based number, each cell's text (a date cell as
 * {@code DATE:yyyy-MM-dd}, a number cell as its number).
 */
record DeliveredFile(Path path, String format, String encoding, String lineEnd, int trailingBlankLines,
    List<Line> lines, boolean mergedTitle) {

  /** A physical row: its number and cells. */
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
    String[] physical = text.split(lineEnd, -1);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < physical.length; i++) {
      lines.add(new Line(i + 1, physical[i].isEmpty() ? List.of() : fields(physical[i])));
    }
    int trailing = 0;
    // The last element after the final line end is always empty; count blank lines before it.
    for (int i = physical.length - 2; i >= 0 && physical[i].isEmpty(); i--) {
      trailing++;
    }
    return new DeliveredFile(file, "csv", encoding, lineEnd, trailing, lines.subList(0, physical.length - 1), false);
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

  /** RFC 4180 fields of one line (values never hold line breaks). */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
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
    for (Line line : lines.subList(header().number(), lines.size())) {
      if (line.blank()) {
        break;
      }
      rows.add(line);
    }
    return rows;
  }

  Line line(int number) {
    return lines.get(number - 1);
  }
}
