package dossier.maintain;

import static dossier.testing.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.CliRunner;
import dossier.cli.ExitCode;
import dossier.job.RunMarkers;
import dossier.lake.Lake;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** maintain deletes what failed runs leave behind, and nothing a committed version or a live run needs. */
@SparkTest
class MaintenanceTest {
  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant EIGHT_DAYS_AGO = NOW.minus(Duration.ofDays(8));
  private static final String UUID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

  private static MaintainSettings settings(Path scratch) {
    return new MaintainSettings(Duration.ofDays(7), Duration.ofDays(2), List.of(scratch.toString()));
  }

  private static void age(Path path, Instant when) throws IOException {
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(when));
      }
    }
  }

  private static List<Path> parquet(Path table) throws IOException {
    try (Stream<Path> tree = Files.walk(table)) {
      return tree.filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_delta_log")).sorted()
          .toList();
    }
  }

  /**
   * raw/jw_cf, partitioned by a value Hive and Delta both escape (a:b): version 0 holds x and y,
   * version 1 replaces them with z; then a write that lost its commit left two files, one old,
   * one young. Every file is eight days old, the young leftover aside.
   */
  private static Path tableWithLeftovers(SparkSession spark, Path lake) throws IOException {
    Path table = lake.resolve("raw").resolve("jw_cf");
    Rows.of(spark, "k string, p string", row("x", "a:b"), row("y", "a:b")).write().format("delta")
        .partitionBy("p").save(table.toString());
    Rows.of(spark, "k string, p string", row("z", "a:b")).write().format("delta").mode("overwrite")
        .partitionBy("p").save(table.toString());
    Path committed = parquet(table).get(0);
    Files.copy(committed, committed.resolveSibling("part-09999-lost-old.c000.snappy.parquet"));
    age(table, EIGHT_DAYS_AGO);
    Files.copy(committed, committed.resolveSibling("part-09999-lost-young.c000.snappy.parquet"));
    return table;
  }

  @Test
  void anUncommittedFileOlderThanTheMarginGoesAndEveryVersionStaysReadable(SparkSession spark, @TempDir Path dir)
      throws IOException {
    Path lake = dir.resolve("lake");
    Path table = tableWithLeftovers(spark, lake);
    List<Path> before = parquet(table);

    Maintenance.Result result = Maintenance.run(spark, new Lake(lake.toString()), settings(dir.resolve("tmp")),
        new RunMarkers.Settings(Duration.ofMinutes(1), Duration.ofMinutes(10)), NOW);

    assertThat(result.lines()).as("what maintain says").contains("uncommitted files deleted: 1 (" + String.format(
        "%,d", Files.size(before.get(0))) + " bytes); 1 more are too young to be sure no write is still running");
    assertThat(parquet(table)).as("files after: all but the old leftover").containsExactlyElementsOf(
        before.stream().filter(p -> !p.getFileName().toString().equals("part-09999-lost-old.c000.snappy.parquet"))
            .toList());
    assertThat(before).extracting(p -> p.getFileName().toString()).as("files before")
        .contains("part-09999-lost-old.c000.snappy.parquet", "part-09999-lost-young.c000.snappy.parquet");
    assertThat(result.uncommitted().deleted()).extracting(UncommittedFiles.Leftover::table).as("deleted in")
        .containsExactly("raw/jw_cf");
    Dataset<Row> first = spark.read().format("delta").option("versionAsOf", 0).load(table.toString());
    Rows.assertRows("version 0, by time travel", first.select("k"), row("x"), row("y"));
    Rows.assertRows("the current version", spark.read().format("delta").load(table.toString()).select("k"), row("z"));
  }

  @Test
  void staleScratchFoldersGoAndLiveOrForeignOnesStay(@TempDir Path scratch) throws IOException {
    Path stale = Files.createDirectories(scratch.resolve("spark-" + UUID).resolve("userFiles"));
    Files.writeString(stale.resolve("a.jar"), "x");
    Path blocks = Files.createDirectories(scratch.resolve("blockmgr-" + UUID).resolve("0c"));
    Path copy = Files.writeString(scratch.resolve("dossier-landing-123.xlsx"), "x");
    Path foreign = Files.createDirectories(scratch.resolve("spark-notes"));
    Path live = Files.createDirectories(scratch.resolve("spark-" + UUID.replace('0', '1')));
    for (Path old : List.of(scratch.resolve("spark-" + UUID), scratch.resolve("blockmgr-" + UUID), copy, foreign)) {
      age(old, EIGHT_DAYS_AGO);
    }
    Files.writeString(blocks.resolve("shuffle_0_0_0.data"), "still written");

    List<Path> deleted = ScratchFolders.clean(List.of(scratch), Duration.ofDays(2), Instant.now());

    assertThat(deleted).as("deleted").containsExactlyInAnyOrder(scratch.resolve("spark-" + UUID), copy);
    assertThat(List.of(blocks, foreign, live)).as("kept").allMatch(Files::exists);
  }

  @Test
  void maintainIsACommand() {
    assertThat(new CliRunner().run("maintain", "--help")).as("exit code of maintain --help").isEqualTo(ExitCode.OK);
  }
}
