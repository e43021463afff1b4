package dossier.conform;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.conform.dossier.DossierPage;
import dossier.conform.dossier.Dossiers;
import dossier.testing.SparkTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dossier, as of June 2024 (score window July 2023 – June 2024): A moved from 乙局 to 甲镇 in
 * March 2024 and has a sanction of 2023, a police case and an assessment in the window, and a
 * revoked reminder; B has no record; C left in February.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierTest {
  private Dataset<Row> dossier;
  private InMemoryConform conformed;

  @BeforeAll
  void conform(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    List<String> months = List.of("2024-01", "2024-03", "2024-06");
    raw.twoUnits(months);
    for (String month : months) {
      String m = month.replace("-", "");
      boolean moved = month.compareTo("2024-03") >= 0;
      RawFixture.File roster = raw.file(month, "zzb_roster_" + m + ".csv")
          .row("id_number", "A", "name", "甲", "gender", "男", "birth", "1975-06-01", "unit_code", moved ? "U1" : "U2",
              "post", moved ? "镇长" : "局长", "rank", "正科", "role", "正职", "team_member", "是")
          .row("id_number", "B", "name", "乙", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职");
      if (!moved) {
        roster.row("id_number", "C", "name", "丙", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职");
      }
    }
    raw.file("2024-01", "jw_cf_202401.csv").row("id_number", "A", "sanction_class", "党纪处分", "sanction", "警告",
        "decided", "2023-05-10", "doc_no", "纪1");
    raw.file("2024-03", "ga_wf_202403.csv").row("id_number", "A", "cause", "酒后驾驶", "outcome", "罚款",
        "occurred", "2024-01-20", "case_no", "GA1");
    raw.file("2024-03", "zzb_txhx_202403.csv").row("id_number", "A", "kind", "提醒", "issued", "2024-03-01", "doc_no", "组1");
    raw.file("2024-06", "zzb_txhx_202406.csv").row("id_number", "A", "kind", "提醒", "issued", "2024-03-01", "doc_no", "组1",
        "record_state", "撤销");
    raw.file("2024-01", "zzb_kh_202401.csv").row("id_number", "A", "year", "2022", "grade", "称职")
        .row("id_number", "A", "year", "2023", "grade", "基本称职");
    conformed = new InMemoryConform(raw, TestSettings.CONFORM, "2024-06");
    dossier = InMemoryConform.share(Dossiers.of(conformed.cadres, conformed.units, conformed.records, "2024-06", 12));
  }

  private static Map<String, Long> counts(Object... categoryAndCount) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < categoryAndCount.length; i += 2) {
      counts.put((String) categoryAndCount[i], ((Integer) categoryAndCount[i + 1]).longValue());
    }
    return counts;
  }

  @Test
  void oneRowPerCurrentCadre() {
    assertRows("A and B are on the latest roster, C left", dossier.select("name", "unit_code", "unit_name", "post", "birth_year"),
        row("甲", "U1", "甲镇", "镇长", 1975), row("乙", "U1", "甲镇", "副镇长", null));
  }

  @Test
  void unitAndPostHistoryOldestFirst() {
    assertRows("A's intervals", dossier.where(col("name").equalTo("甲"))
            .select(col("history.valid_from"), col("history.unit_name"), col("history.post")),
        row(java.util.Arrays.asList(null, "2024-02-01"), List.of("乙局", "甲镇"), List.of("局长", "镇长")));
  }

  @Test
  void countsScoreAndAssessmentLeaveOutRevokedRecordsAndTheOldWindow() {
    assertRows("A: the 2023 sanction is outside the window, the reminder revoked",
        dossier.where(col("name").equalTo("甲")).select(col("record_counts"), col("record_counts_12m"), col("score_12m"),
            col("latest_assessment.year"), col("latest_assessment.grade")),
        row(counts("assessment", 2, "police", 1, "sanction", 1), counts("assessment", 1, "police", 1), "7", 2023, "基本称职"));
  }

  @Test
  void sanctionsAreListed() {
    assertRows("A's sanction", dossier.where(col("name").equalTo("甲"))
            .select(col("sanctions.event_date"), col("sanctions.sub_category"), col("sanctions.state")),
        row(List.of("2023-05-10"), List.of("党纪处分/警告"), List.of("active")));
  }

  @Test
  void cadreWithoutRecordsHasEmptyCountsAndZeroScore() {
    assertRows("B", dossier.where(col("name").equalTo("乙"))
            .select(col("record_counts"), col("record_counts_12m"), col("score_12m"), col("sanctions"), col("latest_assessment")),
        row(counts(), counts(), "0", List.of(), null));
  }

  @Test
  void pageShowsIdentityHistoryCountsRecordsAndScore() {
    Row a = dossier.where(col("name").equalTo("甲")).first();
    List<Row> records = conformed.records.where(col("id_number").equalTo("A")).orderBy("event_date").collectAsList();

    String page = DossierPage.page(a, records, TestSettings.CONFORM.categories());

    assertThat(page).as("the page").contains("姓名 甲", "现任 甲镇 (U1) · 镇长", "近12个月得分 score 7.00",
        "首份名册前 – 2024-02-01", "乙局 (U2)", "2023-05-10", "党纪处分/警告", "jw_cf", "撤销 2024-06",
        "最近年度考核 latest assessment: 2023 基本称职");
    assertThat(page.lines().filter(l -> l.contains("2024-01-20") && l.contains("酒后驾驶"))).as("the police case, in 乙局")
        .singleElement().asString().contains("U2", "4.00");
  }

  @Test
  void pageMasksTheIdNumber() {
    assertThat(DossierPage.masked("321202198709180009")).as("an 18-character ID on the page")
        .isEqualTo("321202********0009");
  }
}
