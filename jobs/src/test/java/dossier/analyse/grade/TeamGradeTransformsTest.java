package dossier.analyse.grade;

import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.reason;
import static dossier.analyse.Fixtures.unit;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.Rules;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TeamGradeTransformsTest {
  private static final GradeRules RULES = Rules.shipped().grades();

  @Test
  void theTeamCompositeDeductsTheYearsHighestWarningAndThePartyBuildingShortfall(SparkSession spark) {
    Dataset<Row> assessments = Fixtures.rows(spark, "unit_code string, year int, score_political decimal(18,4), "
            + "score_leadership decimal(18,4), score_results decimal(18,4), score_integrity decimal(18,4)",
        new Object[] {"A", 2024, dec("90"), dec("90"), dec("90"), dec("90")},
        new Object[] {"B", 2024, dec("85"), dec("85"), dec("85"), dec("85")},
        new Object[] {"C", 2024, dec("80"), dec("80"), null, dec("80")});
    Dataset<Row> partyBuilding = Fixtures.rows(spark, "unit_code string, period string, score decimal(18,4)",
        new Object[] {"A", "2024", dec("80")},
        new Object[] {"A", "2024Q1", dec("10")}, // the yearly assessment wins over quarterly ones
        new Object[] {"B", "2024Q1", dec("90")},
        new Object[] {"B", "2024Q2", dec("70")},
        new Object[] {"C", "2023", dec("50")}); // another year
    Dataset<Row> warnings = Fixtures.rows(spark, "unit_code string, month string, level string, level_rank int",
        new Object[] {"A", "2024-03", "yellow", 1},
        new Object[] {"A", "2024-05", "red", 3},
        new Object[] {"A", "2024-06", "red", 3},
        new Object[] {"A", "2025-01", "red", 3}, // another year
        new Object[] {"C", "2024-11", "yellow", 1},
        new Object[] {"D", "2024-02", "orange", 2});
    Dataset<Row> units = Fixtures.unitHistory(spark, unit("A", "甲镇", "镇街", null, null),
        unit("B", "乙局", "部门", null, null), unit("C", "丙园", "园区", null, null), unit("D", "丁所", "事业单位", null, null),
        unit("E", "戊局", "部门", null, "2024-07-01"));

    Dataset<Row> out = TeamGradeTransforms.grades(assessments, partyBuilding, warnings, units, RULES,
        YearMonth.of(2025, 2));

    // A: 90 − 15 (red) − (100 − 80) × 0.1 = 73; B: 85 − (100 − mean(90, 70)) × 0.1 = 83;
    // C: 80 (results missing) − 5 (yellow), no party-building score: 75; D: no assessment, not ranked.
    // E was closed before the year's end: not graded. N = 3: B 好, C and A 较好.
    Rows.assertRows("team grades", out.select("unit_code", "unit_name", "evaluation", "highest_warning",
            "warning_deduction", "party_building_score", "party_building_deduction", "composite", "missing_factors",
            "rank", "grade"),
        row("A", "甲镇", dec("90"), "red", dec("15"), dec("80"), dec("2"), dec("73"), List.of(), 3, "较好"),
        row("B", "乙局", dec("85"), "none", dec("0"), dec("80"), dec("2"), dec("83"), List.of(), 1, "好"),
        row("C", "丙园", dec("80"), "yellow", dec("5"), null, dec("0"), dec("75"),
            List.of("score_results", "party_building_score"), 2, "较好"),
        row("D", "丁所", null, "orange", dec("10"), null, dec("0"), null,
            List.of("score_integrity", "score_leadership", "score_political", "score_results", "party_building_score"),
            null, null));
    Rows.assertRows("A's reasons", out.filter("unit_code = 'A'").select("reasons"),
        row(List.of(reason("grades.team.warning-deduction.red", "highest unit warning of 2024: red (first in 2024-05): -15"),
            reason("grades.team.party-building-shortfall-factor",
                "party-building score 80.00: (100 - 80.00) × 0.1 = -2.00"))));
  }
}
