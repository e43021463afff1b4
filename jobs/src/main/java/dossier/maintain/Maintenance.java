package dossier.maintain;

import dossier.job.RunLog;
import dossier.job.RunMarkers;
import dossier.lake.Lake;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/dossier maintain}: the lake's housekeeping, safe to run at any time no run is
 * writing to the lake. It deletes the Parquet files no version of a Delta table references once
 * older than a margin ({@link UncommittedFiles}; committed versions stay readable), deletes stale
 * Spark scratch folders on this machine ({@link ScratchFolders}), and records stage runs that
 * were killed as interrupted in the run log ({@link RunLog#recordInterrupted}).
 */
public final class Maintenance {
  private Maintenance() {}

  /**
   * What maintain did.
   *
   * @param uncommitted the unreferenced files deleted, the ones left as too young, and notes
   * @param scratch the scratch folders and files deleted
   * @param interrupted the stage runs recorded as interrupted
   */
  public record Result(UncommittedFiles.Outcome uncommitted, List<Path> scratch,
      List<RunMarkers.Started> interrupted) {
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      long bytes = uncommitted.deleted().stream().mapToLong(UncommittedFiles.Leftover::bytes).sum();
      lines.add(String.format("uncommitted files deleted: %d (%,d bytes)%s", uncommitted.deleted().size(), bytes,
          uncommitted.tooYoung().isEmpty() ? ""
              : "; " + uncommitted.tooYoung().size() + " more are too young to be sure no write is still running"));
      uncommitted.deleted().forEach(l -> lines.add("  " + l.table() + ": " + l.path().getName()));
      uncommitted.notes().forEach(n -> lines.add("note: " + n));
      lines.add("scratch folders and files deleted: " + scratch.size());
      scratch.forEach(s -> lines.add("  " + s));
      lines.add("stage runs recorded as interrupted: " + interrupted.size());
      interrupted.forEach(s -> lines.add("  " + s.runId() + " " + s.stage() + " (started " + s.startedAt() + ")"));
      return lines;
    }
  }

  public static Result run(SparkSession spark, Lake lake, MaintainSettings settings, RunMarkers.Settings runs,
      Instant now) {
    RunMarkers markers = new RunMarkers(lake, spark.sparkContext().hadoopConfiguration(), runs);
    List<RunMarkers.Started> interrupted = new RunLog(spark, lake).recordInterrupted(markers, "maintain", now);
    UncommittedFiles.Outcome uncommitted = new UncommittedFiles(spark, lake.root())
        .clean(settings.uncommittedFilesOlderThan(), now);
    List<Path> scratch = ScratchFolders.clean(settings.scratchRoots().stream().map(Path::of).toList(),
        settings.scratchOlderThan(), now);
    return new Result(uncommitted, scratch, interrupted);
  }
}
