package dossier.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The first sheet of an XLSX workbook, streamed (SXSSF keeps a window of rows in memory): an
 * optional title row (one merged cell) and blank rows above the header, an optional footer row
 * below the data. The workbook's timestamps (core properties, zip entries) are fixed, so the
 * same content always gives the same bytes.
 */
final class XlsxTable implements TableWriter {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 6, 17, 9, 7, 57);
  private static final int WINDOW = 100;
  private final Path file;
  private final SXSSFWorkbook workbook;
  private final SXSSFSheet sheet;
  private final Map<String, CellStyle> dateStyles = new HashMap<>();
  private final String footer;
  private int next;

  /**
   * @param title the title row's text, or null for none
   * @param blankRows blank rows between the title (or the top) and the header
   * @param footer the footer row's text, or null for none
   */
  XlsxTable(Path file, String sheetName, String title, int blankRows, List<Cell> header, String footer) throws IOException {
    this.file = file;
    this.footer = footer;
    this.workbook = new SXSSFWorkbook(WINDOW);
    this.sheet = workbook.createSheet(sheetName);
    if (title != null) {
      sheet.createRow(next++).createCell(0).setCellValue(title);
      if (header.size() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
      }
    }
    next += blankRows;
    row(header);
  }

  @Override
  public long row(List<Cell> cells) {
    SXSSFRow row = sheet.createRow(next++);
    for (int i = 0; i < cells.size(); i++) {
      Cell cell = cells.get(i);
      if (cell instanceof Cell.Text text && text.text() != null) {
        row.createCell(i).setCellValue(text.text());
      } else if (cell instanceof Cell.Number number) {
        row.createCell(i).setCellValue(number.value());
      } else if (cell instanceof Cell.Date date) {
        org.apache.poi.ss.usermodel.Cell written = row.createCell(i);
        written.setCellValue(date.date());
        written.setCellStyle(dateStyles.computeIfAbsent(date.format(), this::dateStyle));
      }
    }
    return next;
  }

  private CellStyle dateStyle(String format) {
    CellStyle style = workbook.createCellStyle();
    style.setDataFormat(workbook.createDataFormat().getFormat(format));
    return style;
  }

  @Override
  public String format() {
    return "xlsx";
  }

  @Override
  public String encoding() {
    return "";
  }

  @Override
  public void close() throws IOException {
    if (footer != null) {
      sheet.createRow(next + 1).createCell(0).setCellValue(footer);
    }
    workbook.getXSSFWorkbook().getProperties().getCoreProperties()
        .setCreated(Optional.of(Date.from(FIXED_TIME.toInstant(ZoneOffset.UTC))));
    Path raw = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(raw)) {
      workbook.write(out);
    } finally {
      workbook.close();
    }
    fixZipTimes(raw, file);
    Files.delete(raw);
  }

  /** Rewrites the zip with every entry's time fixed (POI stamps the current time). */
  private static void fixZipTimes(Path from, Path to) throws IOException {
    try (ZipFile in = new ZipFile(from.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(FIXED_TIME);
        out.putNextEntry(copy);
        try (InputStream data = in.getInputStream(entry)) {
          data.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }
}
