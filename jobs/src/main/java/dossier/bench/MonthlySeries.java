package dossier.bench;

import dossier.analyse.AsOfPartitions;
import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.lake.Lake;
import dossier.lake.TableComparison;
import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench --monthly}: a district's life on one sample. Each delivery month in turn is added to
 * the landing folder and the whole pipeline runs for it on the same lake, as the monthly DAG does;
 * every run is timed and the lake measured after it ({@link LakeSize}). At the end one rebuild
 * runs over the same deliveries on a new lake. What the issue of incremental runs asks follows from
 * these: whether a month's cost stays flat as history grows, a month against a rebuild, and the
 * lake after all the monthly runs against the rebuilt one. Not journaled: a stopped series starts
 * again.
 */
final class MonthlySeries {
  private final SparkSession spark;
  private final DossierSettings dossier;
  private final List<Stage> stages;
  private final Meter meter;
  private final Consumer<String> console;

  MonthlySeries(SparkSession spark, DossierSettings dossier, List<Stage> stages, Meter meter,
      Consumer<String> console) {
    this.spark = spark;
    this.dossier = dossier;
    this.stages = List.copyOf(stages);
    this.meter = meter;
    this.console = console;
  }

  /** Runs every month of the sample in order on one lake below {@code folder}, then the rebuild. */
  SeriesResult run(BenchSample sample, int cadres, int months, long seed, Path folder) {
    Path landing = folder.resolve("landing");
    Path lake = folder.resolve("lake");
    Path rebuilt = folder.resolve("rebuild");
    try {
      BenchSample.delete(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + folder + ": " + e.getMessage(), e);
    }
    String measuredAt = Instant.now().toString();
    List<SeriesResult.MonthRun> runs = new ArrayList<>();
    List<String> deliveryMonths = sample.deliveryMonths();
    for (int i = 0; i < deliveryMonths.size(); i++) {
      String month = deliveryMonths.get(i);
      ScaleBench.link(sample, landing, month::equals);
      List<Measurement> stagesRun = pipeline(landing, lake);
      Measurement measured = Measurement.total(month, stagesRun);
      LakeSize size = LakeSize.of(spark, lake);
      runs.add(new SeriesResult.MonthRun(month, measured, stagesRun, size));
      console.accept(String.format("  month %2d %s %8.1f s  %,5d Spark jobs  %,4d Delta commits  lake %s (live %s)%s",
          i + 1, month, measured.millis() / 1000.0, measured.sparkJobs(), measured.deltaCommits(),
          BenchReport.bytes(size.diskBytes()), BenchReport.bytes(size.liveBytes()),
          measured.failed() ? "  FAILED: " + measured.failure() : ""));
      console.accept("           " + String.join(" · ", stagesRun.stream().map(m -> String.format(
          "%s %.1f s %,d jobs", m.step(), m.millis() / 1000.0, m.sparkJobs())).toList()));
      if (measured.failed()) {
        break;
      }
    }
    Measurement rebuild = Measurement.total("rebuild", pipeline(landing, rebuilt));
    LakeSize rebuiltSize = LakeSize.of(spark, rebuilt);
    console.accept(String.format("  rebuild     %8.1f s  %,5d Spark jobs  %,4d Delta commits  lake %s (live %s)",
        rebuild.millis() / 1000.0, rebuild.sparkJobs(), rebuild.deltaCommits(), BenchReport.bytes(rebuiltSize.diskBytes()),
        BenchReport.bytes(rebuiltSize.liveBytes())));
    SeriesResult.Restated restated = compareRestated(lake, rebuilt);
    console.accept(String.format("  restated tables month by month against the rebuild: %d of %d differ%s",
        restated.differing().size(), restated.compared(),
        restated.differing().isEmpty() ? "" : ": " + String.join("; ", restated.differing())));
    return new SeriesResult(cadres, months, seed, measuredAt, runs, rebuild, rebuiltSize, restated);
  }

  /** The restated tables of every layer in both lakes, compared as {@code bin/dossier compare} does. */
  private SeriesResult.Restated compareRestated(Path monthly, Path rebuilt) {
    Set<String> ignored = new HashSet<>(ConfigReader.at(dossier.config(), "dossier.compare").strings("ignored-columns"));
    List<TableComparison.Difference> restated = new ArrayList<>();
    for (String layer : List.of("conformed", "analysed", "curated")) {
      TableComparison.compare(spark, monthly.toString(), rebuilt.toString(), layer, ignored).stream()
          .filter(d -> !AsOfPartitions.isPerRun(d.table())).forEach(restated::add);
    }
    return new SeriesResult.Restated(restated.size(),
        restated.stream().filter(d -> !d.same()).map(TableComparison.Difference::toString).toList());
  }

  /** Every stage in order over {@code landing} into {@code lake}, as one run: a measurement per stage. */
  private List<Measurement> pipeline(Path landing, Path lake) {
    JobContext context = new JobContext(dossier.withPaths(landing.toString(), lake.toString()), spark,
        new Lake(lake.toString()), "bench-" + UUID.randomUUID().toString().substring(0, 8), Instant.now());
    List<Measurement> measured = new ArrayList<>();
    for (Stage stage : stages) {
      Measurement m = meter.measure(stage.name(), lake, () -> stage.run(context, StageArguments.asOf(Optional.empty())));
      measured.add(m);
      if (m.failed()) {
        break;
      }
    }
    spark.catalog().clearCache();
    return measured;
  }
}
