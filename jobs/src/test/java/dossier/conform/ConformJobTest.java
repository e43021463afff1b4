package dossier.conform;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.job.JobContext;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.lake.TableComparison;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conform job on Delta tables: one full conform and month-by-month incremental conforms give
 * the same conformed layer, and conforming again without new data writes nothing. The district
 * exercises every path by which a month can change earlier records: a move, a re-delivered file,
 * a correction, a revocation, a sanction whose second source comes later, a re-sent petition, a
 * unit renamed, a cadre joining the roster after his record, a travel filing arriving after the
 * exit, and leave falling overdue with time alone.
 */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformJobTest {
  private static final List<String> MONTHS = List.of("2024-01", "2024-02", "2024-03");
  /** The months landed and conformed one after the other: the first is a full rebuild, March changes February's records. */
  private static final List<String> CONFORM_AFTER = List.of("2024-02", "2024-03");
  private static final Set<String> RUN_COLUMNS = Set.of("run_id", "finished_at");

  private Path folder;
  private RawFixture raw;
  private Lake full;
  private ConformJob.Result fullResult;

  @BeforeAll
  void conformOnce(SparkSession spark, @TempDir Path folder) {
    this.folder = folder;
    raw = district(TestSettings.raw(spark));
    full = new Lake(folder.resolve("full").toString());
    raw.land(full, "9999-12");
    fullResult = conform(spark, full);
  }

  private static ConformJob.Result conform(SparkSession spark, Lake lake) {
    JobContext context = new JobContext(TestSettings.DOSSIER.withPaths("unused", lake.root()), spark, lake, "test-run",
        Instant.now());
    return new ConformJob(context).run();
  }

  @Test
  void monthByMonthConformsEqualOneFullConform(SparkSession spark) {
    Lake monthly = new Lake(folder.resolve("monthly").toString());
    for (String month : CONFORM_AFTER) {
      raw.land(monthly, month);
      assertThat(conform(spark, monthly).headline()).as("conform of the deliveries up to " + month)
          .contains(month.equals(CONFORM_AFTER.get(0)) ? "full rebuild" : "incremental");
    }

    List<TableComparison.Difference> differences = TableComparison.compare(spark, monthly.root(), full.root(), "conformed", RUN_COLUMNS);

    assertThat(differences).as("conformed tables compared").hasSize(ConformedTables.values().length - 1);
    assertThat(differences).as("month by month = full rebuild").allMatch(TableComparison.Difference::same);
  }

  @Test
  void conformingAgainWithoutNewDataWritesNothing(SparkSession spark) {
    Map<String, Long> before = versions(spark, full);

    ConformJob.Result again = conform(spark, full);

    assertThat(again.headline()).as("second run").startsWith("nothing new since the last conform");
    assertThat(versions(spark, full)).as("Delta versions of every conformed table").isEqualTo(before);
    assertThat(again.lines()).as("the same summary").isEqualTo(
        Stream.concat(Stream.of(again.headline()), fullResult.lines().stream().skip(1)).toList());
  }

  private static Map<String, Long> versions(SparkSession spark, Lake lake) {
    Map<String, Long> versions = new TreeMap<>();
    TableAccess tables = new TableAccess(spark, lake);
    for (ConformedTables table : ConformedTables.values()) {
      versions.put(table.table(), tables.version(lake.conformed(table.table())).orElseThrow());
    }
    return versions;
  }

  /** Three months of a small district (see the class comment): March changes February's records. */
  private static RawFixture district(RawFixture raw) {
    for (String month : MONTHS) {
      String m = month.replace("-", "");
      boolean march = month.equals("2024-03");
      raw.file(month, "zzb_unit_" + m + ".csv").row("unit_code", "U1", "unit_name", "甲镇", "unit_type", "镇街")
          .row("unit_code", "U2", "unit_name", march ? "乙局新" : "乙局", "unit_type", "部门");
      RawFixture.File roster = raw.file(month, "zzb_roster_" + m + ".csv")
          .row("id_number", "A", "name", "甲", "unit_code", march ? "U2" : "U1", "post", "镇长", "rank", "正科", "role", "正职")
          .row("id_number", "B", "name", "王五", "unit_code", "U2", "post", "局长", "rank", "正科", "role", "正职");
      if (march) {
        roster.row("id_number", "Z", "name", "丙", "unit_code", "U1", "post", "副镇长", "rank", "副科", "role", "副职");
      }
    }
    raw.file("2024-02", "jw_cf_202402.csv").row("id_number", "A", "sanction_class", "党纪处分", "sanction", "警告",
        "decided", "2024-01-20", "doc_no", "纪1");
    raw.file("2024-03", "zzb_cf_202403.csv").row("id_number", "A", "sanction_class", "党纪处分", "sanction", "警告",
        "decided", "2024-01-25");
    raw.file("2024-02", "ga_wf_202402.csv")
        .row("id_number", "A", "cause", "酒后驾驶", "outcome", "罚款", "occurred", "2024-02-14", "case_no", "GA1")
        .row("id_number", "Z", "cause", "赌博", "outcome", "罚款", "occurred", "2024-02-01", "case_no", "GA2");
    raw.file("2024-03", "ga_wf_202402.csv")
        .row("id_number", "A", "cause", "醉酒驾驶", "outcome", "罚款", "occurred", "2024-02-14", "case_no", "GA1")
        .row("id_number", "Z", "cause", "赌博", "outcome", "罚款", "occurred", "2024-02-01", "case_no", "GA2");
    raw.file("2024-02", "zzb_txhx_202402.csv").row("id_number", "B", "kind", "提醒", "issued", "2024-02-15", "doc_no", "组1")
        .row("id_number", "B", "kind", "函询", "issued", "2024-02-16", "doc_no", "组2");
    raw.file("2024-03", "zzb_txhx_202403.csv").row("id_number", "B", "kind", "诫勉", "issued", "2024-02-15", "doc_no", "组1",
        "record_state", "更正").row("id_number", "B", "kind", "函询", "issued", "2024-02-16", "doc_no", "组2", "record_state", "撤销");
    for (String month : List.of("2024-02", "2024-03")) {
      raw.file(month, "xf_jb_" + month.replace("-", "") + ".csv")
          .row("petition_no", "P1", "name", "王五", "unit_name", "乙局", "topic", "作风", "received", "2024-02-03",
              "status", month.equals("2024-03") ? "办结" : "办理中", "finding", month.equals("2024-03") ? "部分查实" : null);
    }
    raw.file("2024-02", "ga_crj_202402.csv").row("id_number", "A", "direction", "出境", "crossed", "2024-02-05",
        "destination", "泰国");
    raw.file("2024-03", "zzb_crjbb_202403.csv").row("id_number", "A", "planned_exit", "2024-02-06",
        "planned_entry", "2024-02-12", "approval", "同意");
    raw.file("2024-02", "zzb_qj_202402.csv").row("id_number", "B", "leave_type", "事假", "start", "2024-02-18",
        "end", "2024-02-20", "approval", "已批准");
    return raw;
  }
}
