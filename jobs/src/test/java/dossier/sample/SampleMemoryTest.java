package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator streams: a district seven times the default (about 350,000 rows) is generated in a
 * forked JVM whose 40 MB heap could not hold its rows.
 */
class SampleMemoryTest {
  private static final String HEAP = "-Xmx40m";
  private static final int CADRES = 4000;

  @Test
  void aLargeDistrictIsGeneratedInASmallHeap(@TempDir Path dir) throws IOException, InterruptedException {
    Path landing = dir.resolve("landing");
    Path log = dir.resolve("sample.log");
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", System.getProperty("java.class.path"), "dossier.cli.Main", "sample", "--out", landing.toString(),
        "--cadres", Integer.toString(CADRES)))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(20, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }

    assertThat(finished).as("finished").isTrue();
    assertThat(process.exitValue()).as("exit code; output:\n" + Files.readString(log)).isZero();
    assertThat(dir.resolve("landing-ground-truth.json")).as("ground truth").isRegularFile();
    long dataRows;
    try (var lines = Files.lines(dir.resolve("landing-ground-truth-files.jsonl"))) {
      dataRows = lines.mapToLong(l -> Long.parseLong(l.replaceAll(".*\"data_rows\":(\\d+).*", "$1"))).sum();
    }
    assertThat(dataRows).as("rows written, more than a 40 MB heap could hold").isGreaterThan(300_000);
  }
}
