package dossier.conform;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Record states, cross-source duplicates, points and unit attribution on one small district:
 * cadre A (U1, moved to U2 in the March 2024 roster) and B (U1); Z is not on the roster.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordRulesTest {
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
      boolean moved = month.compareTo("2024-03") >= 0;
      raw.file(month, "zzb_roster_" + file + ".csv")
          .row("id_number", "A", "name", "甲", "unit_code", moved ? "U2" : "U1", "post", moved ? "局长" : "镇长", "rank", "正科", "role", "正职")
          .row("id_number", "B", "name", "乙", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职");
    }
    // One sanction from both sources, same doc_no, decision dates 36 days apart: merged by doc_no.
    raw.file("2024-02", "jw_cf_202402.csv")
        .row("id_number", "A", "sanction_class", "党纪处分", "sanction", "严重警告", "decided", "2024-01-20", "doc_no", "纪1")
        .row("id_number", "B", "sanction_class", "政务处分", "sanction", "记过", "decided", "2024-02-10", "doc_no", "监1");
    raw.file("2024-03", "zzb_cf_202403.csv")
        .row("id_number", "A", "sanction_class", "党纪处分", "sanction", "严重警告", "decided", "2024-02-25", "doc_no", "纪1")
        // B's sanction without doc_no 10 days later: merged by person, sanction and date window ...
        .row("id_number", "B", "sanction_class", "政务处分", "sanction", "记过", "decided", "2024-02-20")
        // ... but 23 days after jw's decision, another sanction of B: its own record.
        .row("id_number", "B", "sanction_class", "政务处分", "sanction", "记过", "decided", "2024-03-04");
    // A police case delivered, then corrected the month after.
    raw.file("2024-02", "ga_wf_202402.csv").row("id_number", "A", "cause", "酒后驾驶", "outcome", "罚款",
        "occurred", "2024-01-05", "case_no", "GA1");
    raw.file("2024-03", "ga_wf_202403.csv").row("id_number", "A", "cause", "醉酒驾驶", "outcome", "刑事立案",
        "occurred", "2024-01-05", "case_no", "GA1", "record_state", "更正")
        .row("id_number", "Z", "cause", "赌博", "outcome", "罚款", "occurred", "2024-03-01", "case_no", "GA2");
    // An admonishment issued, revoked two deliveries later.
    raw.file("2024-02", "zzb_txhx_202402.csv").row("id_number", "B", "kind", "诫勉", "issued", "2024-02-15", "doc_no", "组1");
    raw.file("2024-04", "zzb_txhx_202404.csv").row("id_number", "B", "kind", "诫勉", "issued", "2024-02-15", "doc_no", "组1",
        "record_state", "撤销");
    // A personal-matter check corrected by a _2 file of the same month.
    raw.file("2024-03", "zzb_grsx_202403.csv").row("id_number", "A", "year", "2023", "check_date", "2024-03-10", "result", "漏报");
    raw.file("2024-03", "zzb_grsx_202403_2.csv").row("id_number", "A", "year", "2023", "check_date", "2024-03-10", "result", "瞒报",
        "record_state", "更正");
    // An audit rated 较差 and referred: 4 + 3 points, severe; delivered twice in one file.
    raw.file("2024-04", "sj_jzsj_202404.csv")
        .row("id_number", "B", "reported", "2024-04-02", "rating", "较差", "referred", "是", "doc_no", "审1")
        .row("id_number", "B", "reported", "2024-04-02", "rating", "较差", "referred", "是", "doc_no", "审1");
    // The 2023 assessment is dated 31 December 2023, before the first snapshot.
    raw.file("2024-02", "zzb_kh_202402.csv").row("id_number", "A", "year", "2023", "grade", "基本称职");
    // February's procuratorate file replaced in April: JC1's stage changed, JC2 no longer in it.
    raw.file("2024-02", "jcy_aj_202402.csv")
        .row("id_number", "B", "stage", "受理审查", "dated", "2024-02-01", "case_no", "JC1")
        .row("id_number", "B", "stage", "受理审查", "dated", "2024-02-05", "case_no", "JC2");
    raw.file("2024-04", "jcy_aj_202402.csv")
        .row("id_number", "B", "stage", "提起公诉", "dated", "2024-02-01", "case_no", "JC1");
    InMemoryConform conformed = new InMemoryConform(raw, TestSettings.CONFORM, "2024-04");
    records = conformed.records;
    versions = conformed.recordVersions;
    unresolved = conformed.unresolved;
  }


  static String recordId(String dataset, String... key) {
    try {
      String text = dataset + "\u001F" + String.join("\u001F", key);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 24);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Dataset<Row> sanctions() {
    return records.where(col("category").equalTo("sanction"));
  }

  @Test
  void sanctionFromBothSourcesWithTheSameDocNoIsOneRecordWithJwCfDate() {
    assertRows("A's sanction, merged by doc_no although the dates are 36 days apart",
        sanctions().where(col("id_number").equalTo("A"))
            .select("record_id", "event_date", "sub_category", "points", "source_datasets", "first_delivery", "last_delivery"),
        row(recordId("jw_cf", "纪1"), "2024-01-20", "党纪处分/严重警告", "6", List.of("jw_cf", "zzb_cf"), "2024-02", "2024-03"));
  }

  @Test
  void sanctionWithoutDocNoMergesWithinTheDecisionWindowOnly() {
    assertRows("B's sanctions: one merged within 15 days, one 23 days later on its own",
        sanctions().where(col("id_number").equalTo("B")).select("event_date", "source_datasets"),
        row("2024-02-10", List.of("jw_cf", "zzb_cf")),
        row("2024-03-04", List.of("zzb_cf")));
  }

  @Test
  void correctionSupersedesAndEveryVersionStays() {
    assertRows("GA1 as first delivered, then corrected",
        versions.where(col("category").equalTo("police").and(col("id_number").equalTo("A")))
            .select("version_month", "sub_category", "points", "severe", "rules_fired", "state"),
        row("2024-02", "酒后驾驶", "4", false, List.of("案由"), "active"),
        row("2024-03", "醉酒驾驶", "15", true, List.of("案由", "处理结果"), "active"));
  }

  @Test
  void revocationVoidsFromItsDeliveryMonthAndKeepsHistory() {
    assertRows("B's admonishment: active in February, revoked from April",
        versions.where(col("category").equalTo("admonition")).select("version_month", "state", "revoked_month", "points"),
        row("2024-02", "active", null, "3"),
        row("2024-04", "revoked", "2024-04", "3"));
  }

  @Test
  void aReplacedFileKeepsWhatItDeliveredInItsMonthAndTheReplacementChangesItFromItsOwn() {
    // Issue 22, defect 1: the matters stay delivered in February; April's file changes them from April.
    assertRows("B's procuratorate cases, version by version",
        versions.where(col("category").equalTo("procuratorate"))
            .select(col("attributes").getItem("case_no"), col("version_month"), col("sub_category"), col("state"), col("revoked_month"),
                col("first_delivery")),
        row("JC1", "2024-02", "受理审查", "active", null, "2024-02"),
        row("JC1", "2024-04", "提起公诉", "active", null, "2024-02"),
        row("JC2", "2024-02", "受理审查", "active", null, "2024-02"),
        row("JC2", "2024-04", "受理审查", "revoked", "2024-04", "2024-02"));
    assertRows("where each version was delivered",
        versions.where(col("category").equalTo("procuratorate")).select(col("attributes").getItem("case_no"), col("version_month"),
            col("provenance.source_path"), col("provenance.row_number")),
        row("JC1", "2024-02", List.of("2024-02/jcy/jcy_aj_202402.csv"), List.of(2)),
        row("JC1", "2024-04", List.of("2024-02/jcy/jcy_aj_202402.csv", "2024-04/jcy/jcy_aj_202402.csv"), List.of(2, 2)),
        row("JC2", "2024-02", List.of("2024-02/jcy/jcy_aj_202402.csv"), List.of(3)),
        row("JC2", "2024-04", List.of("2024-02/jcy/jcy_aj_202402.csv", "2024-04/jcy/jcy_aj_202402.csv"),
            java.util.Arrays.asList(3, null)));
  }

  @Test
  void laterFileOfTheSameMonthIsThatMonthsVersion() {
    assertRows("the _2 correction is March's only version",
        versions.where(col("category").equalTo("personal_report")).select("version_month", "sub_category", "points"),
        row("2024-03", "瞒报", "5"));
  }

  @Test
  void auditAddsReferralPointsAndIsSevere() {
    assertRows("较差 4 + referral 3, severe; the duplicate row kept once",
        records.where(col("category").equalTo("audit"))
            .select(col("points"), col("severe"), col("rules_fired"), col("provenance.source_path"), col("provenance.row_number")),
        row("7", true, List.of("审计评价", "移送处理", "较差且移送"), List.of("2024-04/sj/sj_jzsj_202404.csv"), List.of(2)));
  }

  @Test
  void recordsAreAttributedToTheUnitOfTheEventDate() {
    assertRows("A's records before the move belong to U1, the assessment before the first snapshot too",
        records.where(col("id_number").equalTo("A")).select("category", "event_date", "unit_code"),
        row("sanction", "2024-01-20", "U1"),
        row("police", "2024-01-05", "U1"),
        row("personal_report", "2024-03-10", "U2"),
        row("assessment", "2023-12-31", "U1"));
  }

  @Test
  void idNotOnTheRosterIsUnresolved() {
    assertRows("Z's police case",
        unresolved.select("dataset", "record_key", "id_number", "reason", "candidates"),
        row("ga_wf", "GA2", "Z", "ID not on the roster", List.of()));
    assertThat(records.where(col("id_number").equalTo("Z")).count()).as("Z has no supervision record").isZero();
  }
}
