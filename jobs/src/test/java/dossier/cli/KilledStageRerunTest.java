package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 25, a crash mid-run: each stage of the sample, started as its own process as a scheduler
 * would, is killed with SIGKILL (kill -9: no shutdown hook, no clean-up) at a chosen point in the
 * middle of its writes, then run again as an operator or an Airflow retry would; the lake must then
 * equal a run that was never disturbed, in every layer (run columns aside, as {@code compare} does).
 * A long proof (one cold process per stage): {@code mvn -B verify -Pproofs}.
 */
@Tag("proof")
@SparkTest
class KilledStageRerunTest {
  private static final List<String> STAGES = List.of("land", "conform", "analyse", "publish");
  private static final Duration PATIENCE = Duration.ofMinutes(10);
  private static Path landing;
  private static Path work;
  /** The undisturbed lake as it was before each stage, and after the last ("done"). */
  private static final Map<String, Path> BEFORE = new LinkedHashMap<>();

  @BeforeAll
  static void runTheSampleUndisturbedKeepingTheLakeBeforeEachStage(SparkSession spark) throws IOException {
    landing = SampleLake.get(spark).landing();
    work = Files.createTempDirectory("dossier-killed-stage-");
    Path lake = work.resolve("undisturbed");
    Files.createDirectories(lake);
    for (String stage : STAGES) {
      BEFORE.put(stage, copy(lake, work.resolve("before-" + stage)));
      CliRunner run = new CliRunner();
      assertThat(run.run(stage, "--landing", landing.toString(), "--lake", lake.toString()))
          .as(stage + " undisturbed: " + run.err()).isEqualTo(ExitCode.OK);
    }
    BEFORE.put("done", lake);
  }

  @ParameterizedTest
  @ValueSource(strings = {"land", "conform", "analyse", "publish"})
  void aStageKilledMidWayThenRunAgainLeavesTheLakeOfAnUndisturbedRun(String stage) throws Exception {
    Path lake = copy(BEFORE.get(stage), work.resolve("killed-" + stage));
    Predicate<Path> point = chosenPoint(stage, lake);

    Process process = start(stage, lake);
    boolean reached = waitFor(point, lake, process);
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor();
    assertThat(reached).as(stage + " reached the chosen point before it ended (see "
        + work.resolve(stage + ".log") + ")").isTrue();

    CliRunner again = new CliRunner();
    assertThat(again.run(stage, "--landing", landing.toString(), "--lake", lake.toString()))
        .as(stage + " run again: " + again.err()).isEqualTo(ExitCode.OK);
    CliRunner compare = new CliRunner();
    ExitCode same = compare.run("compare", "--left", lake.toString(), "--right", after(stage).toString(),
        "--layers", "raw,conformed,analysed,curated");
    assertThat(same).as("the lake after a killed " + stage + " and its re-run against an undisturbed run:\n"
        + compare.out() + compare.err()).isEqualTo(ExitCode.OK);
  }

  /**
   * Where to kill each stage: land, conform and analyse after their third Delta commit (of about
   * 20, 8 and 17 on the sample), publish once it has staged three curated folders and before it
   * swaps them in.
   */
  private static Predicate<Path> chosenPoint(String stage, Path lake) throws IOException {
    if (stage.equals("publish")) {
      Path staging = lake.resolve("curated").resolve(".staging");
      return l -> entries(staging) >= 3;
    }
    long before = commits(lake);
    return l -> commits(l) >= before + 3;
  }

  private static Path after(String stage) {
    int next = STAGES.indexOf(stage) + 1;
    return BEFORE.get(next < STAGES.size() ? STAGES.get(next) : "done");
  }

  /** The stage in a JVM of its own, with the test JVM's classpath and module flags. */
  private static Process start(String stage, Path lake) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("--add-exports")).forEach(command::add);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), stage,
        "--landing", landing.toString(), "--lake", lake.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve(stage + ".log").toFile()).start();
  }

  /** Polls until the point is reached (true) or the process ends first or time runs out (false). */
  private static boolean waitFor(Predicate<Path> point, Path lake, Process process) throws InterruptedException {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (Instant.now().isBefore(deadline)) {
      if (point.test(lake)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Delta commits in every table of the lake. */
  private static long commits(Path lake) {
    try (Stream<Path> files = Files.walk(lake)) {
      return files.filter(f -> f.getParent() != null && f.getParent().getFileName().toString().equals("_delta_log")
          && f.getFileName().toString().matches("\\d{20}\\.json")).count();
    } catch (IOException | UncheckedIOException e) {
      return 0; // a file vanished while walking: count again at the next poll
    }
  }

  private static long entries(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
