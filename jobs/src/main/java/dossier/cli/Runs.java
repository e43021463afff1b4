package dossier.cli;

import dossier.job.CompletedStages;
import dossier.job.JobContext;
import dossier.job.Operations;
import dossier.job.RunLog;
import dossier.job.LakeLease;
import dossier.job.RunMarkers;
import dossier.job.SettingsFingerprint;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;
import dossier.job.StageRun;
import dossier.lake.Lake;
import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import dossier.spark.SparkSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Opens one run (log file, SparkSession, run id) and runs stages in it, printing their results
 * and recording each stage run, successful or failed, in the run log.
 */
final class Runs {
  private static final DateTimeFormatter RUN_ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private Runs() {}

  /** Runs the stages in order in one SparkSession; the first failure stops the run. */
  static void runStages(DossierSettings settings, List<Stage> stages, StageArguments arguments, boolean breakLease,
      Console console) {
    runStages(settings, stages, arguments, false, breakLease, console, context -> { });
  }

  /**
   * As above; with {@code resume}, a stage whose work for this input is done ({@link CompletedStages})
   * is passed over while every stage before it in this run was passed over or changed nothing, so a
   * retried run starts again at the first stage not done. Then {@code afterwards} runs in the same
   * session (e.g. the demo's summary). Every stage's settings are checked first, before the lake is
   * touched (its log folder included). The run holds the lake's lease ({@link LakeLease}) from
   * before its first write to its end; {@code breakLease} takes it over from a holder known dead.
   */
  static void runStages(DossierSettings settings, List<Stage> stages, StageArguments arguments, boolean resume,
      boolean breakLease, Console console, Consumer<JobContext> afterwards) {
    RunMarkers.Settings runs = checkSettings(settings, stages);
    Instant started = Instant.now();
    String runId = runId(started);
    console.line("dossier run %s  lake %s", runId, settings.lakeRoot());
    if (settings.identity().isDemoKey()) {
      console.line("  person_key: DEMO KEY (local profile only; set DOSSIER_PERSON_KEY for real data)");
    }
    String command = stages.size() == 1 ? stages.get(0).name() : "run";
    withSpark(settings, console, (spark, progress) -> {
      Lake lake = new Lake(settings.lakeRoot());
      try (LakeLease lease = LakeLease.take(lake, spark.sparkContext().hadoopConfiguration(), runs, runId, command,
          breakLease, note -> console.line("  note: %s", note))) {
        RunLog log = new RunLog(spark, lake);
        RunMarkers markers = new RunMarkers(lake, spark.sparkContext().hadoopConfiguration(), runs);
        log.recordInterrupted(markers, runId, started).forEach(s -> console.line(
            "  note: %s of run %s (started %s) never ended: recorded as interrupted in the run log", s.stage(), s.runId(),
            s.startedAt()));
        JobContext run = new JobContext(settings, spark, lake, runId, started);
        String fingerprint = SettingsFingerprint.of(settings);
        Optional<CompletedStages> completed = resume
            ? Optional.of(new CompletedStages(log, run.tables(), fingerprint)) : Optional.empty();
        Operations total = Operations.NONE;
        boolean changedSoFar = false;
        for (Stage stage : stages) {
          Optional<String> doneBy = changedSoFar ? Optional.empty()
              : completed.flatMap(c -> c.doneBy(stage, arguments));
          if (doneBy.isPresent()) {
            console.line("%-8s passed over: done for this input by run %s (same input versions and settings)",
                stage.name(), doneBy.get());
            continue;
          }
          JobContext context = run.forNextStage();
          Instant stageStart = Instant.now();
          Operations.Meter meter = Operations.start(context);
          StageResult result;
          try (RunMarkers.Heartbeat alive = markers.start(runId, stage.name(),
              stage.takesAsOf() ? arguments.asOf() : Optional.empty(), CompletedStages.stageOptions(stage, arguments),
              stageStart)) {
            result = stage.run(context, arguments);
          } catch (RuntimeException e) {
            log.append(record(context, stage, arguments, arguments.asOf(), stageStart, Optional.of(String.valueOf(e)),
                fingerprint));
            markers.remove(runId, stage.name());
            throw e;
          }
          Operations operations = meter.operations();
          log.append(record(context, stage, arguments, result.asOfMonth().or(arguments::asOf), stageStart,
              Optional.empty(), fingerprint));
          markers.remove(runId, stage.name());
          changedSoFar |= operations.deltaCommits() > 0 || operations.filesWritten() > 0;
          total = total.plus(operations);
          progress.clear();
          console.line("%-8s done in %s · %s", stage.name(), Console.elapsed(Duration.between(stageStart, Instant.now())),
              operations.describe());
          result.lines().forEach(l -> console.line("  " + l));
        }
        if (stages.size() > 1) {
          console.line("stages   %s", total.describe());
        }
        afterwards.accept(run.forNextStage());
      }
      return null;
    });
    console.line("run %s finished in %s", runId, Console.elapsed(Duration.between(started, Instant.now())));
  }

  /**
   * Parses and validates the settings of every stage, failing on the first bad one (exit code 3),
   * and returns those of the run itself ({@code dossier.runs}).
   */
  static RunMarkers.Settings checkSettings(DossierSettings settings, List<Stage> stages) {
    stages.forEach(stage -> stage.checkSettings(settings));
    return runSettings(settings);
  }

  /** How runs mark the stages they run ({@code dossier.runs}). */
  static RunMarkers.Settings runSettings(DossierSettings settings) {
    return RunMarkers.Settings.from(ConfigReader.at(settings.config(), "dossier.runs"));
  }

  private static StageRun record(JobContext context, Stage stage, StageArguments arguments, Optional<YearMonth> asOf,
      Instant started, Optional<String> failure, String fingerprint) {
    return new StageRun(context.runId(), stage.name(), stage.takesAsOf() ? asOf : Optional.empty(),
        CompletedStages.stageOptions(stage, arguments), started, Instant.now(), failure,
        context.tables().versionsRead(), context.tables().versionsWritten(), fingerprint);
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

  /** A new run's id: its start (UTC, to the second) and eight random hex digits. */
  static String runId(Instant started) {
    return RUN_ID_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Work done inside one SparkSession. */
  @FunctionalInterface
  interface Work<T> {
    T apply(SparkSession spark, SparkProgress progress);
  }
}
