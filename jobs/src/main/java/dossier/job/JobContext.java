package dossier.job;

import dossier.lake.Lake;
import dossier.settings.DossierSettings;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * What a stage of one run works with: validated settings, the one SparkSession, the lake's
 * paths, the run's identity (recorded in provenance and the run log) and the stage's
 * {@link TableAccess}, which records the Delta versions it reads and writes.
 */
public record JobContext(DossierSettings settings, SparkSession spark, Lake lake, String runId, Instant startedAt,
    TableAccess tables) {

  /** A context with fresh table access (tests and the first stage of a run). */
  public JobContext(DossierSettings settings, SparkSession spark, Lake lake, String runId, Instant startedAt) {
    this(settings, spark, lake, runId, startedAt, new TableAccess(spark, lake));
  }

  /** The same run with fresh table access: each stage's reads and writes are recorded on their own. */
  public JobContext forNextStage() {
    return new JobContext(settings, spark, lake, runId, startedAt);
  }
}
