package dossier.publish;

import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class IdNumbersTest {
  /** A valid ID with the check character X (GB 11643's worked example). */
  private static final String ID_X = "11010519491231002X";
  /** A valid ID with a digit as check character. */
  private static final String ID_DIGIT = "320106198507151233";
  /** A valid old 15-digit ID (born 1949-12-31). */
  private static final String OLD_ID = "110105491231002";

  @Test
  void idShapedTextIsMaskedWhereverItStands(SparkSession spark) {
    Rows.assertRows("masked", Rows.of(spark, "text string",
                row("32120219800101123X"), row("身份证号 321202800101123 有误"), row("３２１２０２１９８００１０１１２３ｘ"),
                row("32120219800101123x: wrong check digit"), row("3212021980010112: a digit short"),
                row("no id here: 2024-03-01"))
            .select(IdNumbers.masked(col("text"))),
        row("[身份证号]"), row("身份证号 [身份证号] 有误"), row("[身份证号]"), row("[身份证号]: wrong check digit"),
        row("[身份证号]: a digit short"), row("no id here: 2024-03-01"));
  }

  @Test
  void anIdFollowedByAStrayDigitOrInsideLettersIsMasked(SparkSession spark) {
    Rows.assertRows("masked", Rows.of(spark, "text string",
                row(ID_X + "0"), row("0" + ID_DIGIT), row("abc" + ID_X + "def"), row("编号" + OLD_ID + "A1"))
            .select(IdNumbers.masked(col("text"))),
        row("[身份证号]0"), row("[身份证号]"), row("abc[身份证号]def"), row("编号[身份证号]A1"));
  }

  @Test
  void anIdNumberIsFoundInsideAnyText(SparkSession spark) {
    Dataset<Row> texts = Rows.of(spark, "k string, text string",
        row("X last, a stray digit after", ID_X + "0"), row("a stray digit before", "7" + ID_DIGIT),
        row("inside letters", "abc" + ID_X.toLowerCase() + "def"), row("full-width", "ＩＤ：１１０１０５１９４９１２３１００２Ｘ"),
        row("old 15-digit inside letters", "x" + OLD_ID + "y"), row("plain text", "2024-03-01 记过 32 points"),
        row("a wrong check digit", "110105194912310021"), row("no real birth month", "110105491331002"),
        row("null", null));

    Rows.assertRows("texts holding an ID number", texts.filter(IdNumbers.holdsIdNumber(col("text"))).select("k"),
        row("X last, a stray digit after"), row("a stray digit before"), row("inside letters"), row("full-width"),
        row("old 15-digit inside letters"), row("a wrong check digit"));
  }

  @Test
  void aPersonKeyOrRecordIdWhoseDigitsFormAnIdIsNoIdNumber(SparkSession spark) {
    String personKey = "a" + ID_DIGIT + "f" + "0123456789abcdef0123456789abcdef0123456789ab";
    String recordId = "c" + ID_DIGIT + "abcde";

    assertThat(personKey.length() + " / " + recordId.length()).as("token lengths").isEqualTo("64 / 24");
    assertThat(Rows.of(spark, "text string", row(personKey), row(recordId), row("evidence " + recordId + ", " + personKey))
        .filter(IdNumbers.holdsIdNumber(col("text"))).count()).as("digests holding an ID").isZero();
  }

  @Test
  void aRowWithAnIdInANestedTextIsFound(SparkSession spark) {
    Dataset<Row> rows = Rows.of(spark,
        "k string, n int, raw map<string,string>, notes array<string>, s array<struct<t:string,x:int>>",
        row("in a map value", 1, Map.of("身份证号", ID_X + "0"), List.of(), List.of()),
        row("in a map key", 2, Map.of(ID_X, "x"), List.of(), List.of()),
        row("in an array", 3, Map.of(), List.of("ok", "id " + ID_DIGIT), List.of()),
        row("in a struct of an array", 4, Map.of(), List.of(), List.of(RowFactory.create("a" + ID_DIGIT, 1))),
        row("nowhere", 5, Map.of("姓名", "张三"), List.of("ok"), List.of(RowFactory.create("ok", 2))));

    Rows.assertRows("rows holding an ID", rows.filter(IdNumbers.inRow(rows.schema()).orElseThrow()).select("k"),
        row("in a map value"), row("in a map key"), row("in an array"), row("in a struct of an array"));
    assertThat(IdNumbers.rowsHoldingIdNumbers(rows)).as("rows counted by the gate").isEqualTo(4);
  }

  @Test
  void rowsWithoutTextNeedNoCheck(SparkSession spark) {
    assertThat(IdNumbers.inRow(Rows.of(spark, "n int, d date", row(1, null)).schema())).as("condition").isEmpty();
  }

  @Test
  void theQuarantinedValuesAndReasonsAreMasked(SparkSession spark) {
    Dataset<Row> raw = Rows.of(spark, "dataset string, source_file string, source_path string, delivery_month string,"
            + " row_number int, raw_values map<string,string>, reasons array<string>",
        row("jw_cf", "jw_cf_202611.csv", "2026-11/jw/jw_cf_202611.csv", "2026-11", 3,
            Map.of("身份证号", ID_X + "0", "姓名", "张三"), List.of("id_number: wrong length (expected 18 or 15 characters)")));

    Row quarantined = RestrictedTransforms.quarantine(raw).first();

    assertThat(quarantined.<String, String>getJavaMap(quarantined.fieldIndex("raw_values")))
        .as("raw values").containsExactlyInAnyOrderEntriesOf(Map.of("身份证号", "[身份证号]0", "姓名", "张三"));
    assertThat(IdNumbers.rowsHoldingIdNumbers(RestrictedTransforms.quarantine(raw))).as("rows the gate stops").isZero();
  }
}
