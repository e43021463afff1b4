package dossier.publish;

import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dossier.analyse.Fixtures;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The restricted zone's person-level tables, from small conformed stand-ins, without I/O. */
@SparkTest
class RestrictedTransformsTest {
  /** Conformed supervision_record rows: the record versions' columns and the delivery fields fact_record keeps. */
  private static Dataset<Row> supervisionRecords(SparkSession spark, Fixtures.RecordVersion... records) {
    return Fixtures.versions(spark, records).drop("version_month")
        .withColumn("rules_fired", array(lit("fixture")))
        .withColumn("source_datasets", array(lit("fixture")))
        .withColumn("first_delivery", lit("2024-01"))
        .withColumn("last_delivery", lit("2024-03"))
        .withColumn("derived", lit(false));
  }

  @Test
  void aFactRecordShowsAPetitionsFindingAndARevokedRecordsPointsAsDecidedAndAsCountedNow(SparkSession spark) {
    Dataset<Row> facts = RestrictedTransforms.factRecords(supervisionRecords(spark,
        record("petition").person("p1").unit("U1").category("petition").sub("作风").attr("finding", "查实")
            .on("2024-01-10").points(3).delivered("2024-01"),
        record("open petition").person("p1").unit("U1").category("petition").sub("廉洁").on("2024-02-10")
            .points(0).delivered("2024-02"),
        record("revoked sanction").person("p2").unit("U1").sanction("警告").on("2024-01-05").points(4)
            .delivered("2024-03").revoked(),
        record("sanction").person("p2").unit("U1").sanction("记过").attr("finding", "not a petition's")
            .on("2024-02-05").points(6).delivered("2024-02")));

    Rows.assertRows("record, sub-category, finding, points as decided, points counted, state",
        facts.select(col("record_id"), col("sub_category"), col("finding"), col("points"), col("points_counted"),
            col("state")),
        row("petition", "作风", "查实", dec("3.00"), dec("3.00"), "active"),
        row("open petition", "廉洁", null, dec("0.00"), dec("0.00"), "active"),
        row("revoked sanction", "警告", null, dec("4.00"), dec("0.00"), "revoked"),
        row("sanction", "记过", null, dec("6.00"), dec("6.00"), "active"));
  }

  private static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
