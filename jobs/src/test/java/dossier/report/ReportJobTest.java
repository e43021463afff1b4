package dossier.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dossier.job.JobContext;
import dossier.job.StageArgumentException;
import dossier.job.StageArguments;
import dossier.lake.Lake;
import dossier.lake.Lake.Zone;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report stage over a small hand-made curated layer ({@link CuratedFixture}): which reports
 * are due, and every figure checked against the curated Parquet, recomputed with DuckDB as a BI
 * tool would.
 */
@SparkTest
class ReportJobTest {
  @TempDir static Path folder;
  private static Lake lake;
  private static JobContext context;
  private static ReportJob.Result result;
  private static CuratedSql sql;

  @BeforeAll
  static void writeReports(SparkSession spark) {
    lake = new Lake(folder.resolve("lake").toString());
    CuratedFixture.standard(spark, lake).write();
    DossierSettings settings = Settings.load(Optional.empty())
        .withPaths(folder.resolve("landing").toString(), lake.root());
    context = new JobContext(settings, spark, lake, "test-run", Instant.now());
    sql = new CuratedSql(lake, CuratedFixture.AS_OF);
    result = (ReportJob.Result) new ReportStage().run(context, StageArguments.asOf(Optional.empty()));
  }

  @Test
  void quarterEndThatBroughtAYearsGradesGetsAllThreeReportsInBothZones() {
    assertThat(result.asOf()).as("as-of month: the latest published").isEqualTo(CuratedFixture.AS_OF);
    assertThat(result.written()).as("reports written")
        .extracting(w -> w.kind().code() + "-" + w.zone().folder())
        .containsExactly("month-open", "month-restricted", "quarter-open", "quarter-restricted", "year-open",
            "year-restricted");
    assertThat(Path.of(ReportJob.path(lake, CuratedFixture.AS_OF, "year", Zone.OPEN))).as("annual open report")
        .isRegularFile();
  }

  @Test
  void aMonthAfterAnUnpublishedQuarterEndIsDueTheQuarterlyReportButNoAnnualOneWithoutNewGrades() {
    assertThat(ReportStage.due(new CuratedReader(context.spark(), lake), CuratedFixture.AS_OF.minusMonths(1)))
        .as("2025-02: 2024-12 never published, team_grade of 2025-02 empty")
        .containsExactly(ReportKind.MONTH, ReportKind.QUARTER);
  }

  @Test
  void monthlyRecordsByCategoryAreTheSumsOfThePublishedUnitFigures() {
    List<String> periods = List.of("2025-03", "2025-02");

    assertThat(CuratedSql.shownByCategory(report("month", Zone.OPEN), ReportSettings.from(context.settings()), 2))
        .as("category | this month | last month | suppressed units, against DuckDB")
        .containsExactlyInAnyOrderElementsOf(sql.recordsByCategory("month", periods))
        .contains("sanction|0|0|1");
  }

  @Test
  void unitFiguresAreThePublishedOnesWithSuppressedCellsMarked() {
    List<String> expected = sql.rows("SELECT unit_name, coalesce(CAST(records AS VARCHAR), "
        + "CASE WHEN suppressed THEN '<3' END) FROM " + sql.parquet("open/agg_unit_period")
        + " WHERE period = '2025-03' AND category = 'all'", 2);
    List<String> shown = report("month", Zone.OPEN).rows("records-by-unit").stream()
        .map(r -> r.get("unit_name").text() + "|" + r.get("records").text()).toList();

    assertThat(shown).as("unit | records, against DuckDB").containsExactlyInAnyOrderElementsOf(expected);
    assertThat(shown).as("教育局's figure from 2 persons").contains("教育局|<3");
  }

