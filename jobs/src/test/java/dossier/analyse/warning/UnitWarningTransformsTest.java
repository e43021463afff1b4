package dossier.analyse.warning;

import static dossier.analyse.Fixtures.date;
import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.reason;
import static dossier.analyse.Fixtures.record;
import static dossier.analyse.Fixtures.unit;
import static dossier.testing.Rows.row;

import dossier.analyse.Fixtures;
import dossier.analyse.Fixtures.RecordVersion;
import dossier.analyse.Rules;
import dossier.analyse.input.RecordVersions;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class UnitWarningTransformsTest {
  private static final WarningRules RULES = Rules.shipped().warnings();
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final String EFFICIENCY_DDL = "warning_no string, unit_code string, level string, issued date, points decimal(18,4)";

  /** {@code size} cadres u-1 .. u-size in unit u since before the first snapshot. */
  private static List<Object[]> cadres(String unit, int size) {
    List<Object[]> posts = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      posts.add(post(unit + "-" + i, unit, "副职", null, null));
    }
    return posts;
  }

  /** A record with points of cadre u-i, in unit u, in March 2024. */
  private static RecordVersion scored(String unit, int cadre, String id) {
    return record(id).person(unit + "-" + cadre).unit(unit).category("efficiency").on("2024-03-05").points(1)
        .delivered("2024-03");
  }

  private static Dataset<Row> warnings(SparkSession spark, List<Object[]> posts, Dataset<Row> efficiency,
      RecordVersion... versions) {
    Dataset<Row> records = RecordVersions.deliveredBy(
        RecordVersions.countedIntervals(Fixtures.versions(spark, versions), MARCH), MARCH);
    return UnitWarningTransforms.warnings(records, Fixtures.cadreHistory(spark, posts.toArray(Object[][]::new)),
        Fixtures.unitHistory(spark, unit("A", "甲镇", "镇街", null, null)), efficiency, RULES, MARCH);
  }

  private static Dataset<Row> warnings(SparkSession spark, List<Object[]> posts, RecordVersion... versions) {
    return warnings(spark, posts, Fixtures.rows(spark, EFFICIENCY_DDL), versions);
  }

  @Test
  void theShareOfCadresWithPointsSetsTheLevelAtEachThresholdInclusive(SparkSession spark) {
    List<Object[]> posts = new ArrayList<>();
    for (String u : List.of("A", "B", "C", "D")) {
      posts.addAll(cadres(u, 10));
    }
    Dataset<Row> out = warnings(spark, posts,
        scored("A", 1, "a1"), scored("A", 2, "a2"), scored("A", 3, "a3"), scored("A", 3, "a4"),
        scored("B", 1, "b1"), scored("B", 2, "b2"),
        scored("C", 1, "c1"),
        record("d1").person("D-1").unit("D").category("leave").on("2024-03-01").delivered("2024-03"));

    // A: 3/10 = 30% ≥ 30% red; B: 2/10 = 20% orange; C: 1/10 = 10% yellow; D: a record without points, none.
    Rows.assertRows("levels by share", out.select("unit_code", "cadres", "cadres_with_points", "share", "level",
            "level_label", "level_rank", "reasons", "member_record_ids"),
        row("A", 10, 3, dec("0.3"), "red", "红色预警", 3,
            List.of(reason("unit-warnings.red.share-at-least", "p = 3/10 = 30.0% ≥ 30%")), List.of("a1", "a2", "a3", "a4")),
        row("B", 10, 2, dec("0.2"), "orange", "橙色预警", 2,
            List.of(reason("unit-warnings.orange.share-at-least", "p = 2/10 = 20.0% ≥ 20%")), List.of("b1", "b2")),
        row("C", 10, 1, dec("0.1"), "yellow", "黄色预警", 1,
            List.of(reason("unit-warnings.yellow.share-at-least", "p = 1/10 = 10.0% ≥ 10%")), List.of("c1")),
        row("D", 10, 0, dec("0"), "none", null, 0, List.of(), List.of()));
  }

  @Test
  void severeRecordsAndSanctionsAreCountedAndJudged(SparkSession spark) {
    List<Object[]> posts = new ArrayList<>(cadres("A", 20));
    posts.addAll(cadres("B", 20));
    posts.addAll(cadres("C", 20));
    Dataset<Row> out = warnings(spark, posts,
        // A: two severe records of one cadre: s = 2, red (p = 1/20 = 5% judges nothing)
        record("a1").person("A-1").unit("A").category("police").on("2024-01-05").points(10).severe().delivered("2024-01"),
        record("a2").person("A-1").unit("A").category("court").on("2024-02-05").points(20).severe().delivered("2024-02"),
        // B: one severe sanction: s = 1 orange, and the sanction (yellow) is listed too
        record("b1").person("B-1").unit("B").sanction("降级").on("2024-02-05").points(10).severe().delivered("2024-02"),
        // C: a non-severe sanction: yellow
        record("c1").person("C-1").unit("C").sanction("警告").on("2023-04-01").points(4).delivered("2023-04"));

    Rows.assertRows("severe and sanctions in March", out.filter("month = '2024-03'")
            .select("unit_code", "severe_records", "sanctions", "level", "reasons", "severe_record_ids",
                "sanction_record_ids"),
        row("A", 2, 0, "red", List.of(reason("unit-warnings.red.severe-at-least", "s = 2 ≥ 2")), List.of("a1", "a2"),
            List.of()),
        row("B", 1, 1, "orange", List.of(reason("unit-warnings.orange.severe-at-least", "s = 1 ≥ 1"),
            reason("unit-warnings.yellow.any-sanction", "sanctions in the window = 1")), List.of("b1"), List.of("b1")),
        row("C", 0, 1, "yellow", List.of(reason("unit-warnings.yellow.any-sanction", "sanctions in the window = 1")),
            List.of(), List.of("c1")));
  }

  @Test
  void aSmallUnitIsNotJudgedOnTheShareButOnSevereRecordsAndSanctions(SparkSession spark) {
    List<Object[]> posts = new ArrayList<>(cadres("A", 4));
    posts.addAll(cadres("B", 4));
    Dataset<Row> out = warnings(spark, posts,
        // A: 2/4 = 50% but n = 4 < 5: no warning
        scored("A", 1, "a1"), scored("A", 2, "a2"),
        // B: 1/4 and a sanction: yellow by the sanction
        record("b1").person("B-1").unit("B").sanction("警告").on("2024-03-01").points(4).delivered("2024-03"));

    Rows.assertRows("small units", out.select("unit_code", "cadres", "cadres_with_points", "small_unit", "level",
            "reasons"),
        row("A", 4, 2, true, "none", List.of(reason("unit-warnings.small-unit-below", "n = 4 < 5: p is not judged"))),
        row("B", 4, 1, true, "yellow", List.of(reason("unit-warnings.yellow.any-sanction", "sanctions in the window = 1"),
            reason("unit-warnings.small-unit-below", "n = 4 < 5: p is not judged"))));
  }

  @Test
  void aUnitEfficiencyWarningRaisesTheLevelAtLeastToItsConfiguredLevel(SparkSession spark) {
    List<Object[]> posts = new ArrayList<>();
    for (String u : List.of("A", "B", "C")) {
      posts.addAll(cadres(u, 10));
    }
    Dataset<Row> efficiency = Fixtures.rows(spark, EFFICIENCY_DDL,
        new Object[] {"W1", "A", "联合预警", date("2024-01-09"), dec("5")},
        new Object[] {"W2", "B", "扣分预警", date("2023-12-01"), dec("2")},
        new Object[] {"W3", "C", "苗头预警", date("2024-02-01"), null});
    Dataset<Row> out = warnings(spark, posts, efficiency, scored("A", 1, "a1"));

    // A: 1/10 yellow raised to orange by 联合; B: none raised to yellow by 扣分; C: 苗头 raises nothing.
    Rows.assertRows("raised", out.filter("month = '2024-03'")
            .select("unit_code", "efficiency_warnings", "level", "reasons", "efficiency_warning_nos"),
        row("A", 1, "orange", List.of(reason("unit-warnings.yellow.share-at-least", "p = 1/10 = 10.0% ≥ 10%"),
            reason("unit-warnings.efficiency-raises.联合预警",
                "1 unit efficiency warning(s) in the window, the strongest 联合预警: at least orange")), List.of("W1")),
        row("B", 1, "yellow", List.of(reason("unit-warnings.efficiency-raises.扣分预警",
            "1 unit efficiency warning(s) in the window, the strongest 扣分预警: at least yellow")), List.of("W2")),
        row("C", 0, "none", List.of(), List.of()));
  }

  @Test
  void aRecordCountsForTheUnitTheCadreWasInAndOnlyWithinTheWindow(SparkSession spark) {
    // p moved from A to B on 2024-02-01; A and B have 9 other cadres each.
    List<Object[]> posts = new ArrayList<>(cadres("A", 9));
    posts.addAll(cadres("B", 9));
    posts.add(post("p", "A", "副职", null, "2024-02-01"));
    posts.add(post("p", "B", "副职", "2024-02-01", null));
    Dataset<Row> out = warnings(spark, posts,
        record("r1").person("p").unit("A").category("efficiency").on("2023-03-31").points(1).delivered("2023-04"));

    // r1 (A, 2023-03) is in the windows of 2023-03 .. 2024-02; the window of 2024-03 starts 2023-04-01.
    // p counts in n of A (in A within every window) and of B from 2024-02; m only in A.
    Rows.assertRows("A and B over the year", out.filter("month IN ('2024-01', '2024-02', '2024-03')")
            .select("unit_code", "month", "window_start", "cadres", "cadres_with_points", "level"),
        row("A", "2024-01", date("2023-02-01"), 10, 1, "yellow"),
        row("A", "2024-02", date("2023-03-01"), 10, 1, "yellow"),
        row("A", "2024-03", date("2023-04-01"), 10, 0, "none"),
        row("B", "2024-01", date("2023-02-01"), 9, 0, "none"),
        row("B", "2024-02", date("2023-03-01"), 10, 0, "none"),
        row("B", "2024-03", date("2023-04-01"), 10, 0, "none"));
  }
}
