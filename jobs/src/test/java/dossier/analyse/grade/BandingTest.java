package dossier.analyse.grade;

import static dossier.analyse.Fixtures.dec;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.Rules;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The rank → band rule with the shipped shares 20/50/25/5 % (cumulative 0.20, 0.70, 0.95, 1):
 * rank r takes the first band with r − 1 &lt; C × N.
 */
@SparkTest
class BandingTest {
  private static final List<GradeRules.Band> BANDS = Rules.shipped().grades().bands();

  /** Members of one cohort with these composites. */
  private static List<Object[]> cohort(String name, int... composites) {
    List<Object[]> rows = new ArrayList<>();
    for (int c : composites) {
      rows.add(new Object[] {name, dec(Integer.toString(c))});
    }
    return rows;
  }

  private static Dataset<Row> banded(SparkSession spark, List<Object[]> members) {
    return Banding.banded(Fixtures.rows(spark, "cohort string, composite decimal(9,4)", members.toArray(Object[][]::new)),
        List.of("cohort"), "composite", BANDS);
  }

  @Test
  void aCohortOfOneIsGood(SparkSession spark) {
    // r = 1: 0 < 0.20 × 1
    Rows.assertRows("N = 1", banded(spark, cohort("one", 50)).select("cohort_size", "rank", "band_rank"),
        row(1, 1, 1));
  }

  @Test
  void aCohortOfFourHasNoPoorGrade(SparkSession spark) {
    // 0.20 × 4 = 0.8, 0.70 × 4 = 2.8, 0.95 × 4 = 3.8: ranks above 0 | 1, 2 | 3 → 好 | 较好 较好 | 一般
    Rows.assertRows("N = 4", banded(spark, cohort("four", 90, 80, 70, 60)).select("composite", "rank", "band_rank"),
        row(dec("90"), 1, 1), row(dec("80"), 2, 2), row(dec("70"), 3, 2), row(dec("60"), 4, 3));
  }

  @Test
  void aCohortOfTenSplitsTwoFiveThree(SparkSession spark) {
    // 2, 7, 9.5: ranks 1–2 好, 3–7 较好, 8–10 一般 (9 above rank 10 < 9.5)
    Dataset<Row> out = banded(spark, cohort("ten", 100, 99, 98, 97, 96, 95, 94, 93, 92, 91));
    Rows.assertRows("N = 10", out.select("rank", "band_rank"),
        row(1, 1), row(2, 1), row(3, 2), row(4, 2), row(5, 2), row(6, 2), row(7, 2), row(8, 3), row(9, 3), row(10, 3));
  }

  @Test
  void aCohortOfTwentyOneHasOnePoorGrade(SparkSession spark) {
    // 4.2, 14.7, 19.95: ranks 1–5 好, 6–15 较好, 16–20 一般, 21 较差
    int[] composites = new int[21];
    for (int i = 0; i < 21; i++) {
      composites[i] = 100 - i;
    }
    Dataset<Row> out = banded(spark, cohort("twenty-one", composites));
    Rows.assertRows("band sizes", out.groupBy("band_rank").count().select("band_rank", "count"),
        row(1, 5L), row(2, 10L), row(3, 5L), row(4, 1L));
    Rows.assertRows("edges", out.filter("rank IN (5, 6, 15, 16, 20, 21)").select("rank", "band_rank"),
        row(5, 1), row(6, 2), row(15, 2), row(16, 3), row(20, 3), row(21, 4));
  }

  @Test
  void tiesAcrossABoundaryTakeTheBetterGrade(SparkSession spark) {
    // N = 10: 90, 90 tie at ranks 2–3 across the 好 boundary (2): both rank 2, 好.
    // 60, 60 tie at positions 7–8 across the 较好 boundary (7): both rank 7, 较好.
    Dataset<Row> out = banded(spark, cohort("ties", 100, 90, 90, 80, 70, 65, 60, 60, 50, 40));
    Rows.assertRows("ties", out.select("composite", "rank", "band_rank"),
        row(dec("100"), 1, 1), row(dec("90"), 2, 1), row(dec("90"), 2, 1), row(dec("80"), 4, 2),
        row(dec("70"), 5, 2), row(dec("65"), 6, 2), row(dec("60"), 7, 2), row(dec("60"), 7, 2),
        row(dec("50"), 9, 3), row(dec("40"), 10, 3));
  }

  @Test
  void aTieAtTheBottomOfTwentyOneAvoidsThePoorGrade(SparkSession spark) {
    int[] composites = new int[21];
    for (int i = 0; i < 20; i++) {
      composites[i] = 100 - i;
    }
    composites[20] = 81; // ties with the 20th
    // both at rank 20: 19 < 19.95 → 一般
    Rows.assertRows("bottom tie", banded(spark, cohort("tie21", composites)).filter("rank >= 20")
        .select("rank", "band_rank"), row(20, 3), row(20, 3));
  }

  @Test
  void membersWithoutACompositeAreNotRankedNorCounted(SparkSession spark) {
    List<Object[]> members = cohort("c", 90, 80);
    members.add(new Object[] {"c", null});
    Rows.assertRows("N = 2", banded(spark, members).select("composite", "cohort_size", "rank", "band_rank"),
        row(dec("90"), 2, 1, 1), row(dec("80"), 2, 2, 2), row(null, 2, null, null));
  }
}
