package dossier.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dossier.job.JobContext;
import dossier.job.Operations;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;
import dossier.job.Stages;
import dossier.lake.Lake;
import dossier.sample.SampleGenerator;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The end-to-end fixture every test JVM shares: a small generated sample (fixed size and the
 * default seed, so every planted quirk and scenario occurs; see its ground truth) taken once through
 * every stage of {@link Stages#ordered()} into one lake. Built lazily by the first test that asks,
 * deleted when the JVM ends. Tests read it, never write to it; a test that needs another lake (re-runs,
 * late records) builds its own small fixture.
 */
public final class SampleLake {
  /** The smallest district the generator plants every scenario in. */
  public static final int CADRES = 200;
  /** Monthly deliveries after the backfill folder: enough for every file-level quirk. */
  public static final int MONTHS = 6;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static SampleLake shared;

  private final Path landing;
  private final DossierSettings settings;
  private final Lake lake;
  private final Map<String, StageResult> results;
  private final Map<String, Duration> durations;
  private final Map<String, Operations> operations;

  private SampleLake(Path landing, DossierSettings settings, Map<String, StageResult> results,
      Map<String, Duration> durations, Map<String, Operations> operations) {
    this.landing = landing;
    this.settings = settings;
    this.lake = new Lake(settings.lakeRoot());
    this.results = results;
    this.durations = durations;
    this.operations = operations;
  }

  /** The shared lake, built on first use in the test JVM's SparkSession. */
  public static synchronized SampleLake get(SparkSession spark) {
    if (shared == null) {
      shared = build(spark);
    }
    return shared;
  }

  private static SampleLake build(SparkSession spark) {
    try {
      Path work = Files.createTempDirectory("dossier-sample-lake-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(work)));
      Path landing = work.resolve("landing");
      DossierSettings settings = Settings.load(Optional.empty())
          .withPaths(landing.toString(), work.resolve("lake").toString());
      SampleSettings defaults = SampleSettings.from(settings.config(), settings.datasets());
      SampleSettings sample = defaults.with(CADRES, MONTHS, defaults.seed());
      new SampleGenerator(sample, settings.datasets(), settings.landing(), landing, step -> { }).run();
      JobContext run = new JobContext(settings, spark, new Lake(settings.lakeRoot()), "sample-lake", Instant.now());
      Map<String, StageResult> results = new LinkedHashMap<>();
      Map<String, Duration> durations = new LinkedHashMap<>();
      Map<String, Operations> operations = new LinkedHashMap<>();
      for (Stage stage : Stages.ordered()) {
        JobContext context = run.forNextStage();
        Instant started = Instant.now();
        Operations.Meter meter = Operations.start(context);
        results.put(stage.name(), stage.run(context, StageArguments.asOf(Optional.empty())));
        durations.put(stage.name(), Duration.between(started, Instant.now()));
        operations.put(stage.name(), meter.operations());
      }
      System.out.println("sample lake " + CADRES + " cadres x " + MONTHS + " months, stage times " + durations
          + ", operations " + operations);
      return new SampleLake(landing, settings, results, durations, operations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The landing folder the sample was generated into. */
  public Path landing() {
    return landing;
  }

  public Lake lake() {
    return lake;
  }

  /** The settings the stages ran with (the embedded local profile pointed at this lake). */
  public DossierSettings settings() {
    return settings;
  }

  /** A context on this lake for code that reads it (a new run id: nothing is written by reading). */
  public JobContext context(SparkSession spark, String runId) {
    return new JobContext(settings, spark, lake, runId, Instant.now());
  }

  /** What each stage reported, by stage name. */
  public StageResult result(String stage) {
    return results.get(stage);
  }

  /** What each stage issued (Spark jobs, Delta commits, files written), by stage name. */
  public Operations operations(String stage) {
    return operations.get(stage);
  }

  /** How long each stage took, by stage name. */
  public Duration duration(String stage) {
    return durations.get(stage);
  }

  /** A Delta table of the lake by its path below the root, e.g. {@code conformed/dossier}. */
  public Dataset<Row> table(SparkSession spark, String path) {
    return spark.read().format("delta").load(lake.root() + "/" + path);
  }

  /** The ground truth's summary ({@code dossier.sample.GroundTruth} documents every field). */
  public JsonNode truth() {
    return read(landing.resolveSibling(landing.getFileName() + "-ground-truth.json"));
  }

  /** The lines of a ground-truth JSON-lines file: {@code files}, {@code invalid-rows} or {@code unresolved}. */
  public List<JsonNode> truthLines(String what) {
    Path file = landing.resolveSibling(landing.getFileName() + "-ground-truth-" + what + ".jsonl");
    try (Stream<String> lines = Files.lines(file)) {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : lines.toList()) {
        nodes.add(JSON.readTree(line));
      }
      return nodes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort for a temporary folder
    }
  }
}
