package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder snapshotted before a step comes back as it was, whatever the step did to it. */
class LakeSnapshotTest {
  @TempDir Path work;

  @Test
  void restoringUndoesNewDeletedAndRewrittenFiles() throws IOException {
    Path lake = work.resolve("full");
    write(lake.resolve("raw/t/part-0.parquet"), "rows of version 0");
    write(lake.resolve("raw/t/_delta_log/_last_checkpoint"), "version 0");
    Map<String, String> before = contents(lake);

    LakeSnapshot.take(lake);
    Files.delete(lake.resolve("raw/t/part-0.parquet"));
    write(lake.resolve("raw/t/part-1.parquet"), "rows of version 1");
    Files.writeString(lake.resolve("raw/t/_delta_log/_last_checkpoint"), "version 1",
        StandardOpenOption.TRUNCATE_EXISTING); // in place, as Hadoop's local file system overwrites
    boolean restored = LakeSnapshot.restore(lake);

    assertThat(restored).as("a snapshot was there").isTrue();
    assertThat(contents(lake)).as("the lake after restoring").isEqualTo(before);
    assertThat(LakeSnapshot.of(lake)).as("the snapshot, now the lake").doesNotExist();
  }

  @Test
  void aFolderMissingBeforeTheStepComesBackEmpty() throws IOException {
    Path floor = work.resolve("copy-floor");
    LakeSnapshot.take(floor);
    write(floor.resolve("part-0.parquet"), "half written");

    assertThat(LakeSnapshot.restore(floor)).as("a snapshot was there").isTrue();
    assertThat(contents(floor)).as("the folder after restoring").isEmpty();
  }

  @Test
  void withoutASnapshotNothingIsRestoredAndADroppedOneIsGone() throws IOException {
    Path lake = work.resolve("full");
    write(lake.resolve("reports/summary.md"), "measured");
    LakeSnapshot.take(lake);
    LakeSnapshot.drop(lake);

    assertThat(LakeSnapshot.restore(lake)).as("a snapshot was there").isFalse();
    assertThat(contents(lake)).as("the lake").containsExactly(Map.entry("reports/summary.md", "measured"));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
