package dossier.land;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.Rows;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared generated sample ({@link SampleLake}), landed, against the generator's ground truth. */
@SparkTest
class LandSampleTest {
  static Path landing;
  static Path lake;
  static SparkSession spark;

  @BeforeAll
  static void sampleLake(SparkSession session) {
    spark = session;
    SampleLake sample = SampleLake.get(spark);
    landing = sample.landing();
    lake = Path.of(sample.lake().root());
    System.out.println("landed the sample lake in " + sample.duration("land").toMillis() + " ms");
  }

  private static Dataset<Row> table(String name) {
    return spark.read().format("delta").load(lake.resolve("raw").resolve(name).toString());
  }

  private static Dataset<Row> truth(String what) {
    return spark.read().json(landing.resolveSibling("landing-ground-truth-" + what + ".jsonl").toString());
  }

  @Test
  void everyFileConservesItsRows() {
    assertThat(table("file_manifest").count()).as("manifest rows").isEqualTo(truth("files").count());
    assertThat(table("file_manifest").where("rows_read <> rows_landed + rows_quarantined + rows_rejected").count())
        .as("files where read != landed + quarantined + in a rejected file").isZero();
  }

  @Test
  void manifestStatusesAndCountsAreTheGroundTruths() {
    String[] columns = {"source_path", "status", "rows_read", "rows_landed", "rows_quarantined", "rows_rejected"};
    Rows.assertSameRows("manifest against the ground truth", table("file_manifest").selectExpr(columns),
        truth("files").selectExpr("source_path", "status", "cast(rows_read as bigint) as rows_read",
            "cast(rows_landed as bigint) as rows_landed", "cast(rows_quarantined as bigint) as rows_quarantined",
            "cast(rows_rejected as bigint) as rows_rejected"));
  }

  @Test
  void quarantineHoldsEveryInvalidRowOfTheCurrentFilesAndNothingElse() {
    // Superseded versions' rows were replaced by the later version's, in quarantine as in the raw tables.
    Dataset<Row> current = truth("files").where("status IN ('landed', 'replaced', 'rejected')").select("source_path");
    Dataset<Row> expected = truth("invalid-rows").join(current, "source_path")
        .selectExpr("source_path", "cast(row_number as int) as row_number");
    Rows.assertSameRows("quarantined rows against the ground truth's invalid rows",
        table("quarantine").where(col("row_number").isNotNull()).select("source_path", "row_number"), expected);
    assertThat(table("quarantine").where("size(reasons) = 0").count()).as("quarantine rows without a reason").isZero();
    // A rejected file is one entry standing for its rows (issue 22, defect 2).
    Rows.assertSameRows("quarantine entries for whole files against the rejected files",
        table("quarantine").where(col("row_number").isNull()).select("source_path"),
        truth("files").where("status = 'rejected'").select("source_path"));
  }

  @Test
  void aQuarantinedRowAfterAValueSpanningLinesIsNumberedByTheLineItStartsOn() throws IOException {
    // Issue 22, defect 3: the sample's zx_wt 问题描述 sometimes runs over two lines, quoted, so the rows
    // after it start on a line past their record number; a person opens the file at that line.
    Dataset<Row> current = truth("files").where("status IN ('landed', 'replaced')").select("source_path");
    List<String> afterSpanningValue = new ArrayList<>();
    for (Row row : truth("invalid-rows").join(current, "source_path").where("source_path LIKE '%.csv'")
        .selectExpr("source_path", "cast(row_number as int)").collectAsList()) {
      if (quotedLineBreaksBefore(landing.resolve(row.getString(0)), row.getInt(1)) > 0) {
        afterSpanningValue.add(row.getString(0) + " line " + row.getInt(1));
      }
    }
    assertThat(afterSpanningValue).as("invalid rows of CSV files after a quoted value spanning lines").isNotEmpty();
    List<String> quarantined = table("quarantine").where(col("row_number").isNotNull())
        .selectExpr("concat(source_path, ' line ', row_number)").as(Encoders.STRING()).collectAsList();
    assertThat(quarantined).as("quarantined rows, numbered by the line they start on").containsAll(afterSpanningValue);
  }

  /**
   * Line breaks inside quoted values before line {@code line} of a CSV file (an LF, a CR or a CRLF
   * starts a line, as in an editor). Read as bytes: '"', CR and LF are single bytes, never part of
   * another character, in every encoding the agencies use (UTF-8, GB18030).
   */
  private static int quotedLineBreaksBefore(Path file, int line) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int breaks = 0;
    int lineAt = 1;
    boolean quoted = false;
    for (int i = 0; i < bytes.length && lineAt < line; i++) {
      if (bytes[i] == '"') {
        quoted = !quoted;
      } else if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        lineAt++;
        breaks += quoted ? 1 : 0;
      }
    }
    return breaks;
  }

  @Test
  void landingTheSampleAgainChangesNothing() throws IOException {
    Map<String, Long> before = versions();

    LandJob.Result again = Fixtures.land(spark, landing, lake, "sample-2");

    assertThat(again.entries()).as("manifest rows written again").isEmpty();
    assertThat(versions()).as("Delta version of every raw table").isEqualTo(before);
  }

  private static Map<String, Long> versions() throws IOException {
    Map<String, Long> versions = new TreeMap<>();
    try (Stream<Path> tables = Files.list(lake.resolve("raw"))) {
      tables.forEach(t -> versions.put(t.getFileName().toString(),
          DeltaTable.forPath(spark, t.toString()).history(1).select("version").first().getLong(0)));
    }
    return versions;
  }
}
