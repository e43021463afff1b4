package dossier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A folder as it was before a measured step ({@code <folder>.before}), so that a step the machine
 * stopped during can be measured again from the same start. Data files ({@code .parquet},
 * {@code .csv}: Spark and the peer write each once, under a name of its own) are hard-linked, so a
 * snapshot of a large lake costs little; every other file (Delta logs, checkpoint pointers,
 * reports, which writers may overwrite in place) is copied.
 */
final class LakeSnapshot {
  private LakeSnapshot() {}

  /** Snapshots {@code folder} (created empty first when missing), replacing an older snapshot. */
  static void take(Path folder) {
    Path snapshot = of(folder);
    try {
      BenchSample.delete(snapshot);
      Files.createDirectories(folder);
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path source : walk.toList()) {
          Path target = snapshot.resolve(folder.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else if (isDataFile(source)) {
            Files.createLink(target, source);
          } else {
            Files.copy(source, target);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot snapshot " + folder + " into " + snapshot + ": " + e.getMessage(), e);
    }
  }

  /** Puts the snapshot back in place of {@code folder}, when there is one; says whether there was. */
  static boolean restore(Path folder) {
    Path snapshot = of(folder);
    if (!Files.isDirectory(snapshot)) {
      return false;
    }
    try {
      BenchSample.delete(folder);
      Files.move(snapshot, folder);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore " + folder + " from " + snapshot + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the snapshot once the step it guarded is measured. */
  static void drop(Path folder) {
    try {
      BenchSample.delete(of(folder));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the snapshot of " + folder + ": " + e.getMessage(), e);
    }
  }

  static Path of(Path folder) {
    return folder.resolveSibling(folder.getFileName() + ".before");
  }

  private static boolean isDataFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".parquet") || name.endsWith(".csv");
  }
}
