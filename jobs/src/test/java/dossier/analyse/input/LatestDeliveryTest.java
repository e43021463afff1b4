package dossier.analyse.input;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;

import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

@SparkTest
class LatestDeliveryTest {
  private static final String FEBRUARY = "2024-02/xn/xn_yj_202402.csv";
  private static final String APRIL = "2024-04/xn/xn_yj_202402.csv";

  /** February's file, replaced in April: W1's level changed, W2 no longer in it. */
  private static Dataset<Row> replacedFile(SparkSession spark) {
    StructType schema = StructType.fromDDL("warning_no string, level string, record_state string, "
        + "delivery_month string, file_month string, source_file string, source_path string, row_number int, "
        + "superseded_by string");
    return spark.createDataFrame(List.of(
        RowFactory.create("W1", "黄色", "新增", "2024-02", "2024-02", "xn_yj_202402.csv", FEBRUARY, 2, APRIL),
        RowFactory.create("W2", "黄色", "新增", "2024-02", "2024-02", "xn_yj_202402.csv", FEBRUARY, 3, APRIL),
        RowFactory.create("W1", "红色", "新增", "2024-04", "2024-02", "xn_yj_202402.csv", APRIL, 2, null)), schema);
  }

  @Test
  void aReplacedFileHoldsUntilItsReplacementArrivesWhichChangesAndWithdrawsFromItsMonth(SparkSession spark) {
    Dataset<Row> raw = LatestDelivery.withWithdrawals(replacedFile(spark), List.of("warning_no"));
    assertRows("as delivered by March: February's version", LatestDelivery.asDeliveredBy(raw, List.of("warning_no"),
            YearMonth.of(2024, 3)).select("warning_no", "level", "source_path"),
        row("W1", "黄色", FEBRUARY), row("W2", "黄色", FEBRUARY));
    assertRows("as delivered by April: the replacement's, W2 withdrawn", LatestDelivery.asDeliveredBy(raw,
            List.of("warning_no"), YearMonth.of(2024, 4)).select("warning_no", "level", "source_path"),
        row("W1", "红色", APRIL));
  }
}
