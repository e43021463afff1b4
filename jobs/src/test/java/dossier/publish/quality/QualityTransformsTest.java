package dossier.publish.quality;

import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.settings.ConfigReader;
import dossier.settings.Settings;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Data-quality figures and expectations with the configured defaults, on a hand-made manifest. */
@SparkTest
class QualityTransformsTest {
  private static final YearMonth MARCH = YearMonth.of(2024, 3);
  private static final QualitySettings DEFAULTS = QualitySettings.from(
      ConfigReader.at(Settings.load(Optional.empty()).config(), "dossier.quality"), Set.of("zzb_roster", "zzb_unit"));
  private static final String MANIFEST = "dataset string, file_month string, status string, rows_read bigint, "
      + "rows_landed bigint, rows_quarantined bigint";
  private static final String STATS = "dataset string, matters bigint, exact_duplicates bigint, "
      + "cross_source_merges bigint, superseded_versions bigint, revocations bigint, unresolved bigint, "
      + "records_out bigint";

  private static Dataset<Row> checked(SparkSession spark, Dataset<Row> manifest, Dataset<Row> stats, long idRows) {
    return QualityTransforms.checked(spark, manifest, stats, List.of("zzb_roster", "zzb_unit", "xf_jb"), idRows,
        DEFAULTS, MARCH, "run-1");
  }

  /** Roster and register for March landed; xf_jb: 100 rows read, 4 quarantined, 40 matters, 2 unresolved. */
  private static Dataset<Row> goodManifest(SparkSession spark) {
    return Rows.of(spark, MANIFEST,
        row("zzb_roster", "2024-03", "landed", 10L, 10L, 0L),
        row("zzb_unit", "2024-03", "replaced", 5L, 5L, 0L),
        row("zzb_unit", "2024-03", "superseded", 4L, 4L, 0L),
        row("xf_jb", "2024-02", "landed", 60L, 58L, 2L),
        row("xf_jb", "2024-03", "landed", 40L, 38L, 2L),
        row("xf_jb", "2024-03", "skipped", 0L, 0L, 0L));
  }

  private static Dataset<Row> stats(SparkSession spark, long unresolved) {
    return Rows.of(spark, STATS, row("xf_jb", 40L, 1L, 0L, 3L, 0L, unresolved, 40L - unresolved));
  }

  @Test
  void figuresCountTheCurrentVersionOfEachFile(SparkSession spark) {
    Rows.assertRows("figures", checked(spark, goodManifest(spark), stats(spark, 2), 0)
            .select("dataset", "files", "rows_read", "rows_landed", "rows_quarantined", "quarantine_share", "matters",
                "unresolved", "unresolved_share", "hard_failures", "soft_failures"),
        row("zzb_roster", 1L, 10L, 10L, 0L, new BigDecimal("0"), null, null, null, 0, 0),
        row("zzb_unit", 1L, 5L, 5L, 0L, new BigDecimal("0"), null, null, null, 0, 0),
        row("xf_jb", 2L, 100L, 96L, 4L, new BigDecimal("0.04"), 40L, 2L, new BigDecimal("0.05"), 0, 0),
        row("all", 4L, 115L, 111L, 4L, new BigDecimal("0.0348"), 40L, 2L, new BigDecimal("0.05"), 0, 0));
  }

  @Test
  void everyExpectationSaysWhatItCompared(SparkSession spark) {
    Rows.assertRows("expectations of xf_jb and all", checked(spark, goodManifest(spark), stats(spark, 2), 0)
            .filter(col("dataset").isin("xf_jb", "all")).select("dataset", "expectations"),
        row("xf_jb", List.of(
            "file-conservation (hard): passed, 0 of 2 files with rows read ≠ rows landed + rows quarantined + rows in a rejected file",
            "quarantine-rate (hard): passed, 4 of 100 rows quarantined = 4.00% (at most 5.00%)",
            "files-hold-rows (soft): passed, 0 of 1 file(s) for 2024-03 hold no data row (empty file or header only)",
            "unresolved-rate (soft): passed, 2 of 40 matters unresolved = 5.00% (at most 25.00%)")),
        row("all", List.of("no-id-numbers-in-curated (hard): passed, 0 curated rows hold an ID number")));
  }

