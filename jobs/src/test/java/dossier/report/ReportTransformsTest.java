package dossier.report;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class ReportTransformsTest {
  private static final String AGG = "unit_code string, unit_name string, period_type string, period string, "
      + "category string, records bigint, suppressed boolean";
  private static final String WARNING = "unit_code string, unit_name string, month string, cadres int, "
      + "cadres_with_points int, share decimal(5,4), severe_records int, sanctions int, level_label string, "
      + "level_rank int, reasons array<string>, suppressed boolean";

  @Test
  void categorySumsSkipSuppressedUnitFiguresAndCountThem(SparkSession spark) {
    Dataset<Row> agg = Rows.of(spark, AGG,
        row("U1", "甲", "month", "2025-03", "petition", 4L, false),
        row("U2", "乙", "month", "2025-03", "petition", null, true),
        row("U1", "甲", "month", "2025-02", "petition", 3L, false),
        row("U1", "甲", "month", "2025-03", "all", 4L, false));

    assertRows("petition: 4 this month (one unit suppressed), 3 last month",
        ReportTransforms.recordsByCategory(agg, "month", List.of("2025-03", "2025-02")),
        row("petition", 4L, 3L, 1L));
  }

  @Test
  void warningChangeSaysWhetherALevelRoseFellOrStayed(SparkSession spark) {
    Dataset<Row> warnings = Rows.of(spark, WARNING,
        row("U1", "甲", "2025-03", 9, 3, null, 0, 0, "红色预警", 3, List.of("r"), false),
        row("U1", "甲", "2025-02", 9, 2, null, 0, 0, "黄色预警", 1, List.of(), false),
        row("U2", "乙", "2025-03", 9, 2, null, 0, 0, "黄色预警", 1, List.of(), false),
        row("U2", "乙", "2025-02", 9, 3, null, 0, 0, "橙色预警", 2, List.of(), false),
        row("U3", "丙", "2025-03", 9, 3, null, 0, 0, "黄色预警", 1, List.of(), false),
        row("U3", "丙", "2025-02", 9, 3, null, 0, 0, "黄色预警", 1, List.of(), false));

    assertRows("risen, fallen, unchanged",
        ReportTransforms.warningChanges(warnings, "2025-03", "2025-02").select("unit_code", "change"),
        row("U1", "升级"), row("U2", "降级"), row("U3", "持平"));
  }

  @Test
  void risingUnitsKeepTheLargestRisesUpToTheLimit(SparkSession spark) {
    Dataset<Row> agg = Rows.of(spark, AGG,
        row("U1", "甲", "quarter", "2025-Q1", "all", 9L, false), row("U1", "甲", "quarter", "2024-Q4", "all", 3L, false),
        row("U2", "乙", "quarter", "2025-Q1", "all", 8L, false), row("U2", "乙", "quarter", "2024-Q4", "all", 4L, false),
        row("U3", "丙", "quarter", "2025-Q1", "all", 5L, false), row("U3", "丙", "quarter", "2024-Q4", "all", 4L, false));

    assertRows("the two largest rises",
        ReportTransforms.risingUnits(agg, "2025-Q1", "2024-Q4", 2).select("unit_code", "change"),
        row("U1", 6L), row("U2", 4L));
  }
}
