package dossier.land;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.contract.Provenance;
import dossier.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One landing run over a small delivery with every kind of file; each test checks one behaviour of it. */
@SparkTest
class LandJobTest {
  static final String ID_A = "11010519491231002X";
  static final String ID_B = Fixtures.id("32120219800101123");
  static final String BAD_CHECK_DIGIT = "110105194912310021";

  @TempDir static Path landing;
  @TempDir static Path lake;
  static SparkSession spark;
  static LandJob.Result result;

  @BeforeAll
  static void landOneDelivery(SparkSession session) throws Exception {
    spark = session;
    Fixtures.csv(landing, "2024-06/jw/jw_cf_202406.csv", Fixtures.GBK, false,
        "身份证号,姓名,处分种类,处分类型,处分决定日期,决定文号,备注",
        ID_A + ",张 三,党纪处分,警告,2024/6/3,J-1,初犯",
        "110105491231002,李四,政务处分,记过,2024年6月5日,J-2,",
        BAD_CHECK_DIGIT + ",王五,政务处分,记过,20240605,J-3,",
        ID_B + ",赵六,党纪处分,记过,2024-06-07,J-4,",
        "");
    Fixtures.csv(landing, "2024-06/xf/xf_jb_202406.csv", StandardCharsets.UTF_8, true,
        "信访编号,被反映人姓名,被反映人单位,身份证号,反映问题类别,受理日期,办理状态,核查结论",
        "X-1,钱七,新坝镇," + BAD_CHECK_DIGIT + ",作风,2024-06-10,受理,",
        "X-2,孙　八,新坝镇,无,廉洁,2024.6.11,办结,查实");
    Fixtures.csv(landing, "2024-06/xn/xn_yj_202406.csv",
        "预警编号,预警对象类型,单位代码,身份证号,预警级别,事由,预警日期,扣分",
        "W-1,个人,U01,,苗头预警,迟到,2024-06-12,1",
        "W-2,单位,U01,,扣分预警,拖延,45455,２");
    Fixtures.xlsx(landing, "2024-06/zzb/zzb_txhx_202406.xlsx", "2024年6月提醒函询诫勉情况表",
        List.of("身份证号", "姓名", "类型", "事由", "发文日期", "文号"),
        List.of(List.of(ID_A, "张三", "提醒", "迟到", LocalDate.of(2024, 6, 20), "T-1"),
            List.of(ID_B, "赵 六", "函询", "反映", "2024年6月21日", "T-2")),
        "填报单位：区委组织部");
    Fixtures.csv(landing, "2024-06/zzb/zzb_cf_202406.csv",
        "身份证号,姓名,处分种类,处分类型", ID_A + ",张三,党纪处分,警告", ID_B + ",赵六,政务处分,记过");
    Fixtures.csv(landing, "2024-06/zzb/zzb_abc_202406.csv", "a,b", "1,2");
    // An editor's lock file and a folder being copied in: hidden, so not deliveries (not in the manifest).
    Fixtures.csv(landing, "2024-06/xn/.~lock.xn_yj_202406.csv#", "预警编号", "W-9");
    Fixtures.csv(landing, "2024-06/_copying/xn/xn_yj_202406.csv", "预警编号", "W-9");
    result = Fixtures.land(spark, landing, lake, "run-1");
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve("raw").resolve(name).toString());
  }

  @Test
  void manifestRecordsEveryFileWithItsStatusAndRowCounts() {
    assertRows("manifest", table("file_manifest").select("source_path", "dataset", "format", "encoding", "status",
            "rows_read", "rows_landed", "rows_quarantined", "rows_rejected"),
        row("2024-06/jw/jw_cf_202406.csv", "jw_cf", "csv", "GB18030", "landed", 4L, 2L, 2L, 0L),
        row("2024-06/xf/xf_jb_202406.csv", "xf_jb", "csv", "UTF-8-BOM", "landed", 2L, 2L, 0L, 0L),
        row("2024-06/xn/xn_yj_202406.csv", "xn_yj", "csv", "UTF-8", "landed", 2L, 1L, 1L, 0L),
        row("2024-06/zzb/zzb_txhx_202406.xlsx", "zzb_txhx", "xlsx", null, "landed", 2L, 2L, 0L, 0L),
        row("2024-06/zzb/zzb_cf_202406.csv", "zzb_cf", "csv", "UTF-8", "rejected", 2L, 0L, 0L, 2L),
        row("2024-06/zzb/zzb_abc_202406.csv", null, "csv", "UTF-8", "rejected", 0L, 0L, 0L, 0L));
  }

  @Test
  void everyFileConservesItsRows() {
    assertThat(table("file_manifest").where("rows_read <> rows_landed + rows_quarantined + rows_rejected").count())
        .as("files where read != landed + quarantined + in a rejected file").isZero();
  }

  @Test
  void gbkCsvLandsWithNormalisedTypedValuesAndDefaults() {
    assertRows("jw_cf", table("jw_cf").select("id_number", "name", "sanction", "decided", "doc_no", "record_state",
            "row_number").selectExpr("id_number", "name", "sanction", "cast(decided as string)", "doc_no",
            "record_state", "row_number"),
        row(ID_A, "张三", "警告", "2024-06-03", "J-1", "新增", 2),
        row(ID_A, "李四", "记过", "2024-06-05", "J-2", "新增", 3));
  }

  @Test
  void rawTableHasCanonicalColumnsThenProvenanceColumns() {
    List<String> columns = Arrays.asList(table("zzb_txhx").columns());
    assertThat(columns).as("zzb_txhx columns").containsExactly("id_number", "name", "kind", "reason", "issued",
        "doc_no", "record_state", "delivery_month", "file_month", "source_file", "source_path", "file_sha256",
        "row_number", "run_id", "landed_at", "raw_values", "flags", "superseded_by");
    assertThat(table("zzb_txhx").schema().apply("issued").dataType().typeName()).as("issued type").isEqualTo("date");
  }

  @Test
  void rawValuesKeepEveryOriginalCellIncludingUnknownColumns() {
    assertRows("raw values of J-1", table("jw_cf").where("doc_no = 'J-1'")
            .selectExpr("raw_values['姓名']", "raw_values['备注']", "raw_values['处分决定日期']"),
        row("张 三", "初犯", "2024/6/3"));
  }

  @Test
  void xlsxTitleBlankAndFooterRowsAreNotDataAndRealDateCellsAreRead() {
    assertRows("zzb_txhx", table("zzb_txhx").selectExpr("doc_no", "name", "cast(issued as string)", "row_number"),
        row("T-1", "张三", "2024-06-20", 4),
        row("T-2", "赵六", "2024-06-21", 5));
  }

  @Test
  void invalidRowsAreQuarantinedWithEveryReason() {
    assertRows("quarantine of jw_cf", table("quarantine").where("dataset = 'jw_cf'")
            .select("source_path", "row_number", "reasons"),
        row("2024-06/jw/jw_cf_202406.csv", 4, List.of("id_number: wrong check digit")),
        row("2024-06/jw/jw_cf_202406.csv", 5, List.of("the sanction exists for its class (党纪处分 or 政务处分)")));
  }

  @Test
  void invalidOptionalIdIsSetAsideWithAFlag() {
    assertRows("xf_jb", table("xf_jb").selectExpr("petition_no", "name", "id_number", "flags",
            "cast(received as string)"),
        row("X-1", "钱七", null, List.of("id_number set aside: wrong check digit"), "2024-06-10"),
        row("X-2", "孙八", null, List.of(), "2024-06-11"));
  }

  @Test
  void failingRowCheckQuarantinesThePersonWarningWithoutId() {
    assertRows("xn_yj quarantine", table("quarantine").where("dataset = 'xn_yj'").select("row_number", "reasons"),
        row(2, List.of("a warning on a person names the person (身份证号)")));
    assertRows("xn_yj landed", table("xn_yj").selectExpr("warning_no", "cast(issued as string)", "points"),
        row("W-2", "2024-06-12", new java.math.BigDecimal("2")));
  }

  @Test
  void missingRequiredColumnRejectsTheFileAsOneQuarantineEntryStandingForItsRows() {
    // Issue 22, defect 2: the file is one entry with its reason, its rows are not quarantined rows.
    String reason = "missing required column 'decided' (处分决定日期 or 决定日期)";
    assertRows("zzb_cf quarantine", table("quarantine").where("dataset = 'zzb_cf'").select("row_number", "reasons"),
        row(null, List.of(reason)));
    assertRows("zzb_cf manifest message", table("file_manifest").where("dataset = 'zzb_cf'").select("message"),
        row(reason));
    assertThat(table("zzb_cf").count()).as("rows of the rejected file in zzb_cf").isZero();
  }

  @Test
  void unknownDatasetFileIsOneQuarantineRowWithoutRowNumber() {
    String reason = "unknown dataset 'zzb_abc': no contract dossier.datasets.zzb_abc is configured";
    assertRows("quarantine", table("quarantine").where("source_file = 'zzb_abc_202406.csv'")
            .select("dataset", "row_number", "reasons"),
        row(null, null, List.of(reason)));
  }

  @Test
  void resultLinesCountFilesAndRowsPerDataset() {
    assertThat(result.lines()).as("console lines").contains(
        "jw_cf      files 1  read 4  landed 2  quarantined 2",
        "zzb_cf     files 1  read 2  landed 0  quarantined 0  in rejected files 2",
        "total      files 5  read 12  landed 7  quarantined 3  in rejected files 2");
  }

  @Test
  void provenanceNamesTheDeliveryAndTheRun() {
    assertRows("provenance", table("jw_cf").where("doc_no = 'J-1'").select(Provenance.DELIVERY_MONTH,
            Provenance.FILE_MONTH, Provenance.SOURCE_FILE, Provenance.RUN_ID),
        row("2024-06", "2024-06", "jw_cf_202406.csv", "run-1"));
  }
}
