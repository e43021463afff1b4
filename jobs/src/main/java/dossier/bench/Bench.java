package dossier.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.job.Stage;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/dossier bench}: measures every scale in turn ({@link ScaleBench}), the incremental
 * month at the largest, and after each scale stores its result ({@code <work>/results/c<cadres>.json})
 * and rewrites the report from every result stored, so a long run loses nothing when stopped.
 */
public final class Bench {
  /** Reads and writes the bench's stored results and journals; fields a later version dropped are ignored. */
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final SparkSession spark;
  private final DossierSettings dossier;
  private final BenchSettings settings;
  private final SampleSettings sample;
  private final List<Stage> stages;
  private final Consumer<String> console;

  /** Measures {@code stages} in order (the command passes {@link dossier.job.Stages#ordered()}). */
  public Bench(SparkSession spark, DossierSettings dossier, BenchSettings settings, SampleSettings sample,
      List<Stage> stages, Consumer<String> console) {
    this.stages = List.copyOf(stages);
    this.spark = spark;
    this.dossier = dossier;
    this.settings = settings;
    this.sample = sample;
    this.console = console;
  }

  /** Measures the scales and returns their results, smallest first. */
  public List<ScaleResult> run() {
    return measure(false);
  }

  /**
   * Like {@link #run()}, but each scale goes on from its journal: the steps an earlier run measured
   * (stopped, or the machine switched off) are taken from it, and the rest measured.
   */
  public List<ScaleResult> resume() {
    return measure(true);
  }

  /**
   * {@code --monthly}: the sample of the smallest scale run month by month on one lake, then
   * rebuilt ({@link MonthlySeries}); the result is stored ({@code <work>/monthly/c<cadres>.json})
   * and written to the report's month-by-month section.
   */
  public SeriesResult monthly() {
    int cadres = settings.scales().get(0);
    SampleSettings sampleSettings = sample.with(cadres, sample.months(), sample.seed());
    Path work = Path.of(settings.work());
    console.accept(String.format("bench    month by month: %,d cadres, %d months", cadres, sample.months()));
    BenchSample delivered = BenchSample.of(work, sampleSettings, dossier, console);
    SeriesResult series;
    try (Meter meter = new Meter(spark)) {
      series = new MonthlySeries(spark, dossier, stages, meter, console).run(delivered, cadres, sample.months(),
          sample.seed(), work.resolve("lakes").resolve("monthly-c" + cadres));
    }
    store(work.resolve("monthly").resolve("c" + cadres + ".json"), series);
    SeriesReport.write(Path.of(settings.report()), Machine.of(spark), series);
    console.accept(SeriesReport.figures(series).stripTrailing());
    console.accept("  report: " + settings.report());
    return series;
  }

  private List<ScaleResult> measure(boolean resume) {
    List<ScaleResult> measured = new ArrayList<>();
    Machine machine = Machine.of(spark);
    try (Meter meter = new Meter(spark)) {
      ScaleBench scales = new ScaleBench(spark, dossier, settings, sample, stages, meter, console);
      int largest = settings.scales().get(settings.scales().size() - 1);
      for (int cadres : settings.scales()) {
        console.accept(String.format("bench    %,d cadres, %d months", cadres, sample.months()));
        ScaleResult result = scales.run(cadres, cadres == largest, resume, soFar -> record(soFar, machine));
        record(result, machine);
        measured.add(result);
      }
    }
    return measured;
  }

  /** Stores the result and rewrites the report from every result stored. */
  private void record(ScaleResult result, Machine machine) {
    store(result);
    BenchReport.write(Path.of(settings.report()), machine, stored());
    console.accept("  report: " + settings.report());
  }

  private Path results() {
    return Path.of(settings.work()).resolve("results");
  }

  private void store(ScaleResult result) {
    store(results().resolve("c" + result.cadres() + ".json"), result);
  }

  /** Writes a result as JSON (its folder created if need be). */
  private static void store(Path file, Object result) {
    try {
      Files.createDirectories(file.getParent());
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every result stored in the work folder (this run's and earlier runs' scales), smallest scale first. */
  List<ScaleResult> stored() {
    try (Stream<Path> files = Files.list(results())) {
      List<ScaleResult> all = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        all.add(JSON.readValue(file.toFile(), ScaleResult.class));
      }
      all.sort(Comparator.comparingInt(ScaleResult::cadres));
      return all;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stored results in " + results() + ": " + e.getMessage(), e);
    }
  }
}
