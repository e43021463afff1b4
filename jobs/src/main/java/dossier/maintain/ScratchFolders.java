package dossier.maintain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Spark and landing leave in the machine's temporary folders when a process is killed:
 * Spark's scratch folders ({@code spark-<uuid>}, {@code blockmgr-<uuid>}) and landing's local
 * copies of workbooks ({@code dossier-landing-*.xlsx}). An entry goes once nothing in it changed
 * for longer than the margin, so the folders of a session still running (this one's included)
 * stay. Nothing else in those folders is touched.
 */
final class ScratchFolders {
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final Pattern SCRATCH = Pattern.compile("(spark|blockmgr)-" + UUID + "|dossier-landing-.*\\.xlsx");

  private ScratchFolders() {}

  /** Deletes the stale scratch entries directly below each root; returns the ones deleted. */
  static List<Path> clean(List<Path> roots, Duration olderThan, Instant now) {
    List<Path> deleted = new ArrayList<>();
    Instant before = now.minus(olderThan);
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(root)) {
        for (Path entry : entries.filter(e -> SCRATCH.matcher(e.getFileName().toString()).matches()).sorted().toList()) {
          if (lastChange(entry).isBefore(before)) {
            delete(entry);
            deleted.add(entry);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clean the scratch folder " + root + ": " + e.getMessage(), e);
      }
    }
    return deleted;
  }

  /** The latest modification of the entry or anything inside it. */
  private static Instant lastChange(Path entry) throws IOException {
    try (Stream<Path> tree = Files.walk(entry)) {
      return tree.map(ScratchFolders::modified).max(Comparator.naturalOrder()).orElse(Instant.MAX);
    }
  }

  private static Instant modified(Path path) {
    try {
      return Files.getLastModifiedTime(path).toInstant();
    } catch (IOException e) {
      return Instant.MAX; // vanished or unreadable while we looked: someone is using it
    }
  }

  private static void delete(Path entry) throws IOException {
    try (Stream<Path> tree = Files.walk(entry)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
