package dossier.land;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.assertSameRows;
import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SparkTest;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.time.YearMonth;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What landing again does: nothing for the same files, replacement for new bytes, the same end state in any order. */
@SparkTest
class LandJobRerunTest {
  private static final String HEADER = "身份证号,姓名,处分种类,处分类型,处分决定日期,决定文号";
  private static final String ID = "11010519491231002X";
  private static final List<String> TABLES = List.of("jw_cf", "zzb_txhx", "quarantine", "file_manifest");

  @TempDir Path landing;
  @TempDir Path lake;

  private static void june(Path landing) throws IOException {
    Fixtures.csv(landing, "2024-06/jw/jw_cf_202406.csv", Fixtures.GBK, false, HEADER,
        ID + ",张三,党纪处分,警告,2024/6/3,J-1", ID + ",张三,政务处分,记过,2024/6/4,J-2");
    Fixtures.xlsx(landing, "2024-06/zzb/zzb_txhx_202406.xlsx", "提醒函询诫勉", List.of("身份证号", "类型", "日期", "文号"),
        List.of(List.of(ID, "提醒", "2024-06-20", "T-1"), List.of("bad", "提醒", "2024-06-20", "T-2")), "制表：组织部");
  }

  /** July re-sends June's jw_cf with new bytes: J-2 corrected, J-3 added, one invalid row. */
  private static void july(Path landing) throws IOException {
    Fixtures.csv(landing, "2024-07/jw/jw_cf_202406.csv", Fixtures.GBK, false, HEADER,
        ID + ",张三,党纪处分,警告,2024/6/3,J-1", ID + ",张三,政务处分,记大过,2024/6/4,J-2",
        ID + ",张三,政务处分,降级,2024/6/9,J-3", ID + ",张三,政务处分,降级,someday,J-4");
  }

  /** August re-sends July's file unchanged. */
  private static void august(Path landing) throws IOException {
    Files.createDirectories(landing.resolve("2024-08/jw"));
    Files.copy(landing.resolve("2024-07/jw/jw_cf_202406.csv"), landing.resolve("2024-08/jw/jw_cf_202406.csv"));
  }

  private Dataset<Row> table(SparkSession spark, Path lakeRoot, String name) {
    return spark.read().format("delta").load(lakeRoot.resolve("raw").resolve(name).toString());
  }

  private long version(SparkSession spark, String name) {
    return DeltaTable.forPath(spark, lake.resolve("raw").resolve(name).toString()).history(1)
        .select("version").first().getLong(0);
  }

  private Map<String, Long> versions(SparkSession spark) {
    Map<String, Long> versions = new LinkedHashMap<>();
    TABLES.forEach(t -> versions.put(t, version(spark, t)));
    return versions;
  }

  @Test
  void landingTheSameFolderTwiceChangesNoTable(SparkSession spark) throws IOException {
    june(landing);
    july(landing);
    Fixtures.land(spark, landing, lake, "run-1");
    Map<String, List<Row>> before = new LinkedHashMap<>();
    TABLES.forEach(t -> before.put(t, table(spark, lake, t).collectAsList()));
    Map<String, Long> versionsBefore = versions(spark);

    LandJob.Result again = Fixtures.land(spark, landing, lake, "run-2");

    assertThat(again.entries()).as("manifest rows written by the second run").isEmpty();
    assertThat(versions(spark)).as("Delta versions after the second run").isEqualTo(versionsBefore);
    for (String t : TABLES) {
      Dataset<Row> now = table(spark, lake, t);
      assertSameRows(t + " after landing twice", now, spark.createDataFrame(before.get(t), now.schema()));
    }
  }

