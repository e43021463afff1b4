package dossier.analyse;

import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.record;
import static dossier.analyse.Fixtures.unit;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.analyse.Fixtures.RecordVersion;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.job.JobContext;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.schema.TableSpec;
import dossier.settings.Settings;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job over a small lake: the conformed tables as they stood after February's delivery and an
 * analysis as of February; then March's delivery brings a late January record, March is
 * analysed, and February is analysed again over the lake that now holds March. Each test checks
 * one property of those three runs.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyseJobTest {
  private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  private Path folder;
  private SparkSession spark;
  private Lake lake;
  private final Map<String, Dataset<Row>> februaryFirstRun = new HashMap<>();
  private final Map<String, Dataset<Row>> marchAsWritten = new HashMap<>();
  private AnalyseJob.Result marchResult;

  @BeforeAll
  void analyseFebruaryMarchAndFebruaryAgain(SparkSession session, @TempDir Path tempDir) {
    spark = session;
    folder = tempDir;
    lake = new Lake(folder.resolve("lake").toString());
    RecordVersion[] february = {
        record("r1").person("p1").unit("U1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
        record("r2").person("p2").unit("U1").category("efficiency").on("2024-02-05").points(1).delivered("2024-02")};
    RecordVersion late = record("r3").person("p2").unit("U1").category("efficiency").on("2024-01-20").points(2)
        .delivered("2024-03");
    writeConformed(february);
    run(FEBRUARY);
    snapshot(februaryFirstRun, FEBRUARY);
    writeConformed(february[0], february[1], late);
    marchResult = run(MARCH);
    snapshot(marchAsWritten, MARCH);
    run(FEBRUARY);
  }

  private void writeConformed(RecordVersion... versions) {
    Fixtures.versions(spark, versions).write().format("delta").mode("overwrite").save(lake.conformed("record_version"));
    Fixtures.cadreHistory(spark, post("p1", "U1", "正职", null, null), post("p2", "U1", "副职", null, null),
        post("p3", "U1", "副职", null, null)).write().format("delta").mode("overwrite").save(lake.conformed("cadre_history"));
    Fixtures.unitHistory(spark, unit("U1", "甲镇", "镇街", null, null))
        .write().format("delta").mode("overwrite").save(lake.conformed("unit_history"));
  }

  private AnalyseJob.Result run(YearMonth asOf) {
    var settings = Settings.load(Optional.empty()).withPaths(folder.resolve("landing").toString(), lake.root());
    JobContext context = new JobContext(settings, spark, lake, "test-run", Instant.now());
    return new AnalyseJob(context, AnalyseSettings.from(settings.config()), asOf).run();
  }

  /** The partition's rows, collected now (the table may change later). */
  private void snapshot(Map<String, Dataset<Row>> into, YearMonth asOf) {
    for (TableSpec table : AnalysedTables.ALL) {
      into.put(table.name(), rowsNow(table, asOf));
    }
  }

  private Dataset<Row> rowsNow(TableSpec table, YearMonth asOf) {
    Dataset<Row> rows = partition(asOf).read(table);
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  private AsOfPartitions partition(YearMonth asOf) {
    return new AsOfPartitions(new TableAccess(spark, lake), asOf);
  }

  @Test
  void reRunningTheSameAsOfMonthChangesNothingEvenWithLaterDeliveriesInTheLake() {
    for (TableSpec table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " of February, second run", rowsNow(table, FEBRUARY),
          februaryFirstRun.get(table.name()));
    }
  }

  @Test
  void anAnalysisOfAnotherMonthLeavesThisMonthsPartitionUnchanged() {
    for (TableSpec table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " of March after February's re-run", rowsNow(table, MARCH),
          marchAsWritten.get(table.name()));
    }
  }

  @Test
  void aLateRecordRestatesItsMonthInTheLaterPartitionOnly() {
    Dataset<Row> january = partition(MARCH).read(PeriodStatTable.SPEC).select("as_of_month",
        "records", "persons", "points").filter("period = '2024-01' AND category = 'all'");
    Dataset<Row> januaryReported = partition(FEBRUARY).read(PeriodStatTable.SPEC)
        .filter("period = '2024-01' AND category = 'all'").select("as_of_month", "records", "persons", "points");

    // reported in February: r1 (4); restated in March: r1 + r3 (4 + 2)
    Rows.assertRows("January as reported", januaryReported, row("2024-02", 1L, 1L, Fixtures.dec("4")));
    Rows.assertRows("January restated", january, row("2024-03", 2L, 2L, Fixtures.dec("6")));
  }

  @Test
  void theLateRecordRaisesATriggerDatedToItsDeliveryMonth() {
    // p2: S = 1 as delivered by February; 1 + 2 = 3 (reminder) once r3 arrives in March
    Rows.assertRows("p2's trigger", partition(MARCH).read(CadreTriggerTable.SPEC)
            .filter(col("person_key").equalTo("p2")).select("line", "raised_month", "status"),
        row("reminder", "2024-03", "open"));
  }

  @Test
  void theResultSummarisesWarningsAndTriggers() {
    // U1: n = 3 < 5 is judged on its sanction only: yellow. p1's reminder (sanction, 4) raised
    // 2024-01-31 is 60 days old: overdue; p2's (1 + 2 = 3) raised 2024-03-31 is open.
    assertThat(marchResult.lines()).as("summary lines").contains("as of 2024-03", "unit warnings 2024-03: yellow 1",
        "triggers: open 1, overdue 1");
  }
}
