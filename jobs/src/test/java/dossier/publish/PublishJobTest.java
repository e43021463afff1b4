package dossier.publish;

import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.analyse.Fixtures.RecordVersion;
import dossier.cli.CliRunner;
import dossier.cli.ExitCode;
import dossier.job.RunLog;
import dossier.lake.Lake.Zone;
import dossier.schema.CuratedTable;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publish through the CLI over a small hand-made lake ({@link PublishLake}): February is analysed
 * and published, then published again; a record of February that landed late is conformed, February
 * and March are analysed, March is published and February again from the current tables; February
 * is then published as reported; last, a delivery with too many quarantined rows fails a hard
 * expectation. Each test checks one property of those runs.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishJobTest {
  private static final YearMonth FEBRUARY = YearMonth.of(2024, 2);
  /** February as delivered on time: three cadres with records in February. */
  private static final RecordVersion[] ON_TIME = {
      record("r1").person("p1").unit("U1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
      record("r2").person("p2").unit("U1").category("efficiency").on("2024-02-05").points(1).delivered("2024-02"),
      record("r5").person("p3").unit("U1").category("efficiency").on("2024-02-07").points(1).delivered("2024-02"),
      record("r6").person("p1").unit("U1").category("efficiency").on("2024-02-10").points(1).delivered("2024-02")};
  /** A February record of a file that landed after February was published. */
  private static final RecordVersion LATE = record("r3").person("p2").unit("U1").category("efficiency")
      .on("2024-02-20").points(2).delivered("2024-02");

  private SparkSession spark;
  private PublishLake lake;
  private final CliRunner cli = new CliRunner();
  private final Map<String, ExitCode> exits = new HashMap<>();
  private final Map<CuratedTable, Dataset<Row>> februaryFirst = new HashMap<>();
  private final Map<CuratedTable, Dataset<Row>> februaryAgain = new HashMap<>();
  private final Map<CuratedTable, Dataset<Row>> februaryRestated = new HashMap<>();
  private final Map<CuratedTable, Dataset<Row>> februaryAsReported = new HashMap<>();
  private Map<String, String> curatedBeforeFailure;
  private Map<String, String> curatedAfterFailure;
  private Map<String, String> curatedBeforeRepublishing;
  private Map<String, String> curatedAfterRepublishing;
  private PublishedManifest manifestBeforeRepublishing;
  private PublishedManifest manifestAfterRepublishing;

  @BeforeAll
  void publishFebruaryRestateItAndReproduceIt(SparkSession session, @TempDir Path folder) {
    spark = session;
    lake = new PublishLake(spark, folder);
    lake.deliver("2024-02", ON_TIME);
    run("analyse February", "analyse", "--as-of", "2024-02");
    run("publish February", "publish", "--as-of", "2024-02");
    snapshot(februaryFirst);
    Path curated = folder.resolve("lake").resolve("curated");
    curatedBeforeRepublishing = files(curated);
    manifestBeforeRepublishing = manifest();
    run("publish February again", "publish", "--as-of", "2024-02");
    curatedAfterRepublishing = files(curated);
    manifestAfterRepublishing = manifest();
    snapshot(februaryAgain);

    lake.deliver("2024-03", ON_TIME[0], ON_TIME[1], ON_TIME[2], ON_TIME[3], LATE);
    run("analyse February restated", "analyse", "--as-of", "2024-02");
    run("analyse March", "analyse", "--as-of", "2024-03");
    run("publish March", "publish", "--as-of", "2024-03");
    run("publish February restated", "publish", "--as-of", "2024-02");
    snapshot(februaryRestated);
    run("publish February as reported", "publish", "--as-of", "2024-02", "--as-reported");
    snapshot(februaryAsReported);

    lake.manifest("2024-03", 50);
    curatedBeforeFailure = files(curated);
    run("publish with too many quarantined rows", "publish", "--as-of", "2024-03");
    curatedAfterFailure = files(curated);
  }

  private void run(String what, String... args) {
    exits.put(what, cli.run(lake.args(args[0], Arrays.copyOfRange(args, 1, args.length))));
  }

  /**
   * February's slice of every reported curated table, collected now; data_quality aside, since it
   * describes the run (its run_id) rather than the month.
   */
  private void snapshot(Map<CuratedTable, Dataset<Row>> into) {
    for (CuratedTable table : CuratedTables.ALL) {
      if (table.byAsOfMonth() && table != CuratedTables.DATA_QUALITY) {
        Dataset<Row> rows = spark.read().parquet(table.partitionPath(lake.lake(), FEBRUARY));
        into.put(table, spark.createDataFrame(rows.collectAsList(), rows.schema()));
      }
    }
  }

  /** Every file below the folder with its size and modification time. */
  private static Map<String, String> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      Map<String, String> files = new TreeMap<>();
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        files.put(folder.relativize(file).toString(), a.size() + " bytes, modified " + a.lastModifiedTime());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private PublishedManifest manifest() {
    return PublishedManifest.read(spark.sparkContext().hadoopConfiguration(), lake.lake());
  }

  private static Dataset<Row> februaryAll(Dataset<Row> aggUnitPeriod) {
    return aggUnitPeriod.filter("period = '2024-02' AND category = 'all'")
        .select("records", "persons", "points", "suppressed");
  }

  /** The files without those of a run that always differ: its data quality (its run_id) and the manifest. */
  private static Map<String, String> withoutTheRunsOwn(Map<String, String> files) {
    Map<String, String> kept = new TreeMap<>(files);
    kept.keySet().removeIf(f -> f.startsWith("open/data_quality/") || f.contains(PublishedManifest.FILE));
    return kept;
  }

  @Test
  void everyRunBeforeTheFailureSucceeds() {
    exits.entrySet().stream().filter(e -> !e.getKey().contains("too many"))
        .forEach(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(ExitCode.OK));
  }

  @Test
  void publishingTheSameMonthAgainWritesTheSameRowsAndSchemas() {
    februaryFirst.forEach((table, rows) -> {
      assertThat(februaryAgain.get(table).schema()).as(table.name() + " schema").isEqualTo(rows.schema());
      Rows.assertSameRows(table.name() + " of February, published again", februaryAgain.get(table), rows);
    });
  }

  @Test
  void republishingTheSameMonthRewritesNoTable() {
    assertThat(withoutTheRunsOwn(curatedAfterRepublishing)).as("curated files after publishing February again")
        .isEqualTo(withoutTheRunsOwn(curatedBeforeRepublishing)).isNotEmpty();
  }

  @Test
  void republishingTheSameMonthKeepsEveryTablesDigest() {
    manifestBeforeRepublishing.tables().forEach((folder, entry) -> {
      if (!folder.startsWith("open/data_quality")) {
        assertThat(manifestAfterRepublishing.tables().get(folder)).as(folder + " in the manifest").isEqualTo(entry);
      }
    });
  }

  @Test
  void theRestatedMonthCountsTheLateRecord() {
    // reported: r2, r5, r6 of p2, p3, p1 (1 point each); restated: + r3 of p2 (2 points)
    Rows.assertRows("February as first published", februaryAll(februaryFirst.get(OpenTables.AGG_UNIT_PERIOD_REPORTED)),
        row(3L, 3L, dec("3"), false));
    Rows.assertRows("February's slice published again after the late record",
        februaryAll(februaryRestated.get(OpenTables.AGG_UNIT_PERIOD_REPORTED)), row(4L, 3L, dec("5"), false));
    Rows.assertRows("February in the restated table", februaryAll(spark.read().parquet(
        OpenTables.AGG_UNIT_PERIOD.path(lake.lake()))), row(4L, 3L, dec("5"), false));
  }

  @Test
  void eachSliceHoldsTheMonthsPeriodsAndTheRestatedTableEveryPeriodOnce() {
    Rows.assertRows("periods by slice of agg_unit_period_reported", spark.read()
            .parquet(OpenTables.AGG_UNIT_PERIOD_REPORTED.path(lake.lake()))
            .selectExpr("CAST(as_of_month AS STRING)", "period").distinct(),
        row("2024-02", "2024-02"), row("2024-03", "2024-Q1")); // no record is dated in March
    Dataset<Row> restated = spark.read().parquet(OpenTables.AGG_UNIT_PERIOD.path(lake.lake()));
    assertThat(restated.count()).as("agg_unit_period rows, against distinct keys")
        .isEqualTo(restated.select("unit_code", "period_type", "period", "category").distinct().count());
  }

  @Test
  void publishingAsReportedReproducesTheFirstRunExactly() {
    februaryFirst.forEach((table, rows) -> {
      assertThat(februaryAsReported.get(table).schema()).as(table.name() + " schema").isEqualTo(rows.schema());
      Rows.assertSameRows(table.name() + " of February as reported", februaryAsReported.get(table), rows);
    });
  }

  @Test
  void theAsReportedRunIsLoggedWithTheVersionsTheFirstRunRead() {
    List<Row> publishes = new RunLog(spark, lake.lake()).read()
        .filter(col("stage").equalTo("publish").and(col("as_of_month").equalTo("2024-02")))
        .orderBy("started_at").collectAsList();

    Row first = publishes.get(0);
    Row asReported = publishes.get(publishes.size() - 1);
    assertThat(asReported.<String, String>getJavaMap(asReported.fieldIndex("options"))).as("options")
        .containsOnlyKeys("as-reported");
    Map<String, Long> replayed = asReported.getJavaMap(asReported.fieldIndex("tables_read"));
    assertThat(replayed).as("versions the as-reported run read").containsKey("analysed/unit_warning_reported");
    assertThat(first.<String, Long>getJavaMap(first.fieldIndex("tables_read")))
        .as("versions the first run read, against those the as-reported run read").containsAllEntriesOf(replayed);
  }

  @Test
  void aFailedHardExpectationExitsWithDataQualityAndSaysWhich() {
    assertThat(exits.get("publish with too many quarantined rows")).as("exit code").isEqualTo(ExitCode.DATA_QUALITY);
    assertThat(cli.err()).as("error output")
        .contains("jw_cf: quarantine-rate (hard): FAILED, 50 of 100 rows quarantined = 50.00% (at most 5.00%)");
  }

  @Test
  void aFailedHardExpectationLeavesTheCuratedLayerUntouched() {
    assertThat(curatedAfterFailure).as("curated files after the failed run").isEqualTo(curatedBeforeFailure);
  }

  @Test
  void theDossierJoinsTheLineAndTheOpenTriggersOfTheRestatedMonth() {
    // p1 at the end of March (the restated tables' month): 4 (r1) + 1 (r6) = 5 ≥ 3, the reminder
    // raised at the end of January, 60 days before: overdue
    Rows.assertRows("p1's dossier", spark.read().parquet(RestrictedTables.DOSSIER.path(lake.lake()))
            .selectExpr("person_key", "as_of_month", "line", "line_score",
                "transform(open_triggers, t -> t.line_label || ' ' || t.status) AS open_triggers"),
        row("p1", "2024-03", "reminder", dec("5.00"), List.of("提醒 overdue")));
  }

  @Test
  void noCuratedTableHoldsAnIdNumberAndTheOpenZoneNoName() {
    for (CuratedTable table : CuratedTables.ALL) {
      Dataset<Row> rows = spark.read().parquet(table.path(lake.lake()));
      assertThat(IdNumbers.rowsHoldingIdNumbers(rows)).as(table.name() + " rows with an ID number").isZero();
      if (table.zone() == Zone.OPEN) {
        assertThat(rows.columns()).as(table.name() + " columns").doesNotContain("name", "id_number");
        assertThat(IdNumbers.anyText(rows.schema(), t -> t.rlike("张三|李四|王五")).map(rows::filter)
            .map(Dataset::count).orElse(0L))
            .as(table.name() + " rows naming a cadre").isZero();
      }
    }
  }
}
