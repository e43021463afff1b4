package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;
import dossier.job.Stages;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness at smoke size (the smallest district the generator plants every scenario
 * in, two months): it measures the stages it is given, the copy floor, the DuckDB peer (whose
 * figures must equal Dossier's) and the incremental month, and writes the report. To stay cheap
 * in CI it measures the landing stage only (the peer checks against the raw layer), then a stage
 * that stops the first run as a switched-off machine would ({@link StoppedOnce}); the run is then
 * resumed, as {@code bin/dossier bench --resume} does. The command measures every stage of
 * {@link Stages#ordered()}. No timing is asserted: figures come from real runs, in BENCHMARKS.md.
 */
@SparkTest
class BenchSmokeTest {
  private static final int CADRES = 200;
  private static final int MONTHS = 2;
  private static final StoppedOnce STOPPED_ONCE = new StoppedOnce();
  private static final List<Stage> STAGES = List.of(Stages.ordered().get(0), STOPPED_ONCE);

  @TempDir static Path work;
  static SparkSession spark;
  static BenchSettings settings;
  static ScaleResult result;
  static Bench bench;
  static Throwable stop;
  static JsonNode journalAtStop;

  @BeforeAll
  static void runTheBench(SparkSession session) throws IOException {
    spark = session;
    DossierSettings dossier = Settings.load(Optional.empty());
    Path report = work.resolve("BENCHMARKS.md");
    Files.writeString(report, "# Benchmarks\n\nHand-written analysis.\n\n" + BenchReport.BEGIN + "\nold figures\n"
        + BenchReport.END + "\n\n## What the figures say\n");
    settings = BenchSettings.from(dossier.config()).with(work.toString(), List.of(CADRES), report.toString());
    SampleSettings defaults = SampleSettings.from(dossier.config(), dossier.datasets());
    bench = new Bench(spark, dossier, settings, defaults.with(CADRES, MONTHS, defaults.seed()), STAGES,
        line -> { });
    stop = catchThrowable(bench::run);
    journalAtStop = new ObjectMapper().readTree(lakes().resolve("journal.json").toFile());
    result = bench.resume().get(0);
  }

  @Test
  void aStopDuringAStageLeavesTheStepsMeasuredBeforeItInTheJournal() {
    assertThat(stop).as("what stopped the first run").isInstanceOf(StoppedOnce.MachineStopped.class);
    assertThat(journalAtStop.get("steps").fieldNames()).as("steps journaled before the stop").toIterable()
        .containsExactly("land");
  }

  @Test
  void theResumedRunKeepsTheJournaledStepAndRedoesTheStoppedOneFromItsSnapshot() throws IOException {
    assertThat(result.stages().get(0).millis()).as("land's time, taken from the journal")
        .isEqualTo(journalAtStop.get("steps").get("land").get("millis").asLong());
    try (Stream<Path> marks = Files.list(lake("full").resolve(StoppedOnce.MARKS))) {
      assertThat(marks.map(p -> p.getFileName().toString())).as("marks in the full lake: the stopped run's is undone")
          .containsExactly("run-2");
    }
    try (Stream<Path> folders = Files.list(lakes())) {
      assertThat(folders.map(p -> p.getFileName().toString())).as("folders of the scale: no snapshot left")
          .noneMatch(name -> name.endsWith(".before"));
    }
  }

  @Test
  void resumingAFinishedMeasurementMeasuresNothingAgain() {
    assertThat(bench.resume()).as("results of a second resume").containsExactly(result);
    assertThat(STOPPED_ONCE.runs).as("runs of the stopped stage: full, full again, history, incremental").isEqualTo(4);
  }

  @Test
  void everyStageGivenIsMeasuredAndSucceeds() {
    assertThat(result.stages().stream().map(Measurement::step).toList()).as("stages measured")
        .isEqualTo(STAGES.stream().map(Stage::name).toList());
    assertThat(result.stages()).as("failed stages").noneMatch(Measurement::failed);
  }

  @Test
  void theLandingStageWritesAtLeastTheRowsItLanded() {
    long landed = spark.read().format("delta").load(lake("full").resolve("raw/file_manifest").toString())
        .selectExpr("sum(rows_landed)").first().getLong(0);
    Measurement land = result.stages().get(0);
    assertThat(land.recordsWritten()).as("records written by land (raw rows, quarantine, manifest)")
        .isGreaterThanOrEqualTo(landed);
    assertThat(land.filesWritten()).as("files land wrote").isPositive();
  }

  @Test
  void theCopyFloorHoldsEveryDeliveredFileWithItsHeaderAndRows() {
    assertThat(result.copyFloor().failure()).as("copy floor's failure").isNull();
    Map<String, Long> copied = spark.read().parquet(lake("copy-floor").toString())
        .groupBy(CopyFloor.SOURCE_PATH).count().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    BenchSample sample = BenchSample.of(work, sampleSettings(), null, line -> { });
    assertThat(copied).as("files copied").hasSize(sample.files().size());
    for (BenchSample.DeliveredFile file : sample.files()) {
      String path = "file:" + sample.landing().resolve(file.sourcePath()).toAbsolutePath();
      assertThat(copied.get(path)).as("rows copied from " + file.sourcePath())
          .isGreaterThanOrEqualTo(file.dataRows() + 1);
    }
  }

  @Test
  void theDuckDbPeersFiguresEqualDossiers() {
    assertThat(result.peerChecks()).as("peer figures checked").hasSizeGreaterThan(2);
    assertThat(result.peerChecks()).as("peer figures that differ from Dossier's").allMatch(PeerCheck::equal);
    assertThat(result.peerChecks().get(0).peer()).as("data rows the peer read").isPositive();
  }

  @Test
  void theIncrementalMonthRunsTheSameStagesOnTheLargestScale() {
    assertThat(result.incremental().stream().map(Measurement::step).toList()).as("incremental stages")
        .isEqualTo(result.stages().stream().map(Measurement::step).toList());
    assertThat(result.incremental()).as("failed incremental stages").noneMatch(Measurement::failed);
  }

  @Test
  void theReportReplacesOnlyItsMeasuredSection() throws IOException {
    String report = Files.readString(Path.of(settings.report()));
    assertThat(report).as("report")
        .startsWith("# Benchmarks\n\nHand-written analysis.\n\n" + BenchReport.BEGIN)
        .endsWith(BenchReport.END + "\n\n## What the figures say\n")
        .doesNotContain("old figures")
        .contains("### 200 cadres (2 months")
        .contains("pipeline ÷ copy floor")
        .contains("| copy floor |");
  }

  @Test
  void aStoredResultReadsBackAsMeasured() {
    assertThat(bench.stored()).as("stored results").containsExactly(result);
  }

  private static Path lake(String name) {
    return lakes().resolve(name);
  }

  private static Path lakes() {
    return work.resolve("lakes").resolve("c" + CADRES);
  }

  /** A stage that leaves a mark in the lake on every run, and stops the first run with an error no step catches. */
  private static final class StoppedOnce implements Stage {
    static final String MARKS = "stopped-once-marks";
    int runs;

    static final class MachineStopped extends Error {
      MachineStopped() {
        super("the machine stopped during the stage");
      }
    }

    @Override
    public String name() {
      return "stopped-once";
    }

    @Override
    public String summary() {
      return "marks the lake; stops the bench the first time";
    }

    @Override
    public boolean takesAsOf() {
      return false;
    }

    @Override
    public StageResult run(JobContext context, StageArguments arguments) {
      runs++;
      try {
        Path marks = Files.createDirectories(Path.of(context.lake().root()).resolve(MARKS));
        Files.writeString(marks.resolve("run-" + runs), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (runs == 1) {
        throw new MachineStopped();
      }
      return List::of;
    }
  }

  private static SampleSettings sampleSettings() {
    DossierSettings dossier = Settings.load(Optional.empty());
    SampleSettings defaults = SampleSettings.from(dossier.config(), dossier.datasets());
    return defaults.with(CADRES, MONTHS, defaults.seed());
  }
}
