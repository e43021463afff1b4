package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fingerprint changes with the pipeline's code and configuration, not with the bench's own classes. */
class CodeFingerprintTest {
  @TempDir Path classes;

  @Test
  void followsThePipelinesCodeAndIgnoresTheBenchs() throws IOException {
    write("dossier/land/LandJob.class", "land v1");
    write("rules.conf", "threshold = 3");
    write("dossier/bench/ScaleBench.class", "bench v1");
    String first = CodeFingerprint.of(List.of(classes));

    write("dossier/bench/ScaleBench.class", "bench v2");
    write("META-INF/MANIFEST.MF", "Built-At: now");
    String benchChanged = CodeFingerprint.of(List.of(classes));
    write("rules.conf", "threshold = 4");
    String configChanged = CodeFingerprint.of(List.of(classes));
    write("rules.conf", "threshold = 3");
    write("dossier/land/LandJob.class", "land v2");
    String codeChanged = CodeFingerprint.of(List.of(classes));

    assertThat(benchChanged).as("after a bench-only change").isEqualTo(first);
    assertThat(configChanged).as("after a rule change").isNotEqualTo(first);
    assertThat(codeChanged).as("after a stage change").isNotEqualTo(first).isNotEqualTo(configChanged);
    assertThat(first).as("fingerprint").matches("[0-9a-f]{12}");
  }

  private void write(String name, String content) throws IOException {
    Path file = classes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
