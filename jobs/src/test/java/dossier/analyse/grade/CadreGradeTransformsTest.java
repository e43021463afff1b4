package dossier.analyse.grade;

import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.reason;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.Fixtures.RecordVersion;
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
class CadreGradeTransformsTest {
  private static final GradeRules RULES = Rules.shipped().grades();
  private static final YearMonth JANUARY_2025 = YearMonth.of(2025, 1);

  /** The zzb_kh record of 2024 with these five factor scores (de, neng, qin, ji, lian; null = missing). */
  private static RecordVersion assessed(String person, String grade, String... scores) {
    RecordVersion r = record("kh-" + person).person(person).category("assessment").on("2024-12-31")
        .attr("grade", grade).delivered("2025-01");
    List<String> factors = CadreGradeTable.FACTORS;
    for (int i = 0; i < factors.size(); i++) {
      if (scores[i] != null) {
        r.attr(factors.get(i), scores[i]);
      }
    }
    return r;
  }

  private static RecordVersion assessed(String person, String grade, String allScores) {
    return assessed(person, grade, allScores, allScores, allScores, allScores, allScores);
  }

  private static Dataset<Row> grades(SparkSession spark, List<Object[]> posts, RecordVersion... versions) {
    Dataset<Row> records = RecordVersions.deliveredBy(
        RecordVersions.countedIntervals(Fixtures.versions(spark, versions), JANUARY_2025), JANUARY_2025);
    return CadreGradeTransforms.grades(records, Fixtures.cadreHistory(spark, posts.toArray(Object[][]::new)), RULES,
        JANUARY_2025);
  }

  @Test
  void theCompositeWeighsTheFactorsPresentAndDeductsTwiceTheYearsPointsCapped(SparkSession spark) {
    Dataset<Row> out = grades(spark, List.of(post("p1", "U1", "副职", null, null), post("p2", "U1", "副职", null, null),
            post("p3", "U2", "副职", null, null), post("p4", "U2", "副职", null, null)),
        // 0.2×90 + 0.2×80 + 0.15×70 + 0.3×60 + 0.15×100 = 77.5; 3 points → −6 = 71.5
        assessed("p1", "称职", "90", "80", "70", "60", "100"),
        record("e1").person("p1").category("efficiency").on("2024-05-01").points(3).delivered("2024-05"),
        // 80; 25 points → 50, capped at 40: 40
        assessed("p2", "称职", "80"),
        record("e2").person("p2").category("police").on("2024-06-01").points(25).delivered("2024-06"),
        // ji and lian missing: (18 + 16 + 10.5) / 0.55 = 80.90909… → 80.9091
        assessed("p3", "称职", "90", "80", "70", null, null));
        // p4: no assessment at all: not ranked

    // N = 3: ranks 1 | 2, 3 (⌈0.6⌉ = 1, ⌈2.1⌉ = 3)
    Rows.assertRows("composites and grades", out.select("person_key", "evaluation", "year_points", "deduction",
            "composite", "missing_factors", "factors_missing", "cohort", "cohort_size", "rank", "grade"),
        row("p1", dec("77.5"), dec("3"), dec("6"), dec("71.5"), List.of(), false, "副职", 3, 2, "较好"),
        row("p2", dec("80"), dec("25"), dec("40"), dec("40"), List.of(), false, "副职", 3, 3, "较好"),
        row("p3", dec("80.9091"), dec("0"), dec("0"), dec("80.9091"), List.of("score_ji", "score_lian"), true, "副职", 3,
            1, "好"),
        row("p4", null, dec("0"), dec("0"), null,
            List.of("score_de", "score_ji", "score_lian", "score_neng", "score_qin"), true, "副职", 3, null, null));
  }

