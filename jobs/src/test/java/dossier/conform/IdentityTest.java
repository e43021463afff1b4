package dossier.conform;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;

import dossier.testing.SparkTest;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Petitions without an ID are matched by name + unit on their date, post breaking a tie; nothing
 * is guessed. Roster: 张三 A (镇长) and 张三 B (副镇长) in 甲镇; 李四 C and 李四 D, both 副镇长 in
 * 甲镇; 王五 E in 乙局 until the March 2024 snapshot, then in 甲镇.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityTest {
  private Dataset<Row> records;
  private Dataset<Row> versions;
  private Dataset<Row> unresolved;

  @BeforeAll
  void conform(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    List<String> months = List.of("2024-01", "2024-02", "2024-03", "2024-04");
    raw.twoUnits(months);
    for (String month : months) {
      String file = month.replace("-", "");
      raw.file(month, "zzb_roster_" + file + ".csv")
          .row("id_number", "A", "name", "张三", "unit_code", "U1", "post", "镇长", "rank", "正科", "role", "正职")
          .row("id_number", "B", "name", "张三", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职")
          .row("id_number", "C", "name", "李四", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职")
          .row("id_number", "D", "name", "李四", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职")
          .row("id_number", "E", "name", "王五", "unit_code", month.compareTo("2024-03") < 0 ? "U2" : "U1", "post", "局长",
              "rank", "正科", "role", "正职");
    }
    for (String month : List.of("2024-02", "2024-03", "2024-04")) {
      RawFixture.File file = raw.file(month, "xf_jb_" + month.replace("-", "") + ".csv");
      // P1 comes back every month, closed and substantiated in April.
      file.row("petition_no", "P1", "name", "张三", "unit_name", "甲镇", "post", "镇长", "topic", "作风", "received", "2024-02-01",
          "status", month.equals("2024-04") ? "办结" : "办理中", "finding", month.equals("2024-04") ? "查实" : null);
      if (month.equals("2024-02")) {
        file.row("petition_no", "P2", "name", "张三", "unit_name", "甲镇", "topic", "作风", "received", "2024-02-02", "status", "受理")
            .row("petition_no", "P3", "name", "李四", "unit_name", "甲镇", "post", "副镇长", "topic", "廉洁", "received", "2024-02-03",
                "status", "受理")
            .row("petition_no", "P4", "name", "王五", "unit_name", "乙局", "topic", "履职", "received", "2024-02-10", "status", "受理")
            .row("petition_no", "P6", "name", "赵六", "unit_name", "甲镇", "topic", "其他", "received", "2024-02-11", "status", "受理")
            .row("petition_no", "P7", "name", "张三", "unit_name", "乙局", "id_number", "B", "topic", "其他", "received", "2024-02-12",
                "status", "受理");
      }
      if (month.equals("2024-03")) {
        file.row("petition_no", "P5", "name", "王五", "unit_name", "乙局", "topic", "履职", "received", "2024-03-10", "status", "受理");
      }
    }
    InMemoryConform conformed = new InMemoryConform(raw, TestSettings.CONFORM, "2024-04");
    records = conformed.records;
    versions = conformed.recordVersions;
    unresolved = conformed.unresolved;
  }


  private static String key(String id) {
    return TestHmac.personKey(id);
  }

  @Test
  void postBreaksTheTieBetweenNamesakesInOneUnit() {
    assertRows("P1 names 张三, 镇长 of 甲镇", records.where(col("attributes").getItem("petition_no").equalTo("P1"))
        .select("person_key", "id_number", "unit_code"), row(key("A"), "A", "U1"));
  }

  @Test
  void resentPetitionIsOneRecordWithItsLatestStatusAndEveryVersion() {
    assertRows("P1: three deliveries, substantiated in the last",
        versions.where(col("attributes").getItem("petition_no").equalTo("P1"))
            .select("version_month", "event_date", "points", "last_delivery"),
        row("2024-02", "2024-02-01", "0", "2024-02"),
        row("2024-03", "2024-02-01", "0", "2024-03"),
        row("2024-04", "2024-02-01", "3", "2024-04"));
  }

  @Test
  void namesakesInOneUnitWithoutAPostAreUnresolvedWithBothCandidates() {
    assertRows("P2: two 张三 in 甲镇, no post given", unresolved.where(col("record_key").equalTo("P2"))
            .select("reason", "candidates"),
        row("several cadres of this name in this unit on the event date", Stream.of(key("A"), key("B")).sorted().toList()));
  }

  @Test
  void namesakesWithTheSamePostAreUnresolvedWithBothCandidates() {
    assertRows("P3: two 李四, both 副镇长 of 甲镇", unresolved.where(col("record_key").equalTo("P3")).select("reason", "candidates"),
        row("several cadres of this name in this unit on the event date", Stream.of(key("C"), key("D")).sorted().toList()));
  }

  @Test
  void unitIsMatchedOnTheRecordsDate() {
    assertRows("P4 (February): 王五 was in 乙局", records.where(col("attributes").getItem("petition_no").equalTo("P4"))
        .select("id_number", "unit_code"), row("E", "U2"));
    assertRows("P5 (March): 王五 had moved to 甲镇", unresolved.where(col("record_key").equalTo("P5")).select("reason", "candidates"),
        row("no cadre of this name in this unit on the event date", List.of()));
  }

  @Test
  void unknownNameIsUnresolvedWithoutCandidates() {
    assertRows("P6: nobody named 赵六", unresolved.where(col("record_key").equalTo("P6")).select("name", "unit_name", "reason", "candidates"),
        row("赵六", "甲镇", "no cadre of this name in this unit on the event date", List.of()));
  }

  @Test
  void validIdWinsOverNameAndUnit() {
    assertRows("P7 carries B's ID", records.where(col("attributes").getItem("petition_no").equalTo("P7"))
        .select("id_number", "person_key"), row("B", key("B")));
  }
}
