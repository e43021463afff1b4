package dossier.analyse;

import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.record;
import static dossier.analyse.Fixtures.unit;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.analyse.Fixtures.RecordVersion;
import dossier.job.JobContext;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.settings.Settings;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job over a small lake: the conformed tables as they stood after February's delivery and an
 * analysis as of February; then March's delivery brings a late February record, March is
 * analysed, and February is analysed again over the lake that now holds March. Beside it, a
 * second lake is analysed as of March over the same tables (one rebuild), then again. Each test
 * checks one property of those runs.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyseJobTest {
  private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  /** The tables whose slices hold periods (months, quarters, years), each reported once. */
  private static final List<AnalysedTable> PERIOD_TABLES = List.of(AnalysedTables.PERIOD_STAT,
      AnalysedTables.UNIT_WARNING, AnalysedTables.CADRE_SCORE, AnalysedTables.CADRE_LIST);

  private Path folder;
  private SparkSession spark;
  private Lake lake;
  private Lake rebuilt;
  private final Map<String, Dataset<Row>> februaryFirstRun = new HashMap<>();
  private final Map<String, Dataset<Row>> marchAsWritten = new HashMap<>();
  private final Map<String, Dataset<Row>> restatedAfterMarch = new HashMap<>();
  private final Map<String, Dataset<Row>> rebuiltFirstRun = new HashMap<>();
  private AnalyseJob.Result marchResult;
  private AnalyseJob.Result februaryAgain;

  @BeforeAll
  void analyseFebruaryMarchAndFebruaryAgain(SparkSession session, @TempDir Path tempDir) {
    spark = session;
    folder = tempDir;
    lake = new Lake(folder.resolve("lake").toString());
    rebuilt = new Lake(folder.resolve("rebuilt").toString());
    RecordVersion[] february = {
        record("r1").person("p1").unit("U1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
        record("r2").person("p2").unit("U1").category("efficiency").on("2024-02-05").points(1).delivered("2024-02")};
    RecordVersion late = record("r3").person("p2").unit("U1").category("efficiency").on("2024-02-20").points(2)
        .delivered("2024-03");
    writeConformed(lake, february);
    run(lake, FEBRUARY);
    snapshot(februaryFirstRun, FEBRUARY);
    writeConformed(lake, february[0], february[1], late);
    marchResult = run(lake, MARCH);
    snapshot(marchAsWritten, MARCH);
    AnalysedTables.ALL.forEach(t -> restatedAfterMarch.put(t.name(), collected(restated(lake, t))));
    februaryAgain = run(lake, FEBRUARY);

    writeConformed(rebuilt, february[0], february[1], late);
    run(rebuilt, MARCH);
    AnalysedTables.ALL.forEach(t -> rebuiltFirstRun.put(t.name(), collected(restated(rebuilt, t))));
    run(rebuilt, MARCH);
  }

  private void writeConformed(Lake into, RecordVersion... versions) {
    Fixtures.versions(spark, versions).write().format("delta").mode("overwrite").save(into.conformed("record_version"));
    Fixtures.cadreHistory(spark, post("p1", "U1", "正职", null, null), post("p2", "U1", "副职", null, null),
        post("p3", "U1", "副职", null, null))
        .write().format("delta").mode("overwrite").save(into.conformed("cadre_history"));
    Fixtures.unitHistory(spark, unit("U1", "甲镇", "镇街", null, null))
        .write().format("delta").mode("overwrite").save(into.conformed("unit_history"));
  }

  private AnalyseJob.Result run(Lake on, YearMonth asOf) {
    var settings = Settings.load(Optional.empty()).withPaths(folder.resolve("landing").toString(), on.root());
    JobContext context = new JobContext(settings, spark, on, "test-run", Instant.now());
    return new AnalyseJob(context, AnalyseSettings.from(settings.config()), asOf).run();
  }

  /** Every table's slice of the month, collected now (the tables may change later). */
  private void snapshot(Map<String, Dataset<Row>> into, YearMonth asOf) {
    for (AnalysedTable table : AnalysedTables.ALL) {
      into.put(table.name(), collected(slice(table, asOf)));
    }
  }

  private Dataset<Row> collected(Dataset<Row> rows) {
    return spark.createDataFrame(rows.collectAsList(), rows.schema());
  }

  private Dataset<Row> slice(AnalysedTable table, YearMonth asOf) {
    return new AsOfPartitions(new TableAccess(spark, lake), asOf).read(table.reported());
  }

  private Dataset<Row> restated(Lake of, AnalysedTable table) {
    return new RestatedTables(new TableAccess(spark, of)).read(table);
  }

  @Test
  void reRunningTheSameAsOfMonthChangesNothingEvenWithLaterDeliveriesInTheLake() {
    for (AnalysedTable table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " slice of February, second run", collected(slice(table, FEBRUARY)),
          februaryFirstRun.get(table.name()));
    }
  }

  @Test
  void anAnalysisOfAnEarlierMonthLeavesTheRestatedTablesAndLaterSlicesAlone() {
    for (AnalysedTable table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " restated after February's re-run", restated(lake, table),
          restatedAfterMarch.get(table.name()));
      Rows.assertSameRows(table.name() + " slice of March after February's re-run", slice(table, MARCH),
          marchAsWritten.get(table.name()));
    }
    assertThat(new RestatedTables(new TableAccess(spark, lake)).asOf()).as("restated as of").contains(MARCH);
    assertThat(februaryAgain.lines()).as("summary of February's re-run")
        .contains("restated tables left as of 2024-03 (later than 2024-02): wrote 2024-02's reported slices only");
  }

  @Test
  void reRunningTheLatestMonthRewritesTheSameRestatedRows() {
    for (AnalysedTable table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " restated, March run again", restated(rebuilt, table),
          rebuiltFirstRun.get(table.name()));
    }
  }

  @Test
  void monthByMonthTheRestatedTablesEqualOneRunOverBothMonths() {
    for (AnalysedTable table : AnalysedTables.ALL) {
      Rows.assertSameRows(table.name() + " restated: February then March, against March at once",
          restated(lake, table), restated(rebuilt, table));
    }
  }

  @Test
  void aLateRecordRestatesItsMonthWhileTheMonthsSliceKeepsWhatWasReported() {
    String februaryAll = "period = '2024-02' AND category = 'all'";
    Dataset<Row> restated = restated(lake, AnalysedTables.PERIOD_STAT).filter(februaryAll)
        .select("records", "persons", "points");
    Dataset<Row> reported = slice(AnalysedTables.PERIOD_STAT, FEBRUARY).filter(februaryAll)
        .select("as_of_month", "records", "persons", "points");

    // reported in February: r2 (1); restated in March: r2 + r3 (1 + 2)
    Rows.assertRows("February as reported", reported, row("2024-02", 1L, 1L, Fixtures.dec("1")));
    Rows.assertRows("February restated", restated, row(2L, 1L, Fixtures.dec("3")));
  }

  @Test
  void eachSliceHoldsOnlyThePeriodsItsMonthReported() {
    Rows.assertRows("periods in February's period_stat slice", slice(AnalysedTables.PERIOD_STAT, FEBRUARY)
        .select("period_type", "period").distinct(), row("month", "2024-02"));
    // March holds no record, so no month row; it ends Q1, which holds r1, r2 and r3
    Rows.assertRows("periods in March's period_stat slice", slice(AnalysedTables.PERIOD_STAT, MARCH)
        .select("period_type", "period").distinct(), row("quarter", "2024-Q1"));
    Rows.assertRows("months in the unit_warning slices", spark.read().format("delta")
            .load(lake.analysed(AnalysedTables.UNIT_WARNING.reported().name())).select("as_of_month", "month"),
        row("2024-02", "2024-02"), row("2024-03", "2024-03"));
  }

  @Test
  void noPeriodIsStoredTwice() {
    for (AnalysedTable table : PERIOD_TABLES) {
      Dataset<Row> slices = spark.read().format("delta").load(lake.analysed(table.reported().name()));
      Dataset<Row> restated = restated(lake, table);

      assertThat(slices.count()).as(table.name() + "_reported rows, against distinct periods and keys")
          .isEqualTo(distinctKeys(slices, table));
      assertThat(restated.count()).as(table.name() + " restated rows, against distinct keys")
          .isEqualTo(distinctKeys(restated, table));
    }
  }

  /** Distinct values of the restated table's key (no as_of_month) among the rows. */
  private static long distinctKeys(Dataset<Row> rows, AnalysedTable table) {
    return rows.select(table.restated().key().stream().map(k -> col(k)).toArray(Column[]::new)).distinct().count();
  }

  @Test
  void theLateRecordRaisesATriggerDatedToItsDeliveryMonth() {
    // p2: S = 1 as delivered by February; 1 + 2 = 3 (reminder) once r3 arrives in March
    Rows.assertRows("p2's trigger", restated(lake, AnalysedTables.CADRE_TRIGGER)
            .filter(col("person_key").equalTo("p2")).select("line", "raised_month", "status"),
        row("reminder", "2024-03", "open"));
  }

  @Test
  void theResultSummarisesWarningsAndTriggers() {
    // U1: n = 3 < 5 is judged on its sanction only: yellow. p1's reminder (sanction, 4) raised
    // 2024-01-31 is 60 days old: overdue; p2's (1 + 2 = 3) raised 2024-03-31 is open.
    assertThat(marchResult.lines()).as("summary lines").contains("as of 2024-03", "unit warnings 2024-03: yellow 1",
        "triggers: open 1, overdue 1", "restated tables replaced: as of 2024-03");
  }
}
