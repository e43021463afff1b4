package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.job.Stage;
import dossier.job.Stages;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness at smoke size (the smallest district the generator plants every scenario
 * in, two months): it measures the stages it is given, the copy floor, the DuckDB peer (whose
 * figures must equal Dossier's) and the incremental month, and writes the report. To stay cheap
 * in CI it measures the landing stage only (the peer checks against the raw layer); the command
 * measures every stage of {@link Stages#ordered()}. No timing is asserted: figures come from real
 * runs, in BENCHMARKS.md.
 */
@SparkTest
class BenchSmokeTest {
  private static final int CADRES = 200;
  private static final int MONTHS = 2;
  private static final List<Stage> STAGES = Stages.ordered().subList(0, 1);

  @TempDir static Path work;
  static SparkSession spark;
  static BenchSettings settings;
  static ScaleResult result;
  static Bench bench;

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
    result = bench.run().get(0);
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
    return work.resolve("lakes").resolve("c" + CADRES).resolve(name);
  }

  private static SampleSettings sampleSettings() {
    DossierSettings dossier = Settings.load(Optional.empty());
    SampleSettings defaults = SampleSettings.from(dossier.config(), dossier.datasets());
    return defaults.with(CADRES, MONTHS, defaults.seed());
  }
}
