package dossier.publish;

import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class IdNumbersTest {
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
  void digitsInsideALongerRunOfHexAreNoId(SparkSession spark) {
    String key = "a" + "123456789012345678" + "f00d";

    Rows.assertRows("a person_key-like hex string", Rows.of(spark, "text string", row(key))
        .select(IdNumbers.masked(col("text"))), row(key));
  }

  @Test
  void aRowWithAnIdInANestedValueIsFound(SparkSession spark) {
    var rows = Rows.of(spark, "k string, raw map<string,string>",
        row("a", java.util.Map.of("身份证号", "32120219800101123X")), row("b", java.util.Map.of("姓名", "张三")));

    Rows.assertRows("rows holding an ID", rows.filter(IdNumbers.inRow(rows)).select("k"), row("a"));
  }
}
