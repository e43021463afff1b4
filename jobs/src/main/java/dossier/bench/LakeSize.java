package dossier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * How much a lake holds: every file on disk (Spark's own logs aside), and the live part of it, the
 * files the current version of each Delta table references plus everything outside Delta tables
 * (curated Parquet, reports, manifests). The difference is what Delta keeps for time travel until a
 * vacuum removes it.
 *
 * @param diskBytes bytes of every file below the lake, {@code _logs/} aside
 * @param liveBytes bytes of the current Delta table versions' files and of the files outside Delta tables
 */
record LakeSize(long diskBytes, long liveBytes) {
  /** Spark's log files, written beside the lake by every command: not the lake's content. */
  private static final String LOGS = "_logs";

  static LakeSize of(SparkSession spark, Path lake) {
    try (Stream<Path> walk = Files.walk(lake)) {
      List<Path> files = walk.filter(Files::isRegularFile).filter(f -> !lake.relativize(f).startsWith(LOGS)).toList();
      List<Path> deltaTables = files.stream().filter(f -> f.getParent().getFileName().toString().equals("_delta_log"))
          .map(f -> f.getParent().getParent()).distinct().toList();
      long disk = 0;
      long outsideDelta = 0;
      for (Path file : files) {
        long size = Files.size(file);
        disk += size;
        if (deltaTables.stream().noneMatch(file::startsWith)) {
          outsideDelta += size;
        }
      }
      long liveDelta = 0;
      for (Path table : deltaTables) {
        liveDelta += spark.sql("DESCRIBE DETAIL delta.`" + table.toAbsolutePath() + "`").first()
            .<Long>getAs("sizeInBytes");
      }
      return new LakeSize(disk, liveDelta + outsideDelta);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot measure the lake " + lake + ": " + e.getMessage(), e);
    }
  }
}
