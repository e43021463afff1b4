package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month-by-month figures: a lake's live data against what is on disk, and the three
 * figures computed from the runs' measurements.
 */
@SparkTest
class MonthlySeriesFiguresTest {
  @Test
  void aDeltaTableRewrittenKeepsItsOldFilesOnDiskButOnlyTheNewOnesLive(SparkSession spark, @TempDir Path lake)
      throws IOException {
    String table = lake.resolve("analysed/t").toString();
    spark.range(1000).selectExpr("id", "repeat('x', 50) as text").write().format("delta").save(table);
    LakeSize first = LakeSize.of(spark, lake);
    spark.range(10).selectExpr("id", "repeat('y', 50) as text").write().format("delta").mode("overwrite").save(table);
    Files.writeString(Files.createDirectories(lake.resolve("curated/open")).resolve("t.parquet"), "curated bytes");
    Files.writeString(Files.createDirectories(lake.resolve("_logs")).resolve("spark.log"), "not the lake's content");

    LakeSize second = LakeSize.of(spark, lake);

    long curated = "curated bytes".length();
    assertThat(second.diskBytes()).as("on disk: both versions and the curated file")
        .isGreaterThan(first.diskBytes() + curated);
    assertThat(second.liveBytes()).as("live: the second version's files and the curated file")
        .isLessThan(first.liveBytes() + curated).isGreaterThan(curated);
    assertThat(first.liveBytes()).as("a table with one version: its data files").isPositive()
        .isLessThan(first.diskBytes());
  }

  @Test
  void theFiguresCompareTheLastRunWithTheHalfwayRunAndTheRebuild() {
    SeriesResult series = new SeriesResult(60, 4, 7L, "2026-12-07T12:00:00Z", List.of(
        run("2026-01", 10_000, 100, 40), run("2026-02", 11_000, 150, 50), run("2026-03", 12_000, 200, 60),
        run("2026-04", 13_090, 260, 70)), pipeline(100_000), new LakeSize(200, 50),
        new SeriesResult.Restated(31, List.of("analysed/award: 2 rows only left, 0 rows only right")));

    String figures = SeriesReport.figures(series);

    assertThat(figures)
        .contains("the last monthly run (2026-04) ÷ the rebuild: 0.13 (target ≤ 0.10, set for 54,000 cadres): missed")
        .contains("run 4 (2026-04) against run 2 (2026-02): +19 % (target within 20 %): met")
        .contains("live data after 4 monthly runs ÷ after the rebuild: 1.40 (target ≤ 1.5): met")
        .contains("on disk, with what Delta keeps for time travel until a vacuum: 1.30")
        .contains("month by month = rebuild: 1 of 31 restated tables differ (analysed/award: 2 rows only left");
  }

  private static SeriesResult.MonthRun run(String month, long millis, long disk, long live) {
    return new SeriesResult.MonthRun(month, pipeline(millis), List.of(pipeline(millis)), new LakeSize(disk, live));
  }

  private static Measurement pipeline(long millis) {
    return new Measurement("pipeline", millis, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, null);
  }
}
