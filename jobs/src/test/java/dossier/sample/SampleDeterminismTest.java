package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same arguments give byte-identical files, XLSX workbooks and ground truth included. */
class SampleDeterminismTest {
  private static final long[] SMALL = {200, 3, 42};

  @Test
  void twoRunsWithTheSameArgumentsWriteIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
    Sample.generate(first.resolve("landing"), SMALL);
    Sample.generate(second.resolve("landing"), SMALL);

    Map<String, String> hashes = hashes(first);
    assertThat(hashes.keySet()).as("files of the first run").anyMatch(f -> f.endsWith(".xlsx"))
        .anyMatch(f -> f.endsWith(".csv")).anyMatch(f -> f.endsWith("-ground-truth.json"));
    assertThat(hashes(second)).as("SHA-256 of every file of the second run").isEqualTo(hashes);
  }

  @Test
  void anotherSeedWritesOtherFiles(@TempDir Path first, @TempDir Path second) throws IOException {
    Sample.generate(first.resolve("landing"), SMALL);
    Sample.generate(second.resolve("landing"), new long[] {SMALL[0], SMALL[1], SMALL[2] + 1});

    assertThat(hashes(second)).as("another seed").isNotEqualTo(hashes(first));
  }

  /** Path below the folder -> SHA-256, for every file (landing folder and ground truth). */
  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> hashes = new TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        hashes.put(dir.relativize(file).toString(), Deliveries.sha256(file));
      }
    }
    return hashes;
  }
}
