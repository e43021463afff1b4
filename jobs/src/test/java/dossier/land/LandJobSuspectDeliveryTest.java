package dossier.land;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One landing run, as of 2026-11, over a delivery an operator would question: a file named for
 * the next month in this month's folder, an empty file, a header-only file and sanctions dated in
 * 2099 and 1900. Each test checks what the run says about one of them.
 */
@SparkTest
class LandJobSuspectDeliveryTest {
  static final String ID_A = "11010519491231002X";

  @TempDir static Path landing;
  @TempDir static Path lake;
  static SparkSession spark;
  static LandJob.Result result;

  @BeforeAll
  static void landTheNovemberDelivery(SparkSession session) throws Exception {
    spark = session;
    String[] crossings = {"证件号码,姓名,出入境类型,出入境日期,口岸", ID_A + ",张三,出境,2026-12-03,浦东机场"};
    Fixtures.csv(landing, "2026-11/ga/ga_crj_202612.csv", crossings);
    Fixtures.csv(landing, "2026-12/ga/ga_crj_202612.csv", crossings);
    Fixtures.csv(landing, "2026-11/jw/jw_cf_202611.csv", "身份证号,姓名,处分种类,处分类型,处分决定日期,决定文号");
    Files.write(Files.createDirectories(landing.resolve("2026-11/zzb")).resolve("zzb_txhx_202611.csv"), new byte[0]);
    Fixtures.csv(landing, "2026-11/zzb/zzb_cf_202611.csv", "身份证号,姓名,处分种类,处分类型,处分决定日期,决定文号",
        ID_A + ",张三,党纪处分,警告,2099-06-01,Z-1", ID_A + ",张三,政务处分,记过,1900-01-02,Z-2",
        ID_A + ",张三,政务处分,记过,2026-11-03,Z-3", ID_A + ",张三,政务处分,警告,2026-12-31,Z-4");
    result = Fixtures.land(spark, landing, lake, "run-1", Optional.of(YearMonth.of(2026, 11)));
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve("raw").resolve(name).toString());
  }

  @Test
  void aFileNamedForALaterMonthThanItsFolderIsRejectedWithTheReason() {
    assertRows("manifest", table("file_manifest").where("dataset = 'ga_crj'")
            .select("source_path", "status", "rows_read", "message"),
        row("2026-11/ga/ga_crj_202612.csv", "rejected", 0L,
            "file name month 2026-12 is after its delivery folder 2026-11: deliver it in the 2026-12 folder"));
    assertThat(table("ga_crj").count()).as("ga_crj rows landed").isZero();
  }

  @Test
  void anEmptyFileIsRejectedAsAnEmptyFile() {
    assertRows("manifest", table("file_manifest").where("dataset = 'zzb_txhx'").select("status", "rows_read", "message"),
        row("rejected", 0L, "empty file"));
    assertRows("quarantine", table("quarantine").where("dataset = 'zzb_txhx'").select("row_number", "reasons"),
        row(null, List.of("empty file")));
  }

  @Test
  void aHeaderOnlyFileLandsWithTheWarningNoDataRows() {
    assertRows("manifest", table("file_manifest").where("dataset = 'jw_cf'").select("status", "rows_read", "message"),
        row("landed", 0L, "no data rows"));
  }

  @Test
  void implausibleDatesAreQuarantinedWithTheRangeTheyLeft() {
    assertRows("quarantine", table("quarantine").where("dataset = 'zzb_cf'").select("row_number", "reasons"),
        row(2, List.of("decided: implausible date, after 2026-12-31 (the delivery month's end + 31 days)")),
        row(3, List.of("decided: implausible date, before 1949-01-01 (the earliest year 1949)")));
    assertRows("landed", table("zzb_cf").select("doc_no", "decided"),
        row("Z-3", java.sql.Date.valueOf("2026-11-03")), row("Z-4", java.sql.Date.valueOf("2026-12-31")));
  }

  @Test
  void theRunSummaryNamesEveryQuestionableFile() {
    assertThat(result.lines()).as("summary lines").contains(
        "rejected   2026-11/ga/ga_crj_202612.csv  (file name month 2026-12 is after its delivery folder 2026-11: "
            + "deliver it in the 2026-12 folder)",
        "rejected   2026-11/zzb/zzb_txhx_202611.csv  (empty file)",
        "warning    2026-11/jw/jw_cf_202611.csv  (no data rows)");
  }
}
