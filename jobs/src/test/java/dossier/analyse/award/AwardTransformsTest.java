package dossier.analyse.award;

import static dossier.analyse.Fixtures.date;
import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.reason;
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
class AwardTransformsTest {
  private static final AwardRules RULES = Rules.with("dossier.rules.awards { steed { units = 2, cadres = 2 }, "
      + "snail.units = 1 }").awards();
  private static final YearMonth FEBRUARY_2025 = YearMonth.of(2025, 2);

  private static Dataset<Row> awards(SparkSession spark) {
    Dataset<Row> teams = Fixtures.rows(spark, "year int, unit_code string, composite decimal(9,4)",
        new Object[] {2024, "A", dec("90")}, new Object[] {2024, "B", dec("85")}, new Object[] {2024, "C", dec("85")},
        new Object[] {2024, "D", dec("95")}, new Object[] {2024, "E", dec("70")}, new Object[] {2024, "F", null});
    Dataset<Row> cadres = Fixtures.rows(spark, "year int, person_key string, unit_code string, composite decimal(9,4), "
            + "cohort string, grade string, point_record_ids array<string>",
        new Object[] {2024, "p1", "A", dec("88"), "正职", "好", List.of()},
        new Object[] {2024, "p2", "A", dec("92"), "副职", "好", List.of("r2")},
        new Object[] {2024, "p3", "B", dec("80"), "副职", "较好", List.of()},
        new Object[] {2024, "p4", "B", null, "副职", null, List.of()},
        new Object[] {2024, "p5", "C", dec("60"), "副职", "一般", List.of()});
    Dataset<Row> records = RecordVersions.deliveredBy(RecordVersions.countedIntervals(Fixtures.versions(spark,
        record("d1").unit("D").category("efficiency").on("2024-03-01").points(1).delivered("2024-03"),
        record("e1").unit("E").category("efficiency").on("2023-03-01").points(1).delivered("2023-03")),
        FEBRUARY_2025), FEBRUARY_2025);
    Dataset<Row> warnings = Fixtures.rows(spark, "warning_no string, unit_code string, level string, issued date, "
            + "points decimal(18,4)",
        new Object[] {"W1", "A", "扣分预警", date("2024-02-01"), dec("2")},
        new Object[] {"W2", "A", "联合预警", date("2024-06-01"), dec("4")},
        new Object[] {"W3", "B", "扣分预警", date("2024-03-01"), dec("3")},
        new Object[] {"W4", "C", "联合预警", date("2024-04-01"), dec("5")},
        new Object[] {"W5", "C", "扣分预警", date("2024-05-01"), dec("0.5")},
        new Object[] {"W6", "B", "苗头预警", date("2024-05-01"), null},
        new Object[] {"W7", "B", "扣分预警", date("2023-05-01"), dec("9")});
    return AwardTransforms.awards(teams, cadres, records, warnings, RULES, FEBRUARY_2025);
  }

  @Test
  void steedUnitsAreTheTopTeamsWithoutARecordWithPointsTiesAtTheCutOffIncluded(SparkSession spark) {
    // D (95) has a record with points in 2024; A 90 rank 1, B and C 85 tie at rank 2 (cut-off 2): all win.
    Rows.assertRows("steed units", awards(spark).filter("award = 'steed' AND subject_type = 'unit'")
            .select("year", "award_label", "unit_code", "person_key", "rank", "reasons"),
        row(2024, "骏马奖", "A", null, 1, List.of(reason("awards.steed.units",
            "team composite 90.0000, rank 1 of 4 units without a record with points in 2024"))),
        row(2024, "骏马奖", "B", null, 2, List.of(reason("awards.steed.units",
            "team composite 85.0000, rank 2 of 4 units without a record with points in 2024"))),
        row(2024, "骏马奖", "C", null, 2, List.of(reason("awards.steed.units",
            "team composite 85.0000, rank 2 of 4 units without a record with points in 2024"))));
  }

  @Test
  void steedCadresAreTheTopCompositesOfBothCohortsWithoutARecordWithPoints(SparkSession spark) {
    // p2 (92) has points; p1 88 and p3 80 are the top two of p1, p3, p5.
    Rows.assertRows("steed cadres", awards(spark).filter("award = 'steed' AND subject_type = 'cadre'")
            .select("unit_code", "person_key", "rank", "reasons"),
        row("A", "p1", 1, List.of(reason("awards.steed.cadres",
            "cadre composite 88.0000 (正职, grade 好), rank 1 of 3 cadres without a record with points in 2024"))),
        row("B", "p3", 2, List.of(reason("awards.steed.cadres",
            "cadre composite 80.0000 (副职, grade 较好), rank 2 of 3 cadres without a record with points in 2024"))));
  }

  @Test
  void snailUnitsHaveTheMostEfficiencyDeductionsThenTheMostPoints(SparkSession spark) {
    // A: 扣分 + 联合 = 2 deductions, 6 points; C: 2 deductions, 5.5 points; B: 1 in 2024 (苗头 does not count).
    Rows.assertRows("snail", awards(spark).filter("award = 'snail'")
            .select("award_label", "subject_type", "unit_code", "rank", "reasons", "evidence_ids"),
        row("蜗牛奖", "unit", "A", 1, List.of(reason("awards.snail.units",
            "2 efficiency deductions (扣分预警/联合预警) in 2024, 6.00 points deducted")), List.of("W1", "W2")));
  }
}
