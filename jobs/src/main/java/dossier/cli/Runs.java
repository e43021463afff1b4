package dossier.cli;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageResult;
import dossier.lake.Lake;
import dossier.settings.DossierSettings;
import dossier.spark.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/** Opens one run (log file, SparkSession, run id) and runs stages in it, printing their results. */
final class Runs {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Runs() {}

  /** Runs the stages in order in one SparkSession; the first failure stops the run. */
  static void runStages(DossierSettings settings, List<Stage> stages, Optional<YearMonth> asOf, Console console) {
    runStages(settings, stages, asOf, console, context -> { });
  }

  /** As above, then {@code afterwards} in the same session (e.g. the demo's summary). */
  static void runStages(DossierSettings settings, List<Stage> stages, Optional<YearMonth> asOf, Console console,
      java.util.function.Consumer<JobContext> afterwards) {
    Instant started = Instant.now();
    String runId = RUN_ID_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    console.line("dossier run %s  lake %s", runId, settings.lakeRoot());
    if (settings.identity().isDemoKey()) {
      console.line("  person_key: DEMO KEY (local profile only; set DOSSIER_PERSON_KEY for real data)");
    }
    withSpark(settings, console, (spark, progress) -> {
      JobContext context = new JobContext(settings, spark, new Lake(settings.lakeRoot()), runId, started);
      for (Stage stage : stages) {
        Instant stageStart = Instant.now();
        StageResult result = stage.run(context, asOf);
        progress.clear();
        console.line("%-8s done in %s", stage.name(), Console.elapsed(Duration.between(stageStart, Instant.now())));
        result.lines().forEach(l -> console.line("  " + l));
      }
      afterwards.accept(context);
      return null;
    });
    console.line("run %s finished in %s", runId, Console.elapsed(Duration.between(started, Instant.now())));
  }

  /**
   * Routes Spark's log to the lake's _logs folder, opens the session with a progress line, runs
   * {@code work}, and stops the session if this call created it.
   */
  static <T> T withSpark(DossierSettings settings, Console console, Work<T> work) {
    Path log = LogFiles.route(settings.lakeRoot());
    console.line("  Spark log: %s", log);
    // A session that already exists (tests, notebooks) belongs to its creator: leave it running.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.create(settings.spark());
    try (SparkProgress progress = SparkProgress.start(spark, console)) {
      return work.apply(spark, progress);
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /** Work done inside one SparkSession. */
  @FunctionalInterface
  interface Work<T> {
    T apply(SparkSession spark, SparkProgress progress);
  }
}
