package dossier.conform.io;

import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.conform.ConformedTables;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.sql.Date;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental write changes only the rows that differ, whatever column order the scope's
 * joins leave the stored rows in.
 */
@SparkTest
class TableWriterTest {
  private static final ConformedTables TABLE = ConformedTables.UNIT_HISTORY;
  private static final Date JAN = Date.valueOf("2024-01-01");

  private static Dataset<Row> units(SparkSession spark, Object[]... rows) {
    return TABLE.select(Rows.of(spark, TABLE.schema().toDDL(), rows));
  }

  private static Object[] unit(String code, String name) {
    return row(code, name, "镇街", JAN, null, true, "2024-01", "2024-01");
  }

  /**
   * The stored rows of the touched unit types, selected as {@code Scope.targetRows} selects a
   * record table's: a join USING a column that is not the table's first, which Spark moves first.
   */
  private static UnaryOperator<Dataset<Row>> touched(SparkSession spark, String... unitTypes) {
    Dataset<Row> types = Rows.of(spark, "unit_type string",
        Arrays.stream(unitTypes).map(t -> row(t)).toArray(Object[][]::new)).withColumn("touched", lit(true));
    return table -> table.join(broadcast(types), new String[] {"unit_type"}, "left")
        .where(coalesce(col("touched"), lit(false))).drop("touched");
  }

  @Test
  void onlyTheRowsThatDifferAreWrittenAndNoneWhenNothingDiffers(SparkSession spark, @TempDir Path dir) {
    TableAccess tables = new TableAccess(spark, new Lake(dir.toString()));
    TableWriter writer = new TableWriter(spark, tables);
    writer.write(TABLE, units(spark, unit("U1", "一镇"), unit("U2", "二镇")), all -> all);
    long first = writer.version(TABLE);

    long unchanged = writer.write(TABLE, units(spark, unit("U1", "一镇"), unit("U2", "二镇")),
        touched(spark, "镇街"));

    assertThat(unchanged).as("rows written when the recomputed rows equal the stored ones").isZero();
    assertThat(writer.version(TABLE)).as("no commit for an unchanged scope").isEqualTo(first);

    long changed = writer.write(TABLE, units(spark, unit("U1", "一镇"), unit("U2", "二街道"), unit("U3", "三镇")),
        touched(spark, "镇街"));

    assertThat(changed).as("rows written: U2 renamed, U3 new; U1 unchanged").isEqualTo(2);
    Rows.assertRows("the table after the second write", writer.read(TABLE).select("unit_code", "unit_name"),
        row("U1", "一镇"), row("U2", "二街道"), row("U3", "三镇"));
  }
}
