package dossier.analyse;

import static dossier.analyse.Fixtures.date;
import static dossier.testing.Rows.row;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Which rows of a table's figures as of M the run of M reports, rule by rule, on a few rows each. */
@SparkTest
class ReportedPeriodsTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private static final YearMonth DECEMBER = YearMonth.of(2024, 12);

  private static Dataset<Row> periods(SparkSession spark) {
    return Rows.of(spark, "period string, period_end date",
        row("2024-02", date("2024-02-29")), row("2024-03", date("2024-03-31")), row("2024-Q1", date("2024-03-31")),
        row("2024-Q2", date("2024-06-30")), row("2024-12", date("2024-12-31")), row("2024-Q4", date("2024-12-31")),
        row("2024", date("2024-12-31")), row("2023", date("2023-12-31")));
  }

  private static Dataset<Row> periodsReported(SparkSession spark, YearMonth month) {
    return ReportedPeriods.ENDING_IN_M.slice(periods(spark), month).select("period");
  }

  @Test
  void aMonthReportsItselfAndTheQuarterItEnds(SparkSession spark) {
    Rows.assertRows("March", periodsReported(spark, MARCH), row("2024-03"), row("2024-Q1"));
    Rows.assertRows("April (no quarter ends)", periodsReported(spark, APRIL));
  }

  @Test
  void decemberAlsoReportsItsYear(SparkSession spark) {
    Rows.assertRows("December", periodsReported(spark, DECEMBER), row("2024-12"), row("2024-Q4"), row("2024"));
  }

  @Test
  void monthTablesReportTheirMonthOnly(SparkSession spark) {
    Dataset<Row> months = Rows.of(spark, "month string", row("2024-02"), row("2024-03"));

    Rows.assertRows("unit_warning / cadre_score rows of March", ReportedPeriods.MONTH_M.slice(months, MARCH),
        row("2024-03"));
  }

  @Test
  void triggersAreReportedWhenRaisedOpenOrSettledInTheMonth(SparkSession spark) {
    Dataset<Row> triggers = Rows.of(spark, "trigger_id string, raised_month string, status string, status_on date",
        row("raised now, closed now", "2024-03", "closed", date("2024-03-20")),
        row("open", "2023-11", "open", null),
        row("overdue", "2023-05", "overdue", null),
        row("closed now", "2023-12", "closed", date("2024-03-02")),
        row("withdrawn now", "2023-12", "withdrawn", date("2024-03-31")),
        row("closed before", "2023-12", "closed", date("2024-02-10")),
        row("withdrawn before", "2023-10", "withdrawn", date("2024-01-31")));

    Rows.assertRows("triggers reported by March", ReportedPeriods.TRIGGER_STATUS.slice(triggers, MARCH)
            .select("trigger_id"),
        row("raised now, closed now"), row("open"), row("overdue"), row("closed now"), row("withdrawn now"));
  }

  @Test
  void gradesAreReportedByTheYearsDecemberAndTheMonthsItsAssessmentsArrive(SparkSession spark) {
    Dataset<Row> years = Rows.of(spark, "year int", row(2023), row(2024));

    Rows.assertRows("December 2024", ReportedPeriods.GRADED_YEAR.slice(years, DECEMBER), row(2024));
    Rows.assertRows("March 2024", ReportedPeriods.GRADED_YEAR.slice(years, MARCH), row(2023));
    Rows.assertRows("April 2024", ReportedPeriods.GRADED_YEAR.slice(years, APRIL));
  }
}
