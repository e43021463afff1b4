package dossier.conform;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;

import dossier.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Type-2 unit and cadre history from monthly snapshots (architecture.md "Validity intervals"). */
@SparkTest
class HistoryTest {
  private static void roster(RawFixture raw, String month, String file, String... idUnitPost) {
    RawFixture.File f = raw.file(month, file);
    for (int i = 0; i < idUnitPost.length; i += 3) {
      f.row("id_number", idUnitPost[i], "name", "N" + idUnitPost[i], "unit_code", idUnitPost[i + 1],
          "post", idUnitPost[i + 2], "rank", "正科", "role", "正职");
    }
  }

  @Test
  void moveOpensANewIntervalFromTheMonthAfterThePreviousSnapshot(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    roster(raw, "2024-01", "zzb_roster_202401.csv", "A", "U1", "镇长");
    roster(raw, "2024-02", "zzb_roster_202402.csv", "A", "U1", "镇长");
    roster(raw, "2024-03", "zzb_roster_202403.csv", "A", "U2", "局长");

    assertRows("A moved to U2 in the March snapshot",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys())
            .select("id_number", "unit_code", "post", "valid_from", "valid_to", "is_current", "first_seen", "last_seen"),
        row("A", "U1", "镇长", null, "2024-03-01", false, "2024-01", "2024-02"),
        row("A", "U2", "局长", "2024-03-01", null, true, "2024-03", "2024-03"));
  }

  @Test
  void postChangeInTheSameUnitOpensANewInterval(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    roster(raw, "2024-01", "zzb_roster_202401.csv", "A", "U1", "副镇长");
    roster(raw, "2024-02", "zzb_roster_202402.csv", "A", "U1", "镇长");

    assertRows("a new post",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys()).select("post", "valid_from", "valid_to"),
        row("副镇长", null, "2024-02-01"),
        row("镇长", "2024-02-01", null));
  }

  @Test
  void leaverIsClosedAndReJoinerOpensAgain(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    roster(raw, "2024-01", "zzb_roster_202401.csv", "A", "U1", "镇长", "B", "U1", "副镇长");
    roster(raw, "2024-02", "zzb_roster_202402.csv", "A", "U1", "镇长");
    roster(raw, "2024-04", "zzb_roster_202404.csv", "A", "U1", "镇长", "B", "U1", "副镇长");
    roster(raw, "2024-05", "zzb_roster_202405.csv", "B", "U1", "副镇长");

    assertRows("B left in February and came back in the April snapshot; A left after April",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys())
            .select("id_number", "valid_from", "valid_to", "is_current"),
        row("A", null, "2024-05-01", false),
        row("B", null, "2024-02-01", false),
        row("B", "2024-03-01", null, true));
  }

  @Test
  void laterFileOfTheSameMonthWins(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    roster(raw, "2024-01", "zzb_roster_202401.csv", "A", "U1", "镇长");
    roster(raw, "2024-02", "zzb_roster_202402.csv", "A", "U1", "镇长");
    roster(raw, "2024-02", "zzb_roster_202402_2.csv", "A", "U3", "镇长");

    assertRows("the _2 file is February's snapshot",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys()).select("unit_code", "valid_from", "valid_to"),
        row("U1", null, "2024-02-01"),
        row("U3", "2024-02-01", null));
  }

  /** One roster of cadres, each with the post_since given as written in the file. */
  private static void rosterSince(RawFixture raw, String month, String... idPostSince) {
    RawFixture.File f = raw.file(month, "zzb_roster_" + month.replace("-", "") + ".csv");
    for (int i = 0; i < idPostSince.length; i += 2) {
      f.row("id_number", idPostSince[i], "name", "N" + idPostSince[i], "unit_code", "U1", "post", "镇长", "rank", "正科",
          "role", "正职", "post_since", idPostSince[i + 1]);
    }
  }

  @Test
  void yearMonthOnlyIsAChangeOnlyWhenItsMonthDiffers(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    rosterSince(raw, "2024-01", "A", "2019-05-17", "B", "2020-11-03", "C", "2018-03-09");
    rosterSince(raw, "2024-02", "A", "2019-05", "B", "2020-11", "C", "2018-04");
    rosterSince(raw, "2024-03", "A", "2019-05-17", "B", "2020-11-03", "C", "2018-04");

    assertRows("February gave year-months only: A and B agree with what was known, C's month differs",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys())
            .select("id_number", "post_since", "valid_from", "valid_to"),
        row("A", "2019-05-17", null, null),
        row("B", "2020-11-03", null, null),
        row("C", "2018-03-09", null, "2024-02-01"),
        row("C", "2018-04-01", "2024-02-01", null));
  }

  @Test
  void fullDateInsideAnEarlierYearMonthIsNoChange(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    rosterSince(raw, "2024-01", "A", "2019-05");
    rosterSince(raw, "2024-02", "A", "2019-05-17");
    rosterSince(raw, "2024-03", "A", "2019-05");

    assertRows("one interval, carrying the finer date",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys())
            .select("id_number", "post_since", "valid_from", "valid_to"),
        row("A", "2019-05-17", null, null));
  }

  @Test
  void birthGivenAsItsYearMonthIsNoChange(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    for (String month : List.of("2024-01", "2024-02", "2024-03")) {
      raw.file(month, "zzb_roster_" + month.replace("-", "") + ".csv").row("id_number", "A", "name", "NA", "unit_code", "U1",
          "post", "镇长", "rank", "正科", "role", "正职", "birth", month.equals("2024-02") ? "1975-03" : "1975-03-12");
    }

    assertRows("the birth month agrees with the birth date",
        ConformTransforms.cadreHistory(raw.rows("zzb_roster"), TestSettings.keys()).select("id_number", "birth", "valid_from"),
        row("A", "1975-03-12", null));
  }

  @Test
  void unitRenameAndClosure(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    raw.file("2024-01", "zzb_unit_202401.csv").row("unit_code", "U1", "unit_name", "甲镇", "unit_type", "镇街")
        .row("unit_code", "U2", "unit_name", "乙局", "unit_type", "部门");
    raw.file("2024-02", "zzb_unit_202402.csv").row("unit_code", "U1", "unit_name", "甲街道", "unit_type", "镇街");

    assertRows("U1 renamed in February, U2 closed",
        ConformTransforms.unitHistory(raw.rows("zzb_unit")).select("unit_code", "unit_name", "valid_from", "valid_to", "is_current"),
        row("U1", "甲镇", null, "2024-02-01", false),
        row("U1", "甲街道", "2024-02-01", null, true),
        row("U2", "乙局", null, "2024-02-01", false));
  }
}
