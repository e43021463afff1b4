package dossier.analyse.list;

import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.reason;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;

import dossier.analyse.AnalyseSettings;
import dossier.analyse.Fixtures;
import dossier.analyse.Fixtures.RecordVersion;
import dossier.analyse.Rules;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.score.ScoreTransforms;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class ListTransformsTest {
  private static final AnalyseSettings RULES = Rules.shipped();
  private static final YearMonth JANUARY_2025 = YearMonth.of(2025, 1);
  private static final String GRADES_DDL = "year int, person_key string, grade string, rank int, cohort string, "
      + "cohort_size int";

  private static Object[] grade(int year, String person, String grade, int rank) {
    return new Object[] {year, person, grade, rank, "副职", 10};
  }

  private static Dataset<Row> lists(SparkSession spark, List<Object[]> grades, RecordVersion... versions) {
    Dataset<Row> counted = RecordVersions.countedIntervals(Fixtures.versions(spark, versions), JANUARY_2025);
    Dataset<Row> records = RecordVersions.deliveredBy(counted, JANUARY_2025);
    Dataset<Row> series = ScoreTransforms.series(counted, RULES.lines(), JANUARY_2025);
    Dataset<Row> history = Fixtures.cadreHistory(spark, post("p1", "U1", "副职", null, null),
        post("p2", "U2", "副职", null, "2024-08-01"));
    return ListTransforms.lists(records, series, Fixtures.rows(spark, GRADES_DDL, grades.toArray(Object[][]::new)),
        history, RULES.lists(), JANUARY_2025);
  }

  @Test
  void excellentNeedsTheGradeAndNoRecordWithPointsInTheYearSoFar(SparkSession spark) {
    Dataset<Row> out = lists(spark,
        List.<Object[]>of(grade(2023, "p1", "好", 1), grade(2024, "p1", "好", 2), grade(2023, "p2", "好", 2),
            grade(2023, "p3", "较好", 3)),
        // p2's record with points in May 2024: excellent in 2024-Q1 only
        record("r2").person("p2").category("efficiency").on("2024-05-10").points(1).delivered("2024-05"));

    // Quarterly lists of 2024 judge the 2023 grade, the yearly list of 2024 the 2024 grade.
    Rows.assertRows("excellent", out.filter("list = 'excellent' AND period >= '2024'")
            .select("period", "person_key", "unit_code", "list_label", "evidence_record_ids"),
        row("2024-Q1", "p1", "U1", "优秀干部名单", List.of()), row("2024-Q2", "p1", "U1", "优秀干部名单", List.of()),
        row("2024-Q3", "p1", "U1", "优秀干部名单", List.of()), row("2024-Q4", "p1", "U1", "优秀干部名单", List.of()),
        row("2024", "p1", "U1", "优秀干部名单", List.of()),
        row("2024-Q1", "p2", "U2", "优秀干部名单", List.of()));
    Rows.assertRows("p1's reason in 2024", out.filter("list = 'excellent' AND period = '2024'").select("reasons"),
        row(List.of(reason("lists.excellent.grade",
            "grade of 2024: 好 (rank 2 of 10 副职); no record with points in 2024 up to 2024-12-31"))));
  }

  @Test
  void talkIsForTheGradeALineReachedOrEnoughEarlySignsInAQuarter(SparkSession spark) {
    Dataset<Row> out = lists(spark, List.<Object[]>of(grade(2023, "p3", "一般", 8), grade(2024, "p3", "较好", 4)),
        // p4: S = 3 from 2024-02 to 2025-01: reminder
        record("r4").person("p4").category("efficiency").on("2024-02-10").points(3).delivered("2024-02"),
        // p5: two early signs in 2024-Q2, one in 2024-Q3 (points 0 here, so that no line is reached)
        record("l5").person("p5").category("leave_irregularity").on("2024-04-03").delivered("2024-04"),
        record("j5").person("p5").category("late_instant_report").on("2024-06-30").delivered("2024-07"),
        record("e5").person("p5").category("efficiency").attr("level", "苗头预警").on("2024-08-01").delivered("2024-08"));

    Rows.assertRows("talk entries of 2024", out.filter("list = 'talk' AND period >= '2024'")
            .select("period", "person_key"),
        row("2024-Q1", "p3"), row("2024-Q2", "p3"), row("2024-Q3", "p3"), row("2024-Q4", "p3"),
        row("2024-Q1", "p4"), row("2024-Q2", "p4"), row("2024-Q3", "p4"), row("2024-Q4", "p4"), row("2024", "p4"),
        row("2024-Q2", "p5"), row("2024", "p5"));
    Rows.assertRows("reasons in 2024-Q1 and Q2", out.filter("list = 'talk' AND period IN ('2024-Q1', '2024-Q2') "
            + "AND person_key <> 'p3' OR list = 'talk' AND period = '2024-Q1' AND person_key = 'p3'")
            .select("period", "person_key", "reasons", "evidence_record_ids"),
        row("2024-Q1", "p3", List.of(reason("lists.talk.grade", "grade of 2023: 一般")), List.of()),
        row("2024-Q1", "p4", List.of(reason("lists.talk.lines",
            "line reached at month-ends: 2024-02 提醒 (S = 3.00); 2024-03 提醒 (S = 3.00)")), List.of("r4")),
        row("2024-Q2", "p4", List.of(reason("lists.talk.lines", "line reached at month-ends: 2024-04 提醒 (S = 3.00); "
            + "2024-05 提醒 (S = 3.00); 2024-06 提醒 (S = 3.00)")), List.of("r4")),
        row("2024-Q2", "p5", List.of(reason("lists.talk.early-signs-at-least",
            "2 early signs in 2024-Q2 ≥ 2: 即时报告逾期 j5, 请销假异常 l5")), List.of("j5", "l5")));
  }

  @Test
  void adjustIsForTheGradeTheAdmonishmentLineTwiceIn24MonthsOrASevereRecord(SparkSession spark) {
    Dataset<Row> out = lists(spark, List.<Object[]>of(grade(2023, "p6", "较差", 10)),
        // p7: admonishment (severe) from 2023-02 to 2024-01, and again from 2024-05
        record("s1").person("p7").category("police").on("2023-02-10").points(4).severe().delivered("2023-02"),
        record("s2").person("p7").category("police").on("2024-05-10").points(4).severe().delivered("2024-05"));

    Rows.assertRows("adjust entries", out.filter("list = 'adjust'").select("period", "person_key"),
        // the 2023 grade: the yearly list of 2023 and the quarterly lists of 2024
        row("2023", "p6"), row("2024-Q1", "p6"), row("2024-Q2", "p6"), row("2024-Q3", "p6"), row("2024-Q4", "p6"),
        // s1 in the period
        row("2023-Q1", "p7"), row("2023", "p7"),
        // rises 2023-02 and 2024-05, both within 24 months of the period's end; s2 in Q2 and 2024
        row("2024-Q2", "p7"), row("2024-Q3", "p7"), row("2024-Q4", "p7"), row("2024", "p7"));
    Rows.assertRows("p7's reasons in 2024-Q2", out.filter("list = 'adjust' AND period = '2024-Q2' AND person_key = 'p7'")
            .select("reasons", "evidence_record_ids"),
        row(List.of(reason("lists.adjust.any-severe", "severe records in the period: s2"),
            reason("lists.adjust.line-times", "line 诫勉 reached 2 times in the 24 months up to 2024-06-30: 2023-02, 2024-05")),
            List.of("s1", "s2")));
  }
}
