package dossier.analyse.period;

import static dossier.analyse.Fixtures.date;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.input.RecordVersions;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class PeriodStatTransformsTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  private static Dataset<Row> stats(Dataset<Row> versions, YearMonth asOf) {
    return PeriodStatTransforms.periodStats(
        RecordVersions.deliveredBy(RecordVersions.countedIntervals(versions, asOf), asOf), asOf);
  }

  @Test
  void countsRecordsPersonsAndPointsPerMonthQuarterYearAndCategory(SparkSession spark) {
    Dataset<Row> versions = Fixtures.versions(spark,
        record("r1").person("p1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
        record("r2").person("p2").sanction("降级").on("2024-02-20").points(10).severe().delivered("2024-02"),
        record("r3").person("p1").category("leave").on("2024-02-01").delivered("2024-02"),
        // dated after the as-of month: in no period yet
        record("r4").person("p3").category("leave").on("2024-04-02").delivered("2024-03"));

    Dataset<Row> out = stats(versions, MARCH).select("period_type", "period", "category", "complete",
        "records", "scored_records", "severe_records", "persons", "scored_persons", "points");

    // Q1 and 2024 hold r1 + r2 + r3: sanctions 2 (4 + 10 = 14 points, p1 and p2), leave 1 (p1),
    // all 3 records of 2 persons; the year is still running at the end of March.
    Rows.assertRows("U1's periods as of 2024-03", out,
        row("month", "2024-01", "sanction", true, 1L, 1L, 0L, 1L, 1L, Fixtures.dec("4")),
        row("month", "2024-01", "all", true, 1L, 1L, 0L, 1L, 1L, Fixtures.dec("4")),
        row("month", "2024-02", "sanction", true, 1L, 1L, 1L, 1L, 1L, Fixtures.dec("10")),
        row("month", "2024-02", "leave", true, 1L, 0L, 0L, 1L, 0L, Fixtures.dec("0")),
        row("month", "2024-02", "all", true, 2L, 1L, 1L, 2L, 1L, Fixtures.dec("10")),
        row("quarter", "2024-Q1", "sanction", true, 2L, 2L, 1L, 2L, 2L, Fixtures.dec("14")),
        row("quarter", "2024-Q1", "leave", true, 1L, 0L, 0L, 1L, 0L, Fixtures.dec("0")),
        row("quarter", "2024-Q1", "all", true, 3L, 2L, 1L, 2L, 2L, Fixtures.dec("14")),
        row("year", "2024", "sanction", false, 2L, 2L, 1L, 2L, 2L, Fixtures.dec("14")),
        row("year", "2024", "leave", false, 1L, 0L, 0L, 1L, 0L, Fixtures.dec("0")),
        row("year", "2024", "all", false, 3L, 2L, 1L, 2L, 2L, Fixtures.dec("14")));
  }

  @Test
  void recordsOfNoKnownCadreCountAsRecordsButNotAsPersons(SparkSession spark) {
    Dataset<Row> versions = Fixtures.versions(spark,
        record("r1").person(null).sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
        record("r2").person(null).sanction("记过").on("2024-01-20").points(6).delivered("2024-01"),
        record("r3").person("p1").sanction("警告").on("2024-01-25").delivered("2024-01"),
        record("r4").person("p1").sanction("记过").on("2024-01-26").points(6).delivered("2024-01"));

    Rows.assertRows("January's sanctions", stats(versions, MARCH)
            .filter("period = '2024-01' and category = 'sanction'")
            .select("records", "scored_records", "persons", "scored_persons", "points"),
        row(4L, 3L, 1L, 1L, Fixtures.dec("16")));
  }

  @Test
  void periodBoundsAndAsOfMonthAreStated(SparkSession spark) {
    Dataset<Row> versions = Fixtures.versions(spark,
        record("r1").unit("U7").sanction("警告").on("2024-02-29").points(4).delivered("2024-03"));

    Rows.assertRows("bounds of each period", stats(versions, MARCH).filter("category = 'all'")
            .select("as_of_month", "unit_code", "period", "period_start", "period_end"),
        row("2024-03", "U7", "2024-02", date("2024-02-01"), date("2024-02-29")),
        row("2024-03", "U7", "2024-Q1", date("2024-01-01"), date("2024-03-31")),
        row("2024-03", "U7", "2024", date("2024-01-01"), date("2024-12-31")));
  }

  @Test
  void aLateRecordRestatesItsMonthOnlyFromItsDeliveryOn(SparkSession spark) {
    // r2 is dated January but delivered in March.
    Dataset<Row> versions = Fixtures.versions(spark,
        record("r1").person("p1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01"),
        record("r2").person("p2").sanction("记过").on("2024-01-20").points(6).delivered("2024-03"));
    String january = "period = '2024-01' AND category = 'all'";

    Rows.assertRows("January as reported at the end of February: r1 only",
        stats(versions, YearMonth.of(2024, 2)).filter(january).select("records", "persons", "points"),
        row(1L, 1L, Fixtures.dec("4")));
    Rows.assertRows("January restated at the end of March: r1 + r2 = 4 + 6",
        stats(versions, MARCH).filter(january).select("records", "persons", "points"),
        row(2L, 2L, Fixtures.dec("10")));
  }

  @Test
  void aRevokedRecordNoLongerCountsFromItsRevocation(SparkSession spark) {
    var r1 = record("r1").person("p1").sanction("警告").on("2024-01-10").points(4).delivered("2024-01");
    Dataset<Row> versions = Fixtures.versions(spark, r1, r1.againIn("2024-03").revoked());
    String january = "period = '2024-01' AND category = 'all'";

    Rows.assertRows("before the revocation", stats(versions, YearMonth.of(2024, 2)).filter(january)
        .select("records"), row(1L));
    Rows.assertRows("from the revocation on: nothing left in January",
        stats(versions, MARCH).filter(january).select("records"));
  }
}
