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
import dossier.lake.Lake;
import dossier.testing.SparkTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  @Test
  void aStageRunRecordsTheVersionsItReadAndWrote(SparkSession spark, @TempDir Path dir) {
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
  }

  @Test
  void aReRunIsRecordedWithTheVersionsItWrote(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.resolve("lake").toString());
    conformed(spark, lake);

    analyse(dir, "2024-02");
    analyse(dir, "2024-02");

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
}