  @Test
  void principalsAndDeputiesAreGradedAsSeparateCohorts(SparkSession spark) {
    Dataset<Row> out = grades(spark, List.of(post("p1", "U1", "正职", null, null), post("p2", "U1", "副职", null, null),
            post("p3", "U2", "副职", "2024-03-01", null), post("p4", "U3", "正职", null, "2024-06-01")),
        assessed("p1", "称职", "70"), assessed("p2", "称职", "80"), assessed("p3", "称职", "90"),
        // p4 left before the year's end: not graded
        assessed("p4", "优秀", "99"));

    Rows.assertRows("cohorts", out.select("person_key", "unit_code", "cohort", "cohort_size", "rank", "grade"),
        row("p1", "U1", "正职", 1, 1, "好"),
        row("p3", "U2", "副职", 2, 1, "好"),
        row("p2", "U1", "副职", 2, 2, "较好"));
  }

  @Test
  void vetoesCapOrSetTheGradeWhateverTheRank(SparkSession spark) {
    Dataset<Row> out = grades(spark, List.of(post("p1", "U1", "副职", null, null), post("p2", "U1", "副职", null, null),
            post("p3", "U1", "副职", null, null), post("p4", "U1", "副职", null, null),
            post("p5", "U1", "副职", null, null), post("p6", "U1", "副职", null, null)),
        // p1: 95 − 2×4 = 87, rank 1 好; a sanction caps it at 一般
        assessed("p1", "称职", "95"),
        record("s1").person("p1").sanction("警告").on("2024-03-01").points(4).delivered("2024-03"),
        // p2: 88 − 2×1 = 86, rank 2 较好; a severe record makes 较差
        assessed("p2", "称职", "88"),
        record("v2").person("p2").category("audit").on("2024-04-01").points(1).severe().delivered("2024-04"),
        // p3: 85 − 2×10 = 65 (its 不称职 assessment scores 10, severe), rank 4 较好 → 较差
        assessed("p3", "不称职", "85").points(10).severe(),
        // p4: 80 − 8 = 72, rank 3 较好 → 一般 by its sanction
        assessed("p4", "称职", "80"),
        record("s4").person("p4").sanction("警告").on("2024-05-01").points(4).delivered("2024-05"),
        // p6: 60 − 8 = 52, rank 5 一般: the cap leaves it 一般
        assessed("p6", "称职", "60"),
        record("s6").person("p6").sanction("警告").on("2024-05-01").points(4).delivered("2024-05"),
        // p5: no assessment (not ranked), a severe record: 较差
        record("v5").person("p5").category("police").on("2024-07-01").points(15).severe().delivered("2024-07"));

    // N = 5: ⌈1⌉ = 1 好, ⌈3.5⌉ = 4 较好, ⌈4.75⌉ = 5 一般
    Rows.assertRows("vetoed grades", out.select("person_key", "composite", "rank", "band_grade", "grade", "vetoes",
            "veto_record_ids"),
        row("p1", dec("87"), 1, "好", "一般",
            List.of(reason("grades.vetoes.sanction-caps-at", "sanctions in 2024: s1: at most 一般")), List.of("s1")),
        row("p2", dec("86"), 2, "较好", "较差",
            List.of(reason("grades.vetoes.severe-makes", "severe records in 2024: v2: 较差")), List.of("v2")),
        row("p4", dec("72"), 3, "较好", "一般",
            List.of(reason("grades.vetoes.sanction-caps-at", "sanctions in 2024: s4: at most 一般")), List.of("s4")),
        row("p3", dec("65"), 4, "较好", "较差",
            List.of(reason("grades.vetoes.severe-makes", "severe records in 2024: kh-p3: 较差"),
                reason("grades.vetoes.unfit-assessment-makes", "assessment of 2024: 不称职: 较差")), List.of("kh-p3")),
        row("p6", dec("52"), 5, "一般", "一般",
            List.of(reason("grades.vetoes.sanction-caps-at", "sanctions in 2024: s6: at most 一般")), List.of("s6")),
        row("p5", null, null, null, "较差",
            List.of(reason("grades.vetoes.severe-makes", "severe records in 2024: v5: 较差")), List.of("v5")));
  }
}
