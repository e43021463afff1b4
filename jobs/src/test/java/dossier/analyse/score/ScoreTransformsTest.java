package dossier.analyse.score;

import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.Rules;
import dossier.analyse.input.RecordVersions;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class ScoreTransformsTest {
  private static final LineRules RULES = Rules.shipped().lines();

  private static Dataset<Row> scores(SparkSession spark, YearMonth asOf, Fixtures.RecordVersion... versions) {
    Dataset<Row> series = ScoreTransforms.series(
        RecordVersions.countedIntervals(Fixtures.versions(spark, versions), asOf), RULES, asOf);
    return ScoreTransforms.cadreScores(series,
        Fixtures.cadreHistory(spark, post("p1", "U1", "正职", null, null)), RULES, asOf);
  }

  @Test
  void aLateRecordCountsInTheRestatedScoreButNotInTheScoreReportedBeforeItArrived(SparkSession spark) {
    Dataset<Row> out = scores(spark, YearMonth.of(2024, 5),
        record("r1").category("efficiency").on("2024-01-10").points(2).delivered("2024-01"),
        record("r2").category("efficiency").on("2024-03-05").points(2).delivered("2024-05"));

    // Restated: S = 2 in Jan-Feb, 2 + 2 = 4 ≥ 3 (reminder) from March. Reported: r2 only counts
    // from its delivery in May, so March and April said S = 2.
    Rows.assertRows("scores by month-end", out.select("month", "score", "line", "reported_score", "reported_line"),
        row("2024-01", dec("2"), "none", dec("2"), "none"),
        row("2024-02", dec("2"), "none", dec("2"), "none"),
        row("2024-03", dec("4"), "reminder", dec("2"), "none"),
        row("2024-04", dec("4"), "reminder", dec("2"), "none"),
        row("2024-05", dec("4"), "reminder", dec("4"), "reminder"));
  }

  @Test
  void aRecordLeavesTheScoreTwelveMonthsAfterItsMonth(SparkSession spark) {
    Dataset<Row> out = scores(spark, YearMonth.of(2024, 2),
        record("r1").category("efficiency").on("2023-01-31").points(3).delivered("2023-01"));

    // The window of month-end 2023-12 is 2023-01..2023-12 (r1 in it); of 2024-01, 2023-02..2024-01.
    Rows.assertRows("last month-end holding r1", out.filter("month >= '2023-11'").select("month", "score", "line"),
        row("2023-11", dec("3"), "reminder"),
        row("2023-12", dec("3"), "reminder"));
  }

  @Test
  void theStrongestLineReachedIsTakenAndItsFiguresStated(SparkSession spark) {
    YearMonth june = YearMonth.of(2024, 6);
    // p1: 2 + 3 = 5 < 6 but a 查实 petition: inquiry. p2: S = 4, but a severe record: admonishment.
    // p3: 3 + 3 = 6 ≥ 6: inquiry by score. p4: 9.5 < 10 and nothing severe: inquiry.
    Dataset<Row> series = ScoreTransforms.series(RecordVersions.countedIntervals(Fixtures.versions(spark,
        record("a1").person("p1").category("efficiency").on("2024-06-01").points(2).delivered("2024-06"),
        record("a2").person("p1").category("petition").attr("finding", "查实").on("2024-06-02").points(3).delivered("2024-06"),
        record("b1").person("p2").category("audit").on("2024-06-01").points(4).severe().delivered("2024-06"),
        record("c1").person("p3").category("efficiency").on("2024-06-01").points(3).delivered("2024-06"),
        record("c2").person("p3").category("petition").attr("finding", "部分查实").on("2024-06-02").points(3)
            .delivered("2024-06"),
        record("d1").person("p4").category("audit").on("2024-06-01").points("9.5").delivered("2024-06")), june),
        RULES, june);

    Rows.assertRows("lines in June", series.select("person_key", "score", "line_rank", "severe_records",
            "petition_findings"),
        row("p1", dec("5"), 2, 0, 1),
        row("p2", dec("4"), 3, 1, 0),
        row("p3", dec("6"), 2, 0, 0),
        row("p4", dec("9.5"), 2, 0, 0));
  }

  @Test
  void aRevocationTakesTheRecordOutFromItsMonthInBothViews(SparkSession spark) {
    var r1 = record("r1").category("efficiency").on("2024-01-10").points(4).delivered("2024-01");
    Dataset<Row> out = scores(spark, YearMonth.of(2024, 3), r1, r1.againIn("2024-03").revoked());

    // Restated as of March: r1 never counts. Reported: it counted at the ends of Jan and Feb.
    Rows.assertRows("scores", out.select("month", "score", "reported_score", "reported_line", "record_ids"),
        row("2024-01", dec("0"), dec("4"), "reminder", List.of()),
        row("2024-02", dec("0"), dec("4"), "reminder", List.of()));
  }
}
