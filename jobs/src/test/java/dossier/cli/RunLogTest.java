package dossier.cli;

import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.record;
import static dossier.analyse.Fixtures.unit;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.analyse.AnalysedTables;
import dossier.analyse.RestatedTables;
import dossier.analyse.Fixtures;
import dossier.job.RunLog;
import dossier.job.RunMarkers;
import dossier.lake.Lake;
import dossier.testing.SparkTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every stage run through the CLI is recorded in the run log, with the table versions it read and wrote. */
@SparkTest
class RunLogTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Main main = new Main(new Console(new PrintStream(new ByteArrayOutputStream(), true,
      StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));

  private static void conformed(SparkSession spark, Lake lake) {
    Fixtures.versions(spark, record("r1").person("p1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"))
        .write().format("delta").save(lake.conformed("record_version"));
    Fixtures.cadreHistory(spark, post("p1", "U1", "正职", null, null)).write().format("delta")
        .save(lake.conformed("cadre_history"));
    Fixtures.unitHistory(spark, unit("U1", "甲镇", "镇街", null, null)).write().format("delta")
        .save(lake.conformed("unit_history"));
  }

  private ExitCode analyse(Path dir, String asOf) {
    return main.run(new String[] {"analyse", "--landing", dir.resolve("landing").toString(), "--lake",
        dir.resolve("lake").toString(), "--as-of", asOf});
  }

  private static List<Row> log(SparkSession spark, Lake lake) {
    return new RunLog(spark, lake).read().orderBy(col("started_at")).collectAsList();
  }

  /** One lake, analysed twice for the same month: what the first run records, then the re-run. */
  @Test
  void aStageRunRecordsTheVersionsItReadAndWroteAndSoDoesItsReRun(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.resolve("lake").toString());
    conformed(spark, lake);

    assertThat(analyse(dir, "2024-02")).as("exit code").isEqualTo(ExitCode.OK);

    Row run = log(spark, lake).get(0);
    assertThat(List.<Object>of(run.getAs("stage"), run.getAs("as_of_month"), run.getAs("status")))
        .as("stage, as-of month, status").containsExactly("analyse", "2024-02", RunLog.SUCCEEDED);
    assertThat(new TreeMap<>(run.<String, Long>getJavaMap(run.fieldIndex("tables_read")))).as("tables read")
        .containsAllEntriesOf(Map.of("conformed/record_version", 0L, "conformed/cadre_history", 0L,
            "conformed/unit_history", 0L));
    List<String> analysed = new ArrayList<>(List.of("analysed/" + RestatedTables.RESTATEMENT.name()));
    AnalysedTables.ALL.forEach(t -> analysed.addAll(List.of("analysed/" + t.name(),
        "analysed/" + t.reported().name())));
    assertThat(run.<String, Long>getJavaMap(run.fieldIndex("tables_written")).keySet()).as("tables written")
        .containsExactlyInAnyOrderElementsOf(analysed);

    assertThat(analyse(dir, "2024-02")).as("exit code of the re-run").isEqualTo(ExitCode.OK);

    List<Row> runs = log(spark, lake);
    assertThat(runs).as("run log rows").hasSize(2);
    assertThat(runs.get(1).<String, Long>getJavaMap(runs.get(1).fieldIndex("tables_written")).get("analysed/period_stat"))
        .as("version of analysed/period_stat the re-run wrote").isEqualTo(1L);
  }

  @Test
  void aFailedStageIsRecordedWithWhy(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.resolve("lake").toString());

    assertThat(analyse(dir, "2024-02")).as("exit code").isEqualTo(ExitCode.FAILED);

    Row run = log(spark, lake).get(0);
    assertThat(run.<String>getAs("status")).as("status").isEqualTo(RunLog.FAILED);
    assertThat(run.<String>getAs("message")).as("message").contains("run conform before analyse");
  }

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Main printing = new Main(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8)));

  private String resume(Path dir, String asOf, String... more) {
    out.reset();
    List<String> args = new java.util.ArrayList<>(List.of("run", "--stages", "analyse", "--resume", "--landing",
        dir.resolve("landing").toString(), "--lake", dir.resolve("lake").toString(), "--as-of", asOf));
    args.addAll(List.of(more));
    assertThat(printing.run(args.toArray(String[]::new))).as("exit code of run --resume " + args).isEqualTo(ExitCode.OK);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aResumedRunPassesOverAStageDoneForTheSameInputAndSettings(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Lake lake = new Lake(dir.resolve("lake").toString());
    conformed(spark, lake);
    String first = resume(dir, "2024-02");
    String firstRun = log(spark, lake).get(0).getAs("run_id");

    assertThat(first).as("the first run analyses").contains("analyse  done in");
    assertThat(resume(dir, "2024-02")).as("the same input again")
        .contains("analyse  passed over: done for this input by run " + firstRun);
    assertThat(resume(dir, "2024-03")).as("another as-of month").contains("analyse  done in");

    Fixtures.versions(spark, record("r2").person("p1").sanction("警告").on("2024-02-10").points(4).delivered("2024-02"))
        .write().format("delta").mode("append").save(lake.conformed("record_version"));
    assertThat(resume(dir, "2024-02")).as("after an input changed").contains("analyse  done in");

    Path rules = dir.resolve("other-rules.conf");
    java.nio.file.Files.writeString(rules, "include classpath(\"application.conf\")\n"
        + "dossier.rules.lines.window-months = 24\n");
    assertThat(resume(dir, "2024-02", "--conf", rules.toString())).as("with other settings")
        .contains("analyse  done in");
    assertThat(log(spark, lake)).as("run log rows: one per stage run, none for a stage passed over").hasSize(4);
  }

  @Test
  void aStageThatNeverEndedIsRecordedAsInterruptedByTheNextRun(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Lake lake = new Lake(dir.resolve("lake").toString());
    conformed(spark, lake);
    RunMarkers markers = new RunMarkers(lake, spark.sparkContext().hadoopConfiguration(),
        new RunMarkers.Settings(Duration.ofMinutes(1), Duration.ofMinutes(10)));
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    // killed an hour ago: the heartbeat stopped with the process, the marker stayed
    markers.start("20240301T000000Z-killed00", "analyse", Optional.of(YearMonth.of(2024, 2)), Map.of(), anHourAgo)
        .close();
    Path killed = dir.resolve("lake").resolve("_runs").resolve("running").resolve("20240301T000000Z-killed00.analyse");
    Files.setLastModifiedTime(killed, FileTime.from(anHourAgo));
    // still running elsewhere: its heartbeat is fresh
    markers.start("20240301T000000Z-running0", "report", Optional.empty(), Map.of(), Instant.now()).close();

    assertThat(analyse(dir, "2024-02")).as("exit code of the next run").isEqualTo(ExitCode.OK);

    List<Row> runs = log(spark, lake);
    assertThat(runs).extracting(r -> r.<String>getAs("run_id") + " " + r.getAs("stage") + " " + r.getAs("status")
            + " " + r.getAs("as_of_month") + " " + r.getAs("finished_at"))
        .as("run log").hasSize(2)
        .contains("20240301T000000Z-killed00 analyse interrupted 2024-02 null");
    assertThat(runs.get(0).<String>getAs("message")).as("message of the interrupted run").startsWith("interrupted: ");
    assertThat(killed).as("the killed run's marker").doesNotExist();
    assertThat(markers.interrupted(Instant.now())).as("markers left that count as interrupted").isEmpty();
    assertThat(dir.resolve("lake/_runs/running/20240301T000000Z-running0.report")).as("the live run's marker")
        .exists();
  }
}
