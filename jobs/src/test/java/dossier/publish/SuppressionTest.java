package dossier.publish;

import static dossier.analyse.Fixtures.date;
import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.reason;
import static dossier.testing.Rows.row;

import dossier.analyse.AnalysedTables;
import dossier.analyse.Fixtures;
import dossier.settings.Settings;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression in the open zone with the configured minimum (3 persons): a figure from
 * 2 persons is null and flagged, from 3 it stays, and a zero stays.
 */
@SparkTest
class SuppressionTest {
  private static final int MIN_PERSONS = PublishSettings.from(Settings.load(Optional.empty())).minPersons();

  /** A monthly period_stat row of unit U1, category all: records, scored, severe, persons, scored persons, points. */
  private static Row stat(String unit, long records, long scored, long severe, long persons, long scoredPersons,
      String points) {
    return RowFactory.create("2024-03", unit, "month", "2024-03", date("2024-03-01"), date("2024-03-31"), true, "all",
        records, scored, severe, persons, scoredPersons, dec(points));
  }

  private static Dataset<Row> aggregated(SparkSession spark, Row... stats) {
    Dataset<Row> units = Fixtures.unitHistory(spark, Fixtures.unit("U1", "甲镇", "镇街", null, null),
        Fixtures.unit("U2", "乙局", "部门", null, null));
    Dataset<Row> periodStat = spark.createDataFrame(List.of(stats), AnalysedTables.PERIOD_STAT.reported().schema());
    return OpenTransforms.aggUnitPeriod(periodStat, units, MIN_PERSONS).select("unit_code", "records", "persons",
        "scored_records", "severe_records", "scored_persons", "points", "suppressed");
  }

  @Test
  void figuresFromTwoPersonsAreSuppressedAndFromThreeAreNot(SparkSession spark) {
    // U1: 5 records of 2 persons (4 scored, 1 severe, 9 points); U2: 3 records of 3 persons, all scored
    Rows.assertRows("agg_unit_period", aggregated(spark, stat("U1", 5, 4, 1, 2, 2, "9"), stat("U2", 3, 3, 0, 3, 3, "6")),
        row("U1", null, null, null, null, null, null, true),
        row("U2", 3L, 3L, 3L, 0L, 3L, dec("6"), false));
  }

  @Test
  void scoredFiguresAreJudgedOnTheScoredPersonsAlone(SparkSession spark) {
    // 6 records of 4 persons, of which 2 scored records of 1 person (5 points): the scored figures go
    Rows.assertRows("agg_unit_period", aggregated(spark, stat("U1", 6, 2, 0, 4, 1, "5")),
        row("U1", 6L, 4L, null, null, null, null, true));
  }

  @Test
  void aZeroSinglesNoOneOut(SparkSession spark) {
    Rows.assertRows("agg_unit_period", aggregated(spark, stat("U1", 4, 0, 0, 3, 0, "0")),
        row("U1", 4L, 3L, 0L, 0L, 0L, dec("0"), false));
  }

  /** A unit_warning row of U1 for March with m cadres with points of n, s severe records and the reasons. */
  private static Row warning(int n, int m, String share, List<String> severeIds, List<Row> reasons) {
    return RowFactory.create("2024-03", "U1", "甲镇", "镇街", "2024-03", date("2023-04-01"), date("2024-03-31"), n, m,
        dec(share), severeIds.size(), 0, 0, false, "red", "红色预警", 3, reasons, List.of(), severeIds, List.of(),
        List.of());
  }

  private static Dataset<Row> warnings(SparkSession spark, Row warning, Dataset<Row> recordPersons) {
    Dataset<Row> unitWarning = spark.createDataFrame(List.of(warning), AnalysedTables.UNIT_WARNING.reported().schema());
    return OpenTransforms.unitWarnings(unitWarning, recordPersons, MIN_PERSONS)
        .select("cadres", "cadres_with_points", "share", "severe_records", "level", "reasons", "suppressed");
  }

  @Test
  void aWarningFromTwoCadresKeepsItsLevelAndRulesButNotTheirFigures(SparkSession spark) {
    Dataset<Row> persons = Rows.of(spark, "record_id string, person_key string");

    Rows.assertRows("unit_warning", warnings(spark, warning(6, 2, "0.3333", List.of(),
            List.of(reason("unit-warnings.red.share-at-least", "p = 2/6 = 33.3% ≥ 30%"))), persons),
        row(6, null, null, 0, "red", List.of("unit-warnings.red.share-at-least"), true));
  }

  @Test
  void severeRecordsAreJudgedOnThePersonsBehindThem(SparkSession spark) {
    // three severe records of one person: s is suppressed though s = 3; m = 3 of 9 stays
    Dataset<Row> persons = Rows.of(spark, "record_id string, person_key string",
        row("r1", "p1"), row("r2", "p1"), row("r3", "p1"));

    Rows.assertRows("unit_warning", warnings(spark, warning(9, 3, "0.3333", List.of("r1", "r2", "r3"),
            List.of(reason("unit-warnings.red.severe-at-least", "s = 3 ≥ 2"))), persons),
        row(9, 3, dec("0.3333"), null, "red", List.of("unit-warnings.red.severe-at-least"), true));
  }

  @Test
  void aWarningFromThreeCadresKeepsItsFigures(SparkSession spark) {
    Dataset<Row> persons = Rows.of(spark, "record_id string, person_key string");

    Rows.assertRows("unit_warning", warnings(spark, warning(9, 3, "0.3333", List.of(),
            List.of(reason("unit-warnings.red.share-at-least", "p = 3/9 = 33.3% ≥ 30%"))), persons),
        row(9, 3, dec("0.3333"), 0, "red", List.of("unit-warnings.red.share-at-least: p = 3/9 = 33.3% ≥ 30%"), false));
  }
}
