package dossier.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.lake.Lake.Zone;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The reports of the shared generated sample ({@link SampleLake}, which runs the report stage
 * with the others): the figures equal the curated Parquet, and the open reports hold no name,
 * ID number or person_key of the sample.
 */
@SparkTest
class ReportSampleTest {
  private static final List<String> KINDS = List.of("month", "quarter", "year");

  @Test
  void firstRunOnTheSampleWritesAllThreeReportsInBothZones(SparkSession spark) {
    ReportJob.Result result = (ReportJob.Result) SampleLake.get(spark).result("report");

    assertThat(result.written()).as("reports of the sample's latest month")
        .extracting(w -> w.kind().code() + "-" + w.zone().folder())
        .containsExactly("month-open", "month-restricted", "quarter-open", "quarter-restricted", "year-open",
            "year-restricted");
  }

  @Test
  void openReportsHoldNoNameIdNumberOrPersonKeyOfTheSample(SparkSession spark) {
    SampleLake sample = SampleLake.get(spark);
    CuratedSql sql = sql(sample);
    // The roster's people: a few hundred rows, read to compare with the pages.
    List<String> secrets = new ArrayList<>();
    for (Row person : sample.table(spark, "raw/zzb_roster").select(col("name"), col("id_number")).distinct()
        .collectAsList()) {
      secrets.add(person.getString(0));
      secrets.add(person.getString(1));
    }
    sql.rows("SELECT DISTINCT person_key FROM read_parquet('" + sample.lake().root()
        + "/curated/restricted/dim_cadre/*.parquet')", 1).forEach(secrets::add);

    for (String kind : KINDS) {
      String page = sql.html(kind, Zone.OPEN);
      assertThat(secrets).as(kind + " open report: no roster name, ID number or person_key")
          .filteredOn(page::contains).isEmpty();
    }
  }

  @Test
  void restrictedAnnualReportNamesCadresOnTheLists(SparkSession spark) {
    SampleLake sample = SampleLake.get(spark);
    ParsedReport report = sql(sample).report("year", Zone.RESTRICTED);
    String year = String.valueOf(Integer.parseInt(report.rows("year-totals").get(1).get("period").text()));

    assertThat(report.rows("lists-" + year)).as("named list members of " + year)
        .allSatisfy(r -> assertThat(r.get("name").text()).as("name").isNotEqualTo(Cell.MISSING));
  }

  @Test
  void categoryFiguresOfEveryReportEqualTheCuratedParquet(SparkSession spark) {
    SampleLake sample = SampleLake.get(spark);
    CuratedSql sql = sql(sample);
    ReportSettings settings = ReportSettings.from(sample.settings());
    YearMonth month = sql.asOf();
    YearMonth quarterEnd = QuarterlyAnalysis.lastCompletedQuarterEnd(month);
    ParsedReport annual = sql.report("year", Zone.OPEN);
    int year = Integer.parseInt(annual.rows("year-totals").get(1).get("period").text());

    assertThat(CuratedSql.shownByCategory(sql.report("month", Zone.OPEN), settings, 2)).as("monthly by category")
        .containsExactlyInAnyOrderElementsOf(sql.recordsByCategory("month",
            List.of(month.toString(), month.minusMonths(1).toString())));
    assertThat(CuratedSql.shownByCategory(sql.report("quarter", Zone.OPEN), settings, 3)).as("quarterly by category")
        .containsExactlyInAnyOrderElementsOf(sql.recordsByCategory("quarter", List.of(Sections.quarter(quarterEnd),
            Sections.quarter(quarterEnd.minusMonths(3)), Sections.quarter(quarterEnd.minusYears(1)))));
    assertThat(CuratedSql.shownByCategory(annual, settings, 2)).as("annual by category")
        .containsExactlyInAnyOrderElementsOf(sql.recordsByCategory("year",
            List.of(String.valueOf(year), String.valueOf(year - 1))));
  }

  @Test
  void heatTableCellsAreTheUnitsMonthlyFigures(SparkSession spark) {
    CuratedSql sql = sql(SampleLake.get(spark));
    ParsedReport annual = sql.report("year", Zone.OPEN);
    String year = annual.rows("year-totals").get(1).get("period").text();
    List<String> expected = sql.rows("SELECT arg_max(unit_name, period) OVER (PARTITION BY unit_code), period, "
        + "coalesce(CAST(records AS VARCHAR), '<3') FROM "
        + sql.parquet("open/agg_unit_period") + " WHERE period_type = 'month' AND period LIKE '" + year
        + "-%' AND category = 'all' AND (records IS NOT NULL OR suppressed)", 3);
    List<String> shown = new ArrayList<>();
    for (var row : annual.rows("unit-month-heat")) {
      for (int m = 0; m < 12; m++) {
        ParsedReport.ParsedCell cell = row.get(ReportTransforms.RECORDS + m);
        if (!cell.text().equals(Cell.MISSING)) {
          shown.add(row.get("unit_name").text() + "|" + YearMonth.of(Integer.parseInt(year), m + 1) + "|"
              + CuratedSql.value(cell));
        }
      }
    }

    assertThat(shown).as("unit | month | records of the heat table, against DuckDB")
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static CuratedSql sql(SampleLake sample) {
    ReportJob.Result result = (ReportJob.Result) sample.result("report");
    return new CuratedSql(sample.lake(), result.asOf());
  }
}
