package dossier.bench;

import dossier.land.DeliveredSheets;
import dossier.settings.LandingSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The single-node peer's streaming pre-step: DuckDB's CSV reader takes UTF-8 only and reads no
 * workbooks, so every delivered file is rewritten as a UTF-8 CSV, one folder per dataset
 * ({@code <out>/<dataset>/}), read through the landing job's readers (GB18030 transcoded, BOM
 * dropped, XLSX streamed). Workbooks lose their title and blank rows above the header (the first
 * row with two cells or more) and the footer below the data (a row starting with a
 * {@code footer-prefixes} entry). Each row starts with the file's path. The bench times this step
 * as part of the peer.
 */
final class PeerFiles {
  static final String SOURCE_PATH = "_source_path";

  private PeerFiles() {}

  /** Writes the sample's files as UTF-8 CSVs below {@code out}. */
  static void write(BenchSample sample, LandingSettings landing, Path out) {
    for (BenchSample.DeliveredFile file : sample.files()) {
      if (file.dataset() == null) {
        continue;
      }
      Path target = out.resolve(file.dataset()).resolve(file.sourcePath().replace('/', '_') + ".csv");
      try {
        Files.createDirectories(target.getParent());
        try (DeliveredSheets.Sheet sheet = DeliveredSheets.open(sample.landing().resolve(file.sourcePath()).toFile());
            BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
          copy(sheet, writer, file.sourcePath(), landing.footerPrefixes());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot rewrite " + file.sourcePath() + ": " + e.getMessage(), e);
      }
    }
  }

  private static void copy(DeliveredSheets.Sheet sheet, BufferedWriter writer, String sourcePath,
      List<String> footerPrefixes) throws IOException {
    boolean headerSeen = false;
    while (sheet.hasNext()) {
      List<String> cells = sheet.next();
      long filled = cells.stream().filter(Objects::nonNull).filter(c -> !c.isBlank()).count();
      if (filled == 0 || (!headerSeen && filled < 2)) {
        continue;
      }
      if (headerSeen && isFooter(cells, footerPrefixes)) {
        break;
      }
      List<String> row = new ArrayList<>(cells.size() + 1);
      row.add(headerSeen ? sourcePath : SOURCE_PATH);
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        row.add(!headerSeen && (cell == null || cell.isBlank()) ? "_column_" + (i + 1) : cell);
      }
      writer.write(csvLine(row));
      headerSeen = true;
    }
  }

  private static boolean isFooter(List<String> cells, List<String> footerPrefixes) {
    String first = cells.stream().filter(Objects::nonNull).filter(c -> !c.isBlank()).findFirst().orElse("").strip();
    return footerPrefixes.stream().anyMatch(first::startsWith);
  }

  private static String csvLine(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      String cell = cells.get(i);
      if (cell != null) {
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
      }
    }
    return line.append('\n').toString();
  }
}