  @Test
  void aQuarantineRateAboveTheLimitFailsHard(SparkSession spark) {
    Dataset<Row> manifest = goodManifest(spark).union(Rows.of(spark, MANIFEST, row("xf_jb", "2024-03", "landed", 20L,
        16L, 4L)));

    Dataset<Row> failures = QualityTransforms.failures(checked(spark, manifest, stats(spark, 2), 0), Severity.HARD);

    Rows.assertRows("hard failures", failures,
        row("xf_jb: quarantine-rate (hard): FAILED, 8 of 120 rows quarantined = 6.67% (at most 5.00%)"));
  }

  @Test
  void aRejectedFilesRowsAreCountedAsSuchAndConserved(SparkSession spark) {
    // Issue 22, defect 2: 7 rows of a rejected file are neither landed nor quarantined.
    Dataset<Row> manifest = Rows.of(spark, MANIFEST + ", rows_rejected bigint",
        row("xf_jb", "2024-02", "landed", 60L, 58L, 2L, 0L),
        row("xf_jb", "2024-03", "rejected", 7L, 0L, 0L, 7L));

    Rows.assertRows("figures of xf_jb", checked(spark, manifest, stats(spark, 2), 0)
            .filter(col("dataset").equalTo("xf_jb"))
            .select("files", "files_rejected", "files_not_conserved", "rows_read", "rows_quarantined", "rows_rejected"),
        row(2L, 1L, 0L, 67L, 2L, 7L));
  }

  @Test
  void theQuarantineRateOfADatasetWithFewRowsIsNotJudged(SparkSession spark) {
    // fy_aj: 1 of 10 rows quarantined (10 %), fewer rows than the 50 a rate needs
    Dataset<Row> manifest = goodManifest(spark).union(Rows.of(spark, MANIFEST,
        row("fy_aj", "2024-03", "landed", 10L, 9L, 1L)));

    Rows.assertRows("expectations of fy_aj", checked(spark, manifest, stats(spark, 2), 0)
            .filter(col("dataset").equalTo("fy_aj")).select("expectations", "hard_failures"),
        row(List.of("file-conservation (hard): passed, 0 of 1 files with rows read ≠ rows landed + rows quarantined"
                + " + rows in a rejected file",
            "files-hold-rows (soft): passed, 0 of 1 file(s) for 2024-03 hold no data row (empty file or header only)"),
            0));
  }

  @Test
  void aSnapshotMissingForTheAsOfMonthFailsHard(SparkSession spark) {
    Dataset<Row> manifest = goodManifest(spark).filter(col("dataset").notEqual("zzb_roster"));

    Rows.assertRows("hard failures", QualityTransforms.failures(checked(spark, manifest, stats(spark, 2), 0),
        Severity.HARD), row("zzb_roster: snapshots-delivered (hard): FAILED, 0 file(s) for 2024-03 landed"));
  }

  @Test
  void idShapedTextInTheOutputFailsHard(SparkSession spark) {
    Rows.assertRows("hard failures", QualityTransforms.failures(checked(spark, goodManifest(spark), stats(spark, 2), 3),
        Severity.HARD), row("all: no-id-numbers-in-curated (hard): FAILED, 3 curated rows hold an ID number"));
  }

  @Test
  void anEmptyOrHeaderOnlyFileOfTheAsOfMonthFailsSoftly(SparkSession spark) {
    Dataset<Row> manifest = goodManifest(spark).union(Rows.of(spark, MANIFEST,
        row("xf_jb", "2024-03", "landed", 0L, 0L, 0L), row("xf_jb", "2024-03", "rejected", 0L, 0L, 0L),
        row("xf_jb", "2024-02", "landed", 0L, 0L, 0L)));
    Dataset<Row> checked = checked(spark, manifest, stats(spark, 2), 0);

    assertThat(QualityTransforms.failures(checked, Severity.HARD).count()).as("hard failures").isZero();
    Rows.assertRows("soft failures", QualityTransforms.failures(checked, Severity.SOFT),
        row("xf_jb: files-hold-rows (soft): FAILED, 2 of 3 file(s) for 2024-03 hold no data row (empty file or "
            + "header only)"));
  }

  @Test
  void manyUnresolvedRecordsFailSoftly(SparkSession spark) {
    Dataset<Row> checked = checked(spark, goodManifest(spark), stats(spark, 12), 0);

    assertThat(QualityTransforms.failures(checked, Severity.HARD).count()).as("hard failures").isZero();
    Rows.assertRows("soft failures", QualityTransforms.failures(checked, Severity.SOFT),
        row("xf_jb: unresolved-rate (soft): FAILED, 12 of 40 matters unresolved = 30.00% (at most 25.00%)"));
  }
}
