package dossier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Sends Spark's and Delta's logging to a file under the lake ({@code _logs/}), so that the
 * terminal shows only Dossier's own lines. Must run before anything initialises log4j.
 */
final class LogFiles {
  /** Read by log4j2.properties in this module's resources. */
  static final String PROPERTY = "dossier.log.file";

  private LogFiles() {}

  /** Chooses the log file for this run; for a remote lake (s3a://, hdfs://) a local temp folder. */
  static Path route(String lakeRoot) {
    Path dir = lakeRoot.contains("://") && !lakeRoot.startsWith("file:")
        ? Path.of(System.getProperty("java.io.tmpdir"), "dossier-logs")
        : Path.of(lakeRoot.replaceFirst("^file:(//)?", ""), "_logs");
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = dir.resolve("dossier-" + stamp + ".log");
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot create the log folder " + dir + ": " + e.getMessage(), e);
    }
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, file.toString());
    }
    return Path.of(System.getProperty(PROPERTY));
  }
}
