package dossier.land;

import dossier.normalise.Numbers;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.SAXException;

/**
 * Streams the first sheet of an XLSX workbook with POI's event API ({@link XSSFReader}) and a
 * pull (StAX) reader over the sheet XML, so that a sheet of a million rows is never held in
 * memory and rows come out as an iterator (a SAX handler would push them). Numeric cells with a
 * date format become ISO dates ({@code 2024-06-03}); other numbers their plain decimal text.
 */
final class XlsxReader implements SheetReader {
  static {
    // Sheets of repetitive rows compress far better than POI's zip-bomb guard expects (1 %).
    ZipSecureFile.setMinInflateRatio(0.001);
  }

  private final OPCPackage workbook;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final ReadOnlySharedStringsTable sharedStrings;
  private final StylesTable styles;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private SheetRow nextRow;
  private int lastRowNumber;

  XlsxReader(File file) throws IOException {
    try {
      this.workbook = OPCPackage.open(file, PackageAccess.READ);
      XSSFReader reader = new XSSFReader(workbook);
      this.sharedStrings = new ReadOnlySharedStringsTable(workbook);
      this.styles = reader.getStylesTable();
      java.util.Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IOException("the workbook has no sheet");
      }
      this.sheet = sheets.next();
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
    } catch (OpenXML4JException | SAXException | XMLStreamException e) {
      throw new IOException("not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    if (nextRow == null) {
      nextRow = readRow();
    }
    return nextRow != null;
  }

  @Override
  public SheetRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SheetRow row = nextRow;
    nextRow = null;
    return row;
  }

  private SheetRow readRow() {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String r = xml.getAttributeValue(null, "r");
          lastRowNumber = r == null ? lastRowNumber + 1 : Integer.parseInt(r);
          return new SheetRow(lastRowNumber, readCells());
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw new IllegalStateException("malformed sheet XML after row " + lastRowNumber + ": " + e.getMessage(), e);
    }
  }

  /** Reads the cells of the current row element; missing cells stay null at their positions. */
  private List<String> readCells() throws XMLStreamException {
    List<String> cells = new ArrayList<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        return cells;
      }
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
        String ref = xml.getAttributeValue(null, "r");
        int column = ref == null ? cells.size() : new CellReference(ref).getCol();
        String value = readCell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
        while (cells.size() <= column) {
          cells.add(null);
        }
        cells.set(column, value == null || value.isEmpty() ? null : value);
      }
    }
    return cells;
  }

  private String readCell(String type, String style) throws XMLStreamException {
    String value = null;
    StringBuilder inline = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (xml.getLocalName()) {
        case "v" -> value = xml.getElementText();
        case "is" -> inline = new StringBuilder();
        case "t" -> {
          if (inline != null) {
            inline.append(xml.getElementText());
          }
        }
        case "rPh" -> skipElement("rPh");
        default -> { }
      }
    }
    return render(type, style, inline != null ? inline.toString() : value);
  }

  /** Skips a phonetic run: its text is a reading aid, not part of the cell. */
  private void skipElement(String name) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(name)) {
        return;
      }
    }
  }

  private String render(String type, String style, String value) {
    if (value == null) {
      return null;
    }
    return switch (type == null ? "n" : type) {
      case "s" -> sharedStrings.getItemAt(Integer.parseInt(value.trim())).getString();
      case "b" -> "1".equals(value) ? "TRUE" : "FALSE";
      case "n" -> renderNumber(style, value);
      default -> value;
    };
  }

  private String renderNumber(String style, String value) {
    BigDecimal number = new BigDecimal(value.trim());
    if (style != null && isDateStyle(Integer.parseInt(style))) {
      LocalDateTime when = DateUtil.getLocalDateTime(number.doubleValue());
      return when.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? when.toLocalDate().toString() : when.toString();
    }
    return Numbers.canonical(number);
  }

  private boolean isDateStyle(int index) {
    return dateStyles.computeIfAbsent(index, i -> {
      XSSFCellStyle cellStyle = styles.getStyleAt(i);
      return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    });
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing a reader we only read from: nothing to lose
    }
    sheet.close();
    workbook.revert();
  }
}
