package dossier.publish;

import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.lake.Lake;
import dossier.lake.Lake.Zone;
import dossier.schema.CuratedTable;
import dossier.schema.TableSpec;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How publish writes a curated table: beside the live folder first, then swapped in whole; not at
 * all when the content is the same; rows in key order.
 */
@SparkTest
class CuratedWriterTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final CuratedTable TABLE = CuratedTable.restated(Zone.OPEN,
      TableSpec.builder("figures", "数字", "one row per unit × month")
          .key("unit_code", "month")
          .column("unit_code", "单位代码", "string", "The unit.")
          .column("month", "月份", "string", "The month.")
          .column("records", "事项数", "bigint", "Records.")
          .column("counts", "分类数", "map<string,bigint>", "Records by category.")
          .build());

  private static Dataset<Row> figures(SparkSession spark, Object[]... rows) {
    return Rows.of(spark, "unit_code string, month string, records bigint, counts map<string,bigint>", rows);
  }

  private static Object[] figure(String unit, String month, long records, Object... counts) {
    Map<String, Long> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < counts.length; i += 2) {
      map.put((String) counts[i], (Long) counts[i + 1]);
    }
    return row(unit, month, records, scala.jdk.javaapi.CollectionConverters.asScala(map));
  }

  private static CuratedWriter writer(SparkSession spark, Lake lake, String runId) {
    return new CuratedWriter(spark, lake, MARCH, runId);
  }

  private static List<CuratedWriter.Staged> publish(SparkSession spark, Lake lake, String runId, Dataset<Row> rows) {
    return writer(spark, lake, runId).publish(Map.of(TABLE, rows), Map.of(), 2, false, Optional.of(MARCH));
  }

  /** Every file below the folder (hidden ones included) with its size and modification time. */
  private static Map<String, String> files(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      Map<String, String> files = new TreeMap<>();
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(file).toString(), Files.size(file) + " " + Files.getLastModifiedTime(file));
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aReaderListingTheTableWhileTheNewContentIsStagedFindsTheOldContentWhole(SparkSession spark,
      @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    Path live = Path.of(TABLE.path(lake));
    publish(spark, lake, "run-1", figures(spark, figure("U1", "2024-03", 1L)));
    Map<String, String> before = files(live);

    CuratedWriter second = writer(spark, lake, "run-2");
    Dataset<Row> next = figures(spark, figure("U1", "2024-03", 2L), figure("U2", "2024-03", 5L));
    CuratedWriter.Staged staged = second.stage(TABLE, next, ContentDigest.of(TABLE, next));

    assertThat(files(live)).as("the live folder while the new content is staged").isEqualTo(before);
    Rows.assertRows("the live table while the new content is staged", spark.read().parquet(live.toString())
        .select("unit_code", "records"), row("U1", 1L));

    second.swapIn(staged);

    assertThat(files(live).keySet()).as("the live folder after the swap: the staged files, nothing being written")
        .noneMatch(f -> f.contains("_temporary") || f.contains(".staging"))
        .anyMatch(f -> f.endsWith(".parquet"));
    Rows.assertRows("the live table after the swap", spark.read().parquet(live.toString())
        .select("unit_code", "records"), row("U1", 2L), row("U2", 5L));
  }

  @Test
  void publishingLeavesNoStagingOrTrashBehind(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    publish(spark, lake, "run-1", figures(spark, figure("U1", "2024-03", 1L)));
    publish(spark, lake, "run-2", figures(spark, figure("U1", "2024-03", 2L)));

    assertThat(dir.resolve("curated").resolve(".staging")).as("staging folder").doesNotExist();
    assertThat(dir.resolve("curated").resolve(".trash")).as("trash folder").doesNotExist();
    assertThat(files(Path.of(TABLE.path(lake))).keySet()).as("files of the table")
        .filteredOn(f -> f.endsWith(".parquet")).hasSize(1);
  }

  @Test
  void theSameContentIsNotWrittenAgainWhateverTheOrderOfRowsAndMapEntries(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    Path live = Path.of(TABLE.path(lake));
    publish(spark, lake, "run-1", figures(spark, figure("U1", "2024-03", 3L, "petition", 1L, "sanction", 2L),
        figure("U2", "2024-03", 1L)));
    Map<String, String> before = files(live);

    List<CuratedWriter.Staged> again = publish(spark, lake, "run-2", figures(spark, figure("U2", "2024-03", 1L),
        figure("U1", "2024-03", 3L, "sanction", 2L, "petition", 1L)));

    assertThat(again).as("tables written by the second run").noneMatch(CuratedWriter.Staged::changed);
    assertThat(files(live)).as("the table's files after the second run").isEqualTo(before);
    assertThat(PublishedManifest.read(spark.sparkContext().hadoopConfiguration(), lake).tables().get("open/figures")
        .runId()).as("the run the manifest says wrote the table").isEqualTo("run-1");
  }

  @Test
  void aPublishStoppedBetweenItsRenamesIsCompletedByTheNextRun(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Lake lake = new Lake(dir.toString());
    Path live = Path.of(TABLE.path(lake));
    publish(spark, lake, "run-1", figures(spark, figure("U1", "2024-03", 1L)));
    // run-2 stopped after moving the live folder aside, before renaming its staged one in
    Path staging = Files.createDirectories(dir.resolve("curated").resolve(".staging").resolve("open_figures-run-2"));
    Files.writeString(staging.resolve("part-00000.parquet"), "half written");
    Files.createDirectories(dir.resolve("curated").resolve(".trash"));
    Files.move(live, dir.resolve("curated").resolve(".trash").resolve("open_figures-run-2"));

    List<CuratedWriter.Staged> rerun = publish(spark, lake, "run-3", figures(spark, figure("U1", "2024-03", 1L)));

    assertThat(rerun).as("tables the re-run wrote").allMatch(CuratedWriter.Staged::changed);
    Rows.assertRows("the table after the re-run", spark.read().parquet(live.toString())
        .select("unit_code", "records"), row("U1", 1L));
    assertThat(dir.resolve("curated").resolve(".staging")).as("staging folder").doesNotExist();
    assertThat(dir.resolve("curated").resolve(".trash")).as("trash folder").doesNotExist();
  }

  @Test
  void rowsAreWrittenInKeyOrder(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    publish(spark, lake, "run-1", figures(spark, figure("U2", "2024-01", 1L), figure("U1", "2024-02", 2L),
        figure("U1", "2024-01", 3L)));

    assertThat(spark.read().parquet(TABLE.path(lake)).select("unit_code", "month").collectAsList())
        .as("rows of the file, in its order").extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly("U1 2024-01", "U1 2024-02", "U2 2024-01");
  }

  @Test
  void aKeyThatIsNotUniqueStopsThePublishNamingTheTable(SparkSession spark, @TempDir Path dir) {
    Lake lake = new Lake(dir.toString());

    assertThatThrownBy(() -> publish(spark, lake, "run-1", figures(spark, figure("U1", "2024-03", 1L),
        figure("U1", "2024-03", 2L))))
        .as("two rows of one key").isInstanceOf(IllegalStateException.class)
        .hasMessage("curated table open/figures holds 2 rows but only 1 distinct keys [unit_code, month]: its key is "
            + "not unique");
    assertThat(Path.of(TABLE.path(lake))).as("the table's folder").doesNotExist();
  }
}
