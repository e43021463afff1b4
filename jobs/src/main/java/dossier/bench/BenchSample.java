package dossier.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.sample.SampleGenerator;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The generated sample of one scale, cached under the bench's work folder by cadres, months and
 * seed ({@code samples/c<cadres>-m<months>-s<seed>/landing}) so that re-runs never regenerate it.
 * A folder without its completion mark (an interrupted generation) is generated again.
 *
 * @param landing the landing folder
 * @param files every delivered file, from the ground truth
 * @param generatedIn how long generating took, or null when the cache held it
 */
record BenchSample(Path landing, List<DeliveredFile> files, Duration generatedIn) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPLETE = "complete";

  /**
   * One delivered file as the ground truth lists it.
   *
   * @param sourcePath {@code <YYYY-MM>/<source>/<file>}
   * @param dataset the dataset its name says, null for a file matching none
   * @param format csv or xlsx
   * @param encoding a CSV's encoding (UTF-8, UTF-8-BOM, GB18030), null for a workbook
   * @param sizeBytes its size
   * @param dataRows rows under its header
   */
  record DeliveredFile(String sourcePath, String dataset, String format, String encoding, long sizeBytes, long dataRows) {}

  /** The cached sample, generated first when the cache does not hold it. */
  static BenchSample of(Path work, SampleSettings settings, DossierSettings dossier, Consumer<String> progress) {
    Path folder = work.resolve("samples")
        .resolve("c" + settings.cadres() + "-m" + settings.months() + "-s" + settings.seed());
    Path landing = folder.resolve("landing");
    Duration generated = null;
    try {
      if (!Files.exists(folder.resolve(COMPLETE))) {
        delete(folder);
        Files.createDirectories(folder);
        generated = new SampleGenerator(settings, dossier.datasets(), dossier.landing(), landing, progress).run()
            .elapsed();
        Files.writeString(folder.resolve(COMPLETE), "");
      }
      return new BenchSample(landing, files(landing), generated);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sample in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Rows delivered under a header in every file: the records a records-per-second figure counts. */
  long dataRows() {
    return files.stream().mapToLong(DeliveredFile::dataRows).sum();
  }

  long bytes() {
    return files.stream().mapToLong(DeliveredFile::sizeBytes).sum();
  }

  /** The delivery months in order; the last is the month an incremental run adds. */
  List<String> deliveryMonths() {
    return files.stream().map(f -> f.sourcePath().substring(0, 7)).distinct().sorted().toList();
  }

  private static List<DeliveredFile> files(Path landing) throws IOException {
    Path list = landing.resolveSibling(landing.getFileName() + "-ground-truth-files.jsonl");
    List<DeliveredFile> files = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(list)) {
      for (String line; (line = lines.readLine()) != null; ) {
        JsonNode file = JSON.readTree(line);
        files.add(new DeliveredFile(file.get("source_path").asText(), text(file, "dataset"), file.get("format").asText(),
            text(file, "encoding"), file.get("size_bytes").asLong(),
            file.get("data_rows").asLong()));
      }
    }
    return files;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
