package dossier.lake;

import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class TableComparisonTest {
  private static final String SCHEMA = "unit string, n int, run_id string";
  private static final Set<String> IGNORED = Set.of("run_id");

  private static void delta(Dataset<Row> rows, Path lake, String table) {
    rows.write().format("delta").save(lake.resolve("analysed").resolve(table).toString());
  }

  private static List<TableComparison.Difference> compare(SparkSession spark, Path left, Path right) {
    return TableComparison.compare(spark, left.toString(), right.toString(), "analysed", IGNORED);
  }

  @Test
  void sameRowsInAnotherOrderFromAnotherRunAreTheSame(SparkSession spark, @TempDir Path left, @TempDir Path right) {
    delta(Rows.of(spark, SCHEMA, row("A", 1, "run-1"), row("B", 2, "run-1")), left, "t");
    delta(Rows.of(spark, SCHEMA, row("B", 2, "run-2"), row("A", 1, "run-2")), right, "t");

    assertThat(compare(spark, left, right)).as("differences").singleElement()
        .satisfies(d -> assertThat(d.same()).as(d.toString()).isTrue());
  }

  @Test
  void aDuplicatedRowIsADifference(SparkSession spark, @TempDir Path left, @TempDir Path right) {
    delta(Rows.of(spark, SCHEMA, row("A", 1, "r"), row("A", 1, "r")), left, "t");
    delta(Rows.of(spark, SCHEMA, row("A", 1, "r")), right, "t");

    TableComparison.Difference difference = compare(spark, left, right).get(0);
    assertThat(difference.same()).as("same?").isFalse();
    assertThat(difference.onlyLeft()).as("rows only left").isEqualTo(1);
    assertThat(difference.onlyRight()).as("rows only right").isZero();
  }

  @Test
  void aValueMovedToAnotherColumnIsADifference(SparkSession spark, @TempDir Path left, @TempDir Path right) {
    delta(Rows.of(spark, "a string, b string", row(null, "x")), left, "t");
    delta(Rows.of(spark, "a string, b string", row("x", null)), right, "t");

    assertThat(compare(spark, left, right)).extracting(Object::toString).as("report")
        .containsExactly("analysed/t: 1 rows only left, 1 rows only right");
  }

  @Test
  void aTableInOneLakeOnlyIsReported(SparkSession spark, @TempDir Path left, @TempDir Path right) {
    delta(Rows.of(spark, SCHEMA, row("A", 1, "r")), left, "t");
    delta(Rows.of(spark, SCHEMA, row("A", 1, "r")), left, "u");
    delta(Rows.of(spark, SCHEMA, row("A", 1, "r")), right, "t");

    assertThat(compare(spark, left, right)).extracting(Object::toString).as("report")
        .containsExactly("analysed/t: same", "analysed/u: present in only one lake (left)");
  }
}
