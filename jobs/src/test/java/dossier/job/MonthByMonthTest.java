package dossier.job;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.analyse.AsOfPartitions;
import dossier.conform.ConformedTables;
import dossier.lake.Lake;
import dossier.lake.TableComparison;
import dossier.settings.ConfigReader;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sample run as a district runs it: every delivery month but the last through every
 * stage, then the last month on the same lake. Its restated tables in every layer equal the shared
 * sample lake's, which ran once over all the months (a rebuild); its reported slices hold the
 * rebuild's slice and the earlier month's; and the month's MERGEs into the conformed record tables
 * write exactly the rows that differ, not every row they recomputed. A second pipeline over the
 * sample (about four minutes on 2 cores), so a long proof: {@code mvn -B verify -Pproofs}. The default
 * suite keeps each stage's own month-by-month check on small fixtures (LandJobRerunTest,
 * ConformJobTest, AnalyseJobTest).
 */
@Tag("proof")
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthByMonthTest {
  private static final List<String> LAYERS = List.of("conformed", "analysed", "curated");
  private static final List<ConformedTables> RECORD_TABLES = List.of(ConformedTables.RECORD_VERSION,
      ConformedTables.SUPERVISION_RECORD, ConformedTables.UNRESOLVED_RECORD);

  private SampleLake rebuilt;
  private Lake monthly;
  private List<TableComparison.Difference> differences;
  private Map<String, StageResult> lastMonth;
  /** The record tables' Delta versions when the earlier months had run. */
  private final Map<ConformedTables, Long> versionsBefore = new java.util.EnumMap<>(ConformedTables.class);

  @BeforeAll
  void runMonthByMonth(SparkSession spark, @TempDir Path work) throws IOException {
    rebuilt = SampleLake.get(spark);
    List<Path> months;
    try (Stream<Path> folders = Files.list(rebuilt.landing())) {
      months = folders.filter(Files::isDirectory).sorted().toList();
    }
    Path landing = work.resolve("landing");
    monthly = new Lake(work.resolve("lake").toString());
    months.subList(0, months.size() - 1).forEach(month -> link(month, landing));
    pipeline(spark, landing, "first-months");
    RECORD_TABLES.forEach(table -> versionsBefore.put(table, latestVersion(spark, monthly.conformed(table.table()))));
    link(months.get(months.size() - 1), landing);
    lastMonth = pipeline(spark, landing, "last-month");
    Set<String> ignored = new HashSet<>(ConfigReader.at(rebuilt.settings().config(), "dossier.compare")
        .strings("ignored-columns"));
    differences = new ArrayList<>();
    LAYERS.forEach(layer -> differences.addAll(TableComparison.compare(spark, monthly.root(), rebuilt.lake().root(),
        layer, ignored)));
  }

  private Map<String, StageResult> pipeline(SparkSession spark, Path landing, String runId) {
    JobContext run = new JobContext(rebuilt.settings().withPaths(landing.toString(), monthly.root()), spark, monthly,
        runId, Instant.now());
    Map<String, StageResult> results = new java.util.LinkedHashMap<>();
    for (Stage stage : Stages.ordered()) {
      results.put(stage.name(), stage.run(run.forNextStage(), StageArguments.asOf(Optional.empty())));
    }
    return results;
  }

  @Test
  void theLastMonthRanIncrementally() {
    assertThat(lastMonth.get("conform").lines().get(0)).as("conform's headline for the last month")
        .contains("incremental");
  }

  @Test
  void everyRestatedTableEqualsTheRebuilds() {
    List<TableComparison.Difference> restated = differences.stream().filter(d -> !AsOfPartitions.isPerRun(d.table())).toList();
    assertThat(restated).as("restated tables compared").hasSizeGreaterThan(20);
    assertThat(restated).as("restated tables: month by month against the rebuild").allMatch(TableComparison.Difference::same);
  }

  @Test
  void theReportedSlicesHoldTheRebuildsSliceAndTheEarlierMonths() {
    List<TableComparison.Difference> slices = differences.stream().filter(d -> AsOfPartitions.isPerRun(d.table())).toList();
    assertThat(slices).as("reported slices compared").hasSizeGreaterThan(8);
    assertThat(slices).as("slices with rows the rebuild has and the monthly lake lacks")
        .allMatch(d -> d.problem().isEmpty() && d.onlyRight() == 0);
    assertThat(slices).as("slices with the earlier month's rows as well").anyMatch(d -> d.onlyLeft() > 0);
  }

  @Test
  void theMonthsMergesWriteOnlyTheRowsThatDiffer(SparkSession spark) {
    long changedInAll = 0;
    for (ConformedTables table : RECORD_TABLES) {
      String path = monthly.conformed(table.table());
      long before = versionsBefore.get(table);
      long merged = 0;
      for (Row commit : spark.sql("DESCRIBE HISTORY delta.`" + path + "`").where("version > " + before).collectAsList()) {
        assertThat(commit.<String>getAs("operation")).as(table + ": the last month's commit").isEqualTo("MERGE");
        Map<String, String> metrics = commit.getJavaMap(commit.fieldIndex("operationMetrics"));
        merged += Long.parseLong(metrics.get("numTargetRowsInserted")) + Long.parseLong(metrics.get("numTargetRowsUpdated"))
            + Long.parseLong(metrics.get("numTargetRowsDeleted"));
      }
      Dataset<Row> then = TableComparison.comparable(
          spark.read().format("delta").option("versionAsOf", before).load(path), Set.of());
      Dataset<Row> now = TableComparison.comparable(spark.read().format("delta").load(path), Set.of());
      String[] key = table.key().toArray(String[]::new);
      long differing = then.except(now).select(key[0], rest(key)).union(now.except(then).select(key[0], rest(key)))
          .distinct().count();
      assertThat(merged).as(table + ": rows the month's MERGE inserted, updated or deleted").isEqualTo(differing);
      changedInAll += differing;
    }
    assertThat(changedInAll).as("record rows the last month changed").isPositive();
  }

  private static long latestVersion(SparkSession spark, String path) {
    return spark.sql("DESCRIBE HISTORY delta.`" + path + "` LIMIT 1").first().getLong(0);
  }

  private static String[] rest(String[] key) {
    return java.util.Arrays.copyOfRange(key, 1, key.length);
  }

  /** Hard-links a delivery month's folder of the sample into {@code landing}. */
  private static void link(Path month, Path landing) {
    try (Stream<Path> files = Files.walk(month)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = landing.resolve(month.getParent().relativize(file));
        Files.createDirectories(target.getParent());
        Files.createLink(target, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot link " + month + " into " + landing, e);
    }
  }
}
