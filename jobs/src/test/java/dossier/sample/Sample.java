package dossier.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generated sample for tests: the default district is generated once per test JVM (the
 * classes share it) into a temporary folder; other sizes on demand.
 */
final class Sample {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Sample standard;
  final Path landing;
  final DossierSettings dossier;
  final SampleSettings settings;

  private Sample(Path landing, DossierSettings dossier, SampleSettings settings) {
    this.landing = landing;
    this.dossier = dossier;
    this.settings = settings;
  }

  /** The sample of the default settings (540 cadres, 24 months). */
  static synchronized Sample standard() {
    if (standard == null) {
      try {
        Path dir = Files.createTempDirectory("dossier-sample-test-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        standard = generate(dir.resolve("landing"), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return standard;
  }

  /** A sample into {@code landing}; {@code size} = {cadres, months, seed}, or null for the defaults. */
  static Sample generate(Path landing, long[] size) throws IOException {
    DossierSettings dossier = Settings.load(Optional.empty());
    SampleSettings settings = SampleSettings.from(dossier.config(), dossier.datasets());
    if (size != null) {
      settings = settings.with((int) size[0], (int) size[1], size[2]);
    }
    new SampleGenerator(settings, dossier.datasets(), dossier.landing(), landing, step -> { }).run();
    return new Sample(landing, dossier, settings);
  }

  JsonNode truth() {
    return json(GroundTruth.summaryPath(landing));
  }

  /** The lines of one of the ground truth's JSON-lines files ({@code files}, {@code invalid-rows}, {@code unresolved}). */
  List<JsonNode> truthLines(String what) {
    Path file = landing.resolveSibling(landing.getFileName() + "-ground-truth-" + what + ".jsonl");
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        lines.add(JSON.readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every delivered file, relative to the landing folder, sorted. */
  List<Path> files() {
    try (var walk = Files.walk(landing)) {
      return walk.filter(Files::isRegularFile).map(landing::relativize).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  DeliveredFile read(Path relative) {
    return DeliveredFile.read(landing.resolve(relative));
  }

  private static JsonNode json(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void delete(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort for a temporary folder
    }
  }
}