  @Test
  void newBytesUnderTheSameNameReplaceTheEarlierVersionWhoseRowsStayMarkedInOneCommitPerTable(SparkSession spark)
      throws IOException {
    june(landing);
    Fixtures.land(spark, landing, lake, "run-1");
    Map<String, Long> versionsBefore = versions(spark);
    july(landing);

    Fixtures.land(spark, landing, lake, "run-2");

    // What June delivered stays delivered in June (issue 22, defect 1): its rows stay, marked, as landed by run-1.
    assertRows("jw_cf rows", table(spark, lake, "jw_cf").select("doc_no", "sanction", "source_path", "superseded_by",
            "run_id"),
        row("J-1", "警告", "2024-06/jw/jw_cf_202406.csv", "2024-07/jw/jw_cf_202406.csv", "run-1"),
        row("J-2", "记过", "2024-06/jw/jw_cf_202406.csv", "2024-07/jw/jw_cf_202406.csv", "run-1"),
        row("J-1", "警告", "2024-07/jw/jw_cf_202406.csv", null, "run-2"),
        row("J-2", "记大过", "2024-07/jw/jw_cf_202406.csv", null, "run-2"),
        row("J-3", "降级", "2024-07/jw/jw_cf_202406.csv", null, "run-2"));
    assertRows("jw_cf quarantine", table(spark, lake, "quarantine").where("dataset = 'jw_cf'")
        .select("source_path", "row_number"), row("2024-07/jw/jw_cf_202406.csv", 5));
    assertRows("manifest", table(spark, lake, "file_manifest").where("dataset = 'jw_cf'")
            .select("source_path", "status", "message", "rows_read", "rows_landed", "rows_quarantined"),
        row("2024-06/jw/jw_cf_202406.csv", "superseded", "replaced by 2024-07/jw/jw_cf_202406.csv", 2L, 2L, 0L),
        row("2024-07/jw/jw_cf_202406.csv", "replaced", "replaces 2024-06/jw/jw_cf_202406.csv", 4L, 3L, 1L));
    assertThat(version(spark, "jw_cf")).as("jw_cf commits").isEqualTo(versionsBefore.get("jw_cf") + 1);
    assertThat(version(spark, "quarantine")).as("quarantine commits").isEqualTo(versionsBefore.get("quarantine") + 1);
    assertThat(version(spark, "file_manifest")).as("manifest commits").isEqualTo(versionsBefore.get("file_manifest") + 1);
    assertThat(version(spark, "zzb_txhx")).as("untouched table").isEqualTo(versionsBefore.get("zzb_txhx"));
  }

  @Test
  void anIdenticalRedeliveryIsSkippedAndChangesNoRow(SparkSession spark) throws IOException {
    june(landing);
    july(landing);
    Fixtures.land(spark, landing, lake, "run-1");
    Map<String, Long> versionsBefore = versions(spark);
    august(landing);

    LandJob.Result result = Fixtures.land(spark, landing, lake, "run-2");

    assertRows("manifest row of the re-delivery", table(spark, lake, "file_manifest")
            .where("source_path = '2024-08/jw/jw_cf_202406.csv'").select("status", "message", "rows_read"),
        row("skipped", "identical to 2024-07/jw/jw_cf_202406.csv", 0L));
    assertThat(result.lines()).as("console").contains(
        "skipped    2024-08/jw/jw_cf_202406.csv  (identical to 2024-07/jw/jw_cf_202406.csv)");
    assertThat(version(spark, "jw_cf")).as("jw_cf commits").isEqualTo(versionsBefore.get("jw_cf"));
    assertThat(version(spark, "quarantine")).as("quarantine commits").isEqualTo(versionsBefore.get("quarantine"));
  }

  @Test
  void oneRunOverAllMonthsEqualsOneRunPerMonthInOrder(SparkSession spark, @TempDir Path monthlyLake)
      throws IOException {
    june(landing);
    july(landing);
    august(landing);
    Fixtures.land(spark, landing, lake, "all-at-once");
    for (String month : List.of("2024-06", "2024-07", "2024-08")) {
      LandJob.Result result = Fixtures.land(spark, landing, monthlyLake, month, Optional.of(YearMonth.parse(month)));
      assertThat(result.lines()).as("later folders wait, " + month).anyMatch(
          line -> month.equals("2024-08") || line.contains("after " + month + " left for a later run"));
    }

    for (String t : TABLES) {
      assertSameRows(t + ": one run vs. one run per month",
          table(spark, lake, t).drop("run_id", "landed_at", "recorded_at"),
          table(spark, monthlyLake, t).drop("run_id", "landed_at", "recorded_at"));
    }
  }
}