  @Test
  void warningsShowTheLevelChangeSinceLastMonthWithReasons() {
    List<Map<String, ParsedReport.ParsedCell>> rows = report("month", Zone.OPEN).rows("warnings");

    assertThat(rows).as("unit, level now, level before, change")
        .extracting(r -> r.get("unit_name").text() + "|" + r.get("level_label").text() + "|"
            + r.get("previous_label").text() + "|" + r.get("change").text())
        .containsExactly("城关镇|红色预警|—|新增", "发改局|—|黄色预警|解除");
    assertThat(rows.get(0).get("reasons").text()).as("reason with its figures")
        .isEqualTo("unit-warnings.red.share-at-least: p = 3/9 = 33.3% ≥ 30%");
    assertThat(rows.get(0).get("share").value()).as("p as published").contains(new java.math.BigDecimal("0.3333"));
  }

  @Test
  void restrictedBriefingNamesTheCadresWithNewOrOverdueTriggers() {
    assertThat(report("month", Zone.RESTRICTED).rows("triggers"))
        .as("kind, name, unit, line, status")
        .extracting(r -> String.join("|", r.get("kind").text(), r.get("name").text(), r.get("unit_name").text(),
            r.get("line_label").text(), r.get("status").text()))
        .containsExactly("本月新增|张三|城关镇|提醒|待处置", "逾期未处置|王五|教育局|函询|逾期未处置");
  }

  @Test
  void openReportsNameNoCadreAndShowNoPersonKey() {
    for (String kind : List.of("month", "quarter", "year")) {
      String text = report(kind, Zone.OPEN).text();
      for (String secret : concat(CuratedFixture.NAMES, CuratedFixture.PERSON_KEYS)) {
        assertThat(text).as(kind + " open report holds " + secret).doesNotContain(secret);
      }
    }
  }

  @Test
  void quarterlyComparesWithThePreviousQuarterAndTheSameQuarterLastYear() {
    List<String> periods = List.of("2025-Q1", "2024-Q4", "2024-Q1");

    assertThat(CuratedSql.shownByCategory(report("quarter", Zone.OPEN), ReportSettings.from(context.settings()), 3))
        .as("category | quarter | previous | same quarter last year | suppressed units, against DuckDB")
        .containsExactlyInAnyOrderElementsOf(sql.recordsByCategory("quarter", periods))
        .contains("petition|17|3|6|0");
  }

  @Test
  void risingUnitsLeaveOutUnitsWhoseFiguresAreSuppressed() {
    assertThat(report("quarter", Zone.OPEN).rows("rising-units")).as("units rising from 2024-Q4 to 2025-Q1")
        .extracting(r -> r.get("unit_name").text() + "|" + r.get("change").text())
        .containsExactly("城关镇|8");
  }

  @Test
  void restrictedQuarterlyListsNameTheCadres() {
    assertThat(report("quarter", Zone.RESTRICTED).rows("lists-2025-Q1")).as("the quarter's lists")
        .extracting(r -> r.get("list_label").text() + "|" + r.get("name").text())
        .containsExactly("建议提醒谈话干部名单|张三");
  }

  @Test
  void gradeDistributionCountsEachCohortAndTheOpenReportOnlyTeams() {
    assertThat(report("year", Zone.RESTRICTED).rows("grade-distribution")).as("restricted: 4+1 and 5+1 cohorts")
        .extracting(r -> String.join("|", r.get("cohort").text(), r.get("members").text(), r.get("好").text(),
            r.get("较好").text(), r.get("一般").text()))
        .containsExactly("副职|2|0|1|1", "正职|1|1|0|0", "班子|2|1|1|0");
    assertThat(report("year", Zone.OPEN).rows("grade-distribution")).as("open: teams only")
        .extracting(r -> r.get("cohort").text()).containsExactly("班子");
  }

