package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest of a lake landed before rows_rejected existed keeps working: the first MERGE adds the column. */
@SparkTest
class FileManifestTest {
  @TempDir Path lake;

  @Test
  void aManifestWithoutRowsRejectedGainsTheColumnAndItsOldRowsReadZero(SparkSession spark) {
    String path = lake.resolve("file_manifest").toString();
    StructType before = new StructType(Arrays.stream(FileManifest.SCHEMA.fields())
        .filter(f -> !f.name().equals("rows_rejected")).toArray(StructField[]::new));
    Timestamp at = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
    Row old = RowFactory.create("2026-10/jw/jw_cf_202610.csv", "jw_cf_202610.csv", "jw_cf", "2026-10", "2026-10", "aa",
        10L, "csv", "UTF-8", "landed", 3L, 2L, 1L, null, "run-old", at);
    spark.createDataFrame(List.of(old), before).write().format("delta").save(path);

    ManifestEntry rejected = new ManifestEntry("2026-11/zzb/zzb_cf_202611.csv", "zzb_cf_202611.csv", "zzb_cf", "2026-11",
        "2026-11", "bb", 20L, "csv", "UTF-8", ManifestEntry.REJECTED, 4L, 0L, 0L, 4L, "missing required column");
    FileManifest.merge(spark, path, List.of(rejected), "run-new", at);

    assertThat(FileManifest.read(spark, path)).as("manifest entries").containsExactlyInAnyOrder(
        new ManifestEntry("2026-10/jw/jw_cf_202610.csv", "jw_cf_202610.csv", "jw_cf", "2026-10", "2026-10", "aa", 10L,
            "csv", "UTF-8", "landed", 3L, 2L, 1L, 0L, null),
        rejected);
  }
}
