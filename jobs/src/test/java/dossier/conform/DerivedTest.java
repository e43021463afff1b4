package dossier.conform;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;

import dossier.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Derived records (rules.md §1, windows of dossier.rules.derived: 3 days before a filed exit, 3
 * days to return from leave, 30 days to close leave, 30 days to report): cadre A, data up to June 2024.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DerivedTest {
  private Dataset<Row> versions;

  @BeforeAll
  void conform(SparkSession spark) {
    RawFixture raw = TestSettings.raw(spark);
    raw.file("2024-01", "zzb_unit_202401.csv").row("unit_code", "U1", "unit_name", "甲镇", "unit_type", "镇街");
    raw.file("2024-01", "zzb_roster_202401.csv").row("id_number", "A", "name", "甲", "unit_code", "U1", "post", "镇长",
        "rank", "正科", "role", "正职");
    raw.file("2024-03", "zzb_crjbb_202403.csv")
        .row("id_number", "A", "planned_exit", "2024-03-12", "planned_entry", "2024-03-20", "approval", "同意")
        .row("id_number", "A", "planned_exit", "2024-04-05", "planned_entry", "2024-04-09", "approval", "同意")
        .row("id_number", "A", "planned_exit", "2024-05-19", "planned_entry", "2024-05-25", "approval", "不同意");
    raw.file("2024-05", "zzb_crjbb_202405.csv")
        .row("id_number", "A", "planned_exit", "2024-04-10", "planned_entry", "2024-04-15", "approval", "同意");
    raw.file("2024-03", "ga_crj_202403.csv")
        // 3 days before the planned exit: covered; the return on the planned entry day is an entry.
        .row("id_number", "A", "direction", "出境", "crossed", "2024-03-09", "destination", "日本")
        .row("id_number", "A", "direction", "入境", "crossed", "2024-03-20", "destination", "日本");
    raw.file("2024-04", "ga_crj_202404.csv")
        // 4 days before the planned exit: not covered.
        .row("id_number", "A", "direction", "出境", "crossed", "2024-04-01", "destination", "泰国")
        // covered only by the filing delivered in May.
        .row("id_number", "A", "direction", "出境", "crossed", "2024-04-10", "destination", "越南");
    raw.file("2024-05", "ga_crj_202405.csv")
        // the only filing for it was refused.
        .row("id_number", "A", "direction", "出境", "crossed", "2024-05-20", "destination", "韩国");
    raw.file("2024-03", "zzb_qj_202403.csv")
        .row("id_number", "A", "leave_type", "事假", "start", "2024-03-01", "end", "2024-03-02", "returned", "2024-03-02", "approval", "未批准")
        .row("id_number", "A", "leave_type", "事假", "start", "2024-03-05", "end", "2024-03-10", "returned", "2024-03-13", "approval", "已批准")
        .row("id_number", "A", "leave_type", "事假", "start", "2024-03-06", "end", "2024-03-10", "returned", "2024-03-14", "approval", "已批准");
    raw.file("2024-05", "zzb_qj_202405.csv")
        // 30 days after the end on 31 May: not yet overdue; on 30 June, 60 days: overdue from June.
        .row("id_number", "A", "leave_type", "病假", "start", "2024-04-20", "end", "2024-05-01", "approval", "已批准")
        .row("id_number", "A", "leave_type", "病假", "start", "2024-06-01", "end", "2024-06-15", "approval", "已批准");
    raw.file("2024-04", "zzb_jsbg_202404.csv")
        .row("id_number", "A", "matter", "婚姻变化", "occurred", "2024-03-01", "reported", "2024-03-31")
        .row("id_number", "A", "matter", "子女出国", "occurred", "2024-03-01", "reported", "2024-04-01");
    raw.file("2024-06", "zzb_grsx_202406.csv").row("id_number", "A", "year", "2023", "check_date", "2024-06-01", "result", "一致");
    versions = new InMemoryConform(raw, TestSettings.CONFORM, "2024-06").recordVersions.where(col("derived"));
  }

  private Dataset<Row> of(String category) {
    return versions.where(col("category").equalTo(category))
        .select("event_date", "sub_category", "version_month", "state", "revoked_month", "points", "source_datasets");
  }

  @Test
  void exitsNotCoveredByAnApprovedFilingAreUnfiledTravel() {
    assertRows("4 days early; covered only from May (revoked then); refused filing",
        of("unfiled_travel"),
        row("2024-04-01", "泰国", "2024-04", "active", null, "5", List.of("ga_crj")),
        row("2024-04-10", "越南", "2024-04", "active", null, "5", List.of("ga_crj")),
        row("2024-04-10", "越南", "2024-05", "revoked", "2024-05", "5", List.of("ga_crj")),
        row("2024-05-20", "韩国", "2024-05", "active", null, "5", List.of("ga_crj")));
  }

  @Test
  void leaveWithoutApprovalReturnedLateOrNotClosedIsAnIrregularity() {
    assertRows("未批准; returned 4 days after the end (3 is not late); not returned more than 30 days after the end: from June",
        of("leave_irregularity"),
        row("2024-03-01", "未经批准离岗", "2024-03", "active", null, "2", List.of("zzb_qj")),
        row("2024-03-06", "逾期销假", "2024-03", "active", null, "1", List.of("zzb_qj")),
        row("2024-04-20", "超期未销假", "2024-06", "active", null, "1", List.of("zzb_qj")));
  }

  @Test
  void instantReportMoreThanThirtyDaysLateIsLate() {
    assertRows("31 days is late, 30 is not", of("late_instant_report"),
        row("2024-03-01", "子女出国", "2024-04", "active", null, "1", List.of("zzb_jsbg")));
  }
}