  @Test
  void heatTableHoldsEveryMonthOfTheGradedYear() {
    List<Map<String, ParsedReport.ParsedCell>> rows = report("year", Zone.OPEN).rows("unit-month-heat");

    assertThat(rows).as("one row per unit with a 2024 month").extracting(r -> r.get("unit_name").text())
        .containsExactly("城关镇");
    assertThat(rows.get(0)).as("unit + 12 months").hasSize(13);
    assertThat(rows.get(0).get(ReportTransforms.RECORDS + 4).value()).as("2024-05 as published")
        .contains(java.math.BigDecimal.valueOf(7));
  }

  @Test
  void awardsNameCadresOnlyInTheRestrictedReport() {
    assertThat(report("year", Zone.RESTRICTED).rows("awards")).as("restricted awards")
        .extracting(r -> r.get("unit_name").text() + "|" + r.get("name").text())
        .containsExactly("城关镇|—", "发改局|李四");
    assertThat(report("year", Zone.OPEN).rows("awards").get(1)).as("open: no name column").doesNotContainKey("name");
  }

  @Test
  void everyChartHasItsNumbersTableBesideIt() {
    ParsedReport year = report("year", Zone.RESTRICTED);

    assertThat(year.elements("svg")).as("charts").isNotEmpty();
    year.elements("svg").forEach(svg -> assertThat(((org.w3c.dom.Element) svg.getParentNode().getParentNode())
        .getElementsByTagName("table").getLength()).as("table beside a chart").isEqualTo(1));
  }

  @Test
  void unknownKindIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> new ReportStage().run(context, new StageArguments(Optional.empty(),
        Map.of("kind", "week"))))
        .as("--kind week").isInstanceOf(StageArgumentException.class)
        .hasMessage("--kind week: expected one of month, quarter, year");
  }

  @Test
  void asOfMonthNeverPublishedSaysToRunPublish() {
    assertThatThrownBy(() -> new ReportStage().run(context, new StageArguments(Optional.of(YearMonth.of(2024, 1)),
        Map.of("kind", "month", "zone", "open"))))
        .as("as-of 2024-01").isInstanceOf(IllegalStateException.class)
        .hasMessageEndingWith("does not exist: no publish run wrote as-of month 2024-01: run publish --as-of 2024-01 first");
  }

  /**
   * The printed and on-screen layout in headless Chromium (the Debian package), where installed:
   * the page renders with visible content, and printing gives a PDF of several pages (a section a page).
   */
  @Test
  void annualReportRendersAndPrintsInHeadlessChromium(@TempDir Path shots) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "headless Chromium is not installed at /usr/bin/chromium: the "
        + "screenshot test is skipped (apt-get install chromium to run it)");
    String url = Path.of(ReportJob.path(lake, CuratedFixture.AS_OF, "year", Zone.RESTRICTED)).toUri().toString();
    Path png = shots.resolve("year.png");
    Path pdf = shots.resolve("year.pdf");

    chromium(chromium, shots, "--screenshot=" + png, "--window-size=1280,2000", url);
    chromium(chromium, shots, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", url);

    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertThat(image.getWidth()).as("screenshot width").isEqualTo(1280);
    assertThat(inkShare(image)).as("share of non-white pixels in the screenshot").isGreaterThan(0.02);
    String printed = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertThat(printed).as("PDF").startsWith("%PDF");
    assertThat(printed.split("/Type\\s*/Page[^s]", -1).length - 1).as("printed pages: one per section at least")
        .isGreaterThanOrEqualTo(5);
  }

  private static void chromium(Path chromium, Path folder, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(folder, "profile")));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(folder.resolve("chromium.log").toFile()).start();
    assertThat(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as("Chromium finished").isTrue();
    assertThat(process.exitValue()).as("Chromium's exit code; log: " + Files.readString(folder.resolve("chromium.log")))
        .isZero();
  }

  private static double inkShare(java.awt.image.BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
          ink++;
        }
      }
    }
    return ink / ((image.getWidth() / 2.0) * (image.getHeight() / 2.0));
  }

  private static ParsedReport report(String kind, Zone zone) {
    return sql.report(kind, zone);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
  }
}
