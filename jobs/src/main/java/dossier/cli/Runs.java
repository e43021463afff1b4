package dossier.cli;

import dossier.job.JobContext;
import dossier.job.RunLog;
import dossier.job.RunMarkers;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageOption;
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
import java.util.TreeMap;
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
  static void runStages(DossierSettings settings, List<Stage> stages, StageArguments arguments, Console console) {
    runStages(settings, stages, arguments, console, context -> { });
  }

  /**
   * As above, then {@code afterwards} in the same session (e.g. the demo's summary). Every
   * stage's settings are checked first, before the lake is touched (its log folder included).
   */
  static void runStages(DossierSettings settings, List<Stage> stages, StageArguments arguments, Console console,
      Consumer<JobContext> afterwards) {
    RunMarkers.Settings runs = checkSettings(settings, stages);
    Instant started = Instant.now();
    String runId = RUN_ID_TIME.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    console.line("dossier run %s  lake %s", runId, settings.lakeRoot());
    if (settings.identity().isDemoKey()) {
      console.line("  person_key: DEMO KEY (local profile only; set DOSSIER_PERSON_KEY for real data)");
    }
    withSpark(settings, console, (spark, progress) -> {
      Lake lake = new Lake(settings.lakeRoot());
      RunLog log = new RunLog(spark, lake);
      RunMarkers markers = new RunMarkers(lake, spark.sparkContext().hadoopConfiguration(), runs);
      log.recordInterrupted(markers, runId, started).forEach(s -> console.line(
          "  note: %s of run %s (started %s) never ended: recorded as interrupted in the run log", s.stage(), s.runId(),
          s.startedAt()));
      JobContext run = new JobContext(settings, spark, lake, runId, started);
      for (Stage stage : stages) {
        JobContext context = run.forNextStage();
        Instant stageStart = Instant.now();
        StageResult result;
        try (RunMarkers.Heartbeat alive = markers.start(runId, stage.name(),
            stage.takesAsOf() ? arguments.asOf() : Optional.empty(), stageOptions(stage, arguments), stageStart)) {
          result = stage.run(context, arguments);
        } catch (RuntimeException e) {
          log.append(record(context, stage, arguments, arguments.asOf(), stageStart, Optional.of(String.valueOf(e))));
          markers.remove(runId, stage.name());
          throw e;
        }
        log.append(record(context, stage, arguments, result.asOfMonth().or(arguments::asOf), stageStart, Optional.empty()));
        markers.remove(runId, stage.name());
        progress.clear();
        console.line("%-8s done in %s", stage.name(), Console.elapsed(Duration.between(stageStart, Instant.now())));
        result.lines().forEach(l -> console.line("  " + l));
      }
      afterwards.accept(run.forNextStage());
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
      Instant started, Optional<String> failure) {
    return new StageRun(context.runId(), stage.name(), stage.takesAsOf() ? asOf : Optional.empty(),
        stageOptions(stage, arguments), started, Instant.now(), failure, context.tables().versionsRead(),
        context.tables().versionsWritten());
  }

  /** The options given that the stage declares (run passes every stage the options of all). */
  private static Map<String, String> stageOptions(Stage stage, StageArguments arguments) {
    Map<String, String> own = new TreeMap<>(arguments.options());
    own.keySet().retainAll(stage.options().stream().map(StageOption::name).toList());
    return own;
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
