package dossier.bench;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.lake.Lake;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmarks one scale: the sample (cached), the pipeline's stages (the command measures
 * {@link dossier.job.Stages#ordered()}, every stage there is) on a new lake, the copy floor and
 * the DuckDB peer (checked against the lake) on the same files, and optionally one new month on
 * top of all earlier ones. Lakes go to {@code <work>/lakes/c<cadres>/} with the scale's
 * {@link Journal}, and stay there for inspection until the scale is measured again.
 */
final class ScaleBench {
  private final SparkSession spark;
  private final DossierSettings dossier;
  private final BenchSettings settings;
  private final SampleSettings sampleDefaults;
  private final Consumer<String> console;
  private final Meter meter;
  private final List<Stage> stages;
  /** The measured code: the stages' module and the common one ({@link CodeFingerprint}). */
  private final String code = CodeFingerprint.of(List.of(Stage.class, DossierSettings.class));

  ScaleBench(SparkSession spark, DossierSettings dossier, BenchSettings settings, SampleSettings sampleDefaults,
      List<Stage> stages, Meter meter, Consumer<String> console) {
    this.spark = spark;
    this.stages = stages;
    this.dossier = dossier;
    this.settings = settings;
    this.sampleDefaults = sampleDefaults;
    this.meter = meter;
    this.console = console;
  }

  /**
   * Measures the scale; {@code withIncremental} adds the incremental month (the largest scale only).
   * {@code measuredSoFar} gets the result without the incremental month before that month starts,
   * so that a long run stopped during it keeps the full pipeline's figures. With {@code resume},
   * the steps the scale's journal holds are taken from it ({@link Journal}).
   */
  ScaleResult run(int cadres, boolean withIncremental, boolean resume, Consumer<ScaleResult> measuredSoFar) {
    Path work = Path.of(settings.work());
    SampleSettings sampleSettings = sampleDefaults.with(cadres, sampleDefaults.months(), sampleDefaults.seed());
    BenchSample sample = BenchSample.of(work, sampleSettings, dossier, console);
    Path lakes = work.resolve("lakes").resolve("c" + cadres);
    Journal journal = Journal.start(lakes, sample.landing().getParent().getFileName().toString(),
        stages.stream().map(Stage::name).toList(), code, dossier.spark().conf(), resume, console);
    List<Measurement> full = pipeline(journal, "", sample.landing(), lakes.resolve("full"));
    Path floorFolder = lakes.resolve("copy-floor");
    Measurement floor = journal.step("copy floor", floorFolder, () -> report(meter.measure("copy floor", floorFolder,
        () -> CopyFloor.copy(spark, sample, settings.copyColumns(), floorFolder))));
    List<Measurement> peer = peer(journal, sample, lakes, full.get(0).failed());
    ScaleResult result = new ScaleResult(cadres, sampleSettings.months(), sampleSettings.seed(), sample.files().size(),
        sample.dataRows(), sample.bytes(), sample.generatedIn() == null ? null : sample.generatedIn().toMillis(),
        journal.measuredAt(), full, floor, peer, journal.peerChecks(), List.of());
    if (!withIncremental) {
      return result;
    }
    measuredSoFar.accept(result);
    return result.withIncremental(incremental(journal, sample, lakes));
  }

  /** The DuckDB peer's two steps, then its figures compared with the lake's (unless landing failed). */
  private List<Measurement> peer(Journal journal, BenchSample sample, Path lakes, boolean landingFailed) {
    Path folder = lakes.resolve("duckdb");
    Measurement files = journal.step("peer: files to UTF-8", folder, () -> report(meter.measure("peer: files to UTF-8",
        folder, () -> PeerFiles.write(sample, dossier.landing(), folder.resolve("csv")))));
    Measurement duckDb = journal.step("peer: DuckDB", folder, () -> {
      DuckDbPeer.Figures[] figures = new DuckDbPeer.Figures[1];
      Measurement m = report(meter.measure("peer: DuckDB", folder, () -> figures[0] = DuckDbPeer.run(folder.resolve("csv"),
          dossier.datasets(), dossier.landing().nullWords())));
      List<PeerCheck> checks = figures[0] == null || landingFailed ? List.of()
          : PeerCheck.compare(spark, new Lake(lakes.resolve("full").toString()), figures[0], dossier.datasets());
      checks.forEach(c -> console.accept(String.format("  peer check   %s: DuckDB %,d, Dossier %,d%s", c.figure(),
          c.peer(), c.dossier(), c.equal() ? "" : "  DIFFERS")));
      journal.peerChecks(checks);
      return m;
    });
    return List.of(files, duckDb);
  }

  /**
   * Every stage in order over {@code landing} into {@code lake}, one measurement each (journaled
   * under {@code part} and the stage's name); a failed stage ends the run.
   */
  private List<Measurement> pipeline(Journal journal, String part, Path landing, Path lake) {
    JobContext context = new JobContext(dossier.withPaths(landing.toString(), lake.toString()), spark,
        new Lake(lake.toString()), "bench-" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
    List<Measurement> measured = new ArrayList<>();
    for (Stage stage : stages) {
      Measurement m = journal.step(part + stage.name(), lake, () -> report(meter.measure(stage.name(), lake,
          () -> stage.run(context, StageArguments.asOf(Optional.empty())))));
      measured.add(m);
      if (m.failed()) {
        break;
      }
    }
    spark.catalog().clearCache();
    return measured;
  }

  /**
   * Builds a lake from every delivery month but the last (not reported), then delivers the last
   * month into the same landing folder and measures the stages again.
   */
  private List<Measurement> incremental(Journal journal, BenchSample sample, Path lakes) {
    Path landing = lakes.resolve("incremental-landing");
    Path lake = lakes.resolve("incremental");
    List<String> months = sample.deliveryMonths();
    String last = months.get(months.size() - 1);
    link(sample, landing, month -> !month.equals(last));
    console.accept("  history (all months before " + last + ", not reported):");
    pipeline(journal, "history: ", landing, lake);
    link(sample, landing, last::equals);
    console.accept("  incremental month " + last + ":");
    return pipeline(journal, "incremental: ", landing, lake);
  }

  /** Hard-links the sample's files of the chosen delivery months into {@code landing} (those not linked yet). */
  static void link(BenchSample sample, Path landing, java.util.function.Predicate<String> months) {
    try {
      for (BenchSample.DeliveredFile file : sample.files()) {
        Path target = landing.resolve(file.sourcePath());
        if (months.test(file.sourcePath().substring(0, 7)) && !Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.createLink(target, sample.landing().resolve(file.sourcePath()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link the sample into " + landing + ": " + e.getMessage(), e);
    }
  }

  private Measurement report(Measurement m) {
    console.accept(String.format("  %-12s %8.1f s  read %,d  written %,d  shuffle %s  files %,d%s", m.step(),
        m.millis() / 1000.0, m.recordsRead(), m.recordsWritten(), BenchReport.bytes(m.shuffleRead() + m.shuffleWritten()),
        m.filesWritten(), m.failed() ? "  FAILED: " + m.failure() : ""));
    return m;
  }
}
