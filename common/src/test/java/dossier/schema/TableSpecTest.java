package dossier.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TableSpecTest {
  private static final TableSpec SPEC = TableSpec.builder("t", "表", "one row per thing")
      .key("id")
      .column("id", "编号", "string", "The thing.")
      .column("n", "数量", "bigint", "How many.")
      .build();

  @Test
  void conformPutsTheDeclaredColumnsInOrder(SparkSession spark) {
    Dataset<Row> data = Rows.of(spark, "n bigint, id string", Rows.row(1L, "a"));

    assertThat(List.of(SPEC.conform(data).columns())).as("column order").containsExactly("id", "n");
  }

  @Test
  void conformNamesEveryMismatch(SparkSession spark) {
    Dataset<Row> data = Rows.of(spark, "id string, n int, extra string", Rows.row("a", 1, "x"));

    assertThatThrownBy(() -> SPEC.conform(data)).isInstanceOf(IllegalStateException.class)
        .hasMessage("output of t does not match its TableSpec: n is int, declared bigint; undeclared extra");
  }

  @Test
  void theSchemaCarriesTheDeclaredTypes() {
    assertThat(SPEC.schema().simpleString()).as("schema").isEqualTo("struct<id:string,n:bigint>");
    assertThat(SPEC.column("n").typeName()).as("dictionary type").isEqualTo("bigint");
  }

  @Test
  void aKeyOutsideTheColumnsIsRefused() {
    assertThatThrownBy(() -> TableSpec.builder("t", "表", "grain").key("nope").column("id", "编号", "string", "x").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key [nope] is not among its columns");
  }
}
