package dossier.job;

import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.lake.Lake;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SparkTest
class TableAccessTest {
  private static void save(SparkSession spark, String path, String mode, int n) {
    Rows.of(spark, "n int", row(n)).write().format("delta").mode(mode).save(path);
  }

  @Test
  void aReadIsRecordedWithTheVersionItRead(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    save(spark, lake.conformed("t"), "overwrite", 1);
    save(spark, lake.conformed("t"), "append", 2);
    TableAccess tables = new TableAccess(spark, lake);

    long rows = tables.read(lake.conformed("t")).count();

    assertThat(rows).as("rows read").isEqualTo(2);
    assertThat(tables.versionsRead()).as("versions read").isEqualTo(Map.of("conformed/t", 1L));
  }

  @Test
  void aWriteIsRecordedWithTheVersionItCommitted(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    TableAccess tables = new TableAccess(spark, lake);

    tables.write(lake.analysed("t"), path -> save(spark, path, "overwrite", 1));
    tables.write(lake.analysed("t"), path -> save(spark, path, "append", 2));

    assertThat(tables.versionsWritten()).as("versions written").isEqualTo(Map.of("analysed/t", 1L));
  }

  @Test
  void aWriteThatCommitsNothingIsNotRecorded(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    save(spark, lake.analysed("t"), "overwrite", 1);
    TableAccess tables = new TableAccess(spark, lake);

    tables.write(lake.analysed("t"), path -> { });

    assertThat(tables.versionsWritten()).as("versions written").isEmpty();
  }

  @Test
  void replayingReadsTheVersionsTheEarlierRunRead(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    save(spark, lake.conformed("t"), "overwrite", 1);
    TableAccess first = new TableAccess(spark, lake);
    first.read(lake.conformed("t"));
    save(spark, lake.conformed("t"), "append", 2);
    TableAccess again = new TableAccess(spark, lake);

    again.replay(first.versionsRead());

    Rows.assertRows("the table as the first run read it", again.read(lake.conformed("t")), row(1));
    assertThat(again.versionsRead()).as("versions read when replaying").isEqualTo(first.versionsRead());
  }

  @Test
  void replayingTreatsATableTheEarlierRunDidNotReadAsAbsent(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    save(spark, lake.raw("t"), "overwrite", 1);
    TableAccess tables = new TableAccess(spark, lake);

    tables.replay(Map.of());

    assertThat(tables.exists(lake.raw("t"))).as("exists when replaying a run that did not read it").isFalse();
    assertThatThrownBy(() -> tables.read(lake.raw("t"))).as("reading it")
        .hasMessage("the run being reproduced did not read raw/t");
  }
}
