package dossier.land;

import dossier.job.JobContext;
import dossier.lake.Lake;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;

/** Delivered files as agencies write them, written by the tests into a temporary landing folder. */
final class Fixtures {
  static final Charset GBK = Charset.forName("GBK");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private Fixtures() {}

  /** A CSV file below the landing root, lines joined with CRLF, in the given encoding. */
  static Path csv(Path landing, String sourcePath, Charset charset, boolean bom, String... lines) throws IOException {
    Path file = landing.resolve(sourcePath);
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      if (bom) {
        out.write(BOM);
      }
      out.write((String.join("\r\n", lines) + "\r\n").getBytes(charset));
    }
    return file;
  }

  static Path csv(Path landing, String sourcePath, String... lines) throws IOException {
    return csv(landing, sourcePath, StandardCharsets.UTF_8, false, lines);
  }

  /**
   * An XLSX workbook as agencies send it: a merged title row, a blank row, the header, the data
   * rows (a {@link LocalDate} becomes a real date cell) and a footer row.
   */
  static Path xlsx(Path landing, String sourcePath, String title, List<String> header, List<List<Object>> rows,
      String footer) throws IOException {
    Path file = landing.resolve(sourcePath);
    Files.createDirectories(file.getParent());
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("Sheet1");
      CellStyle dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
      sheet.createRow(0).createCell(0).setCellValue(title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, header.size() - 1));
      write(sheet.createRow(2), header, dateStyle);
      for (int i = 0; i < rows.size(); i++) {
        write(sheet.createRow(3 + i), rows.get(i), dateStyle);
      }
      sheet.createRow(3 + rows.size()).createCell(0).setCellValue(footer);
      workbook.write(out);
    }
    return file;
  }

  private static void write(Row row, List<?> values, CellStyle dateStyle) {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof LocalDate date) {
        row.createCell(i).setCellValue(date);
        row.getCell(i).setCellStyle(dateStyle);
      } else if (value instanceof Number number) {
        row.createCell(i).setCellValue(number.doubleValue());
      } else if (value != null) {
        row.createCell(i).setCellValue(value.toString());
      }
    }
  }

  /** A valid 18-character ID from its first 17 digits. */
  static String id(String first17) {
    return first17 + dossier.normalise.NationalIds.checkDigit(first17);
  }

  /** The embedded (local) settings pointed at these folders. */
  static DossierSettings settings(Path landing, Path lake) {
    return Settings.load(Optional.empty()).withPaths(landing.toString(), lake.toString());
  }

  static JobContext context(SparkSession spark, DossierSettings settings, String runId) {
    return new JobContext(settings, spark, new Lake(settings.lakeRoot()), runId, Instant.parse("2024-07-01T00:00:00Z"));
  }

  static LandJob.Result land(SparkSession spark, Path landing, Path lake, String runId) {
    return land(spark, landing, lake, runId, Optional.empty());
  }

  static LandJob.Result land(SparkSession spark, Path landing, Path lake, String runId, Optional<YearMonth> upTo) {
    return new LandJob(context(spark, settings(landing, lake), runId), upTo).run();
  }
}
