package dossier.publish.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * The data-quality figures of a publish run, per dataset and in total, from the file manifest
 * (land) and dataset_stats (conform), and the results of the configured expectations
 * ({@link QualitySettings}). The rows are {@link QualityTable}'s.
 */
public final class QualityTransforms {
  /** The dataset of the row that totals the run and holds the run-level expectations. */
  public static final String ALL = "all";
  /** The dataset of files whose name matches no dataset. */
  public static final String UNMATCHED = "unmatched";
  /** Manifest statuses of a file name's current version (skipped copies and superseded versions aside). */
  static final List<String> CURRENT = List.of("landed", "replaced", "rejected");
  static final String REJECTED = "rejected";
  private static final String FAILED = "FAILED";
  private static final String RESULT_TYPE = "struct<expectation:string,severity:string,passed:boolean,detail:string>";
  private static final String SHARE_TYPE = "decimal(7,4)";
  private static final String AS_OF_FILES = "_as_of_files";
  private static final String AS_OF_DELIVERED = "_as_of_delivered";
  private static final String AS_OF_WITHOUT_ROWS = "_as_of_without_rows";
  private static final List<String> FILE_FIGURES = List.of("files", "files_rejected", "files_not_conserved", "rows_read",
      "rows_landed", "rows_quarantined", "rows_rejected", AS_OF_FILES, AS_OF_DELIVERED, AS_OF_WITHOUT_ROWS);
  private static final List<String> RECORD_FIGURES = List.of("matters", "exact_duplicates", "cross_source_merges",
      "superseded_versions", "revocations", "unresolved", "records_out");

  private QualityTransforms() {}

  /**
   * One row per configured dataset (and {@value #UNMATCHED} when such files exist) and one
   * {@value #ALL} row, with the figures and every expectation's result.
   *
   * @param manifest raw file_manifest
   * @param datasetStats conformed dataset_stats
   * @param datasets the configured datasets
   * @param idShapedRows curated rows about to be written that hold an ID number
   */
  public static Dataset<Row> checked(SparkSession spark, Dataset<Row> manifest, Dataset<Row> datasetStats,
      List<String> datasets, long idShapedRows, QualitySettings settings, YearMonth asOf, String runId) {
    Dataset<Row> perDataset = perDataset(spark, manifest, datasetStats, datasets, asOf);
    Dataset<Row> figures = perDataset.withColumn("id_shaped_rows", lit(null).cast("bigint"))
        .unionByName(totals(perDataset, idShapedRows));
    List<Column> configured = expectations(settings, asOf);
    Column results = configured.isEmpty() ? array().cast("array<" + RESULT_TYPE + ">")
        : array_compact(array(configured.toArray(Column[]::new)));
    return withShares(figures)
        .withColumn("_results", results)
        .withColumn("expectations", transform(col("_results"), r -> concat(r.getField("expectation"), lit(" ("),
            r.getField("severity"), lit("): "), when(r.getField("passed"), lit("passed")).otherwise(lit(FAILED)),
            lit(", "), r.getField("detail"))))
        .withColumn("hard_failures", failures(Severity.HARD))
        .withColumn("soft_failures", failures(Severity.SOFT))
        .withColumn("as_of_month", lit(asOf.toString()))
        .withColumn("run_id", lit(runId))
        .select(QualityTable.SPEC.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** The failed expectations of a severity in checked rows, one text per failure ("jw_cf: quarantine-rate (hard): FAILED, ..."). */
  public static Dataset<Row> failures(Dataset<Row> checked, Severity severity) {
    String failed = "(" + severity.word() + "): " + FAILED;
    return checked.select(col("dataset"), explode(filter(col("expectations"), t -> t.contains(failed))).as("failure"))
        .select(concat(col("dataset"), lit(": "), col("failure")).as("failure"));
  }

  private static Dataset<Row> perDataset(SparkSession spark, Dataset<Row> manifest, Dataset<Row> datasetStats,
      List<String> datasets, YearMonth asOf) {
    Column ofAsOf = col("file_month").equalTo(asOf.toString());
    // A manifest landed before rows_rejected existed counted a rejected file's rows as quarantined.
    Column rejectedRows = List.of(manifest.columns()).contains("rows_rejected") ? col("rows_rejected") : lit(0L);
    Dataset<Row> files = manifest.filter(col("status").isin(CURRENT.toArray()))
        .withColumn("rows_rejected", coalesce(rejectedRows, lit(0L)))
        .withColumn("dataset", coalesce(col("dataset"), lit(UNMATCHED)))
        .groupBy("dataset").agg(
            count(lit(1)).as("files"),
            count(when(col("status").equalTo(REJECTED), 1)).as("files_rejected"),
            count(when(col("rows_read").notEqual(col("rows_landed").plus(col("rows_quarantined"))
                .plus(col("rows_rejected"))), 1)).as("files_not_conserved"),
            sum("rows_read").as("rows_read"),
            sum("rows_landed").as("rows_landed"),
            sum("rows_quarantined").as("rows_quarantined"),
            sum("rows_rejected").as("rows_rejected"),
            count(when(ofAsOf.and(col("status").notEqual(REJECTED)), 1)).as(AS_OF_FILES),
            count(when(ofAsOf, 1)).as(AS_OF_DELIVERED),
            count(when(ofAsOf.and(col("rows_read").equalTo(0)), 1)).as(AS_OF_WITHOUT_ROWS));
    Dataset<Row> named = spark.createDataset(datasets, Encoders.STRING()).toDF("dataset");
    Dataset<Row> withFiles = named.join(files, new String[] {"dataset"}, "full_outer");
    for (String figure : FILE_FIGURES) {
      withFiles = withFiles.withColumn(figure, coalesce(col(figure), lit(0L)));
    }
    List<Column> stats = new ArrayList<>(List.of(col("dataset")));
    RECORD_FIGURES.forEach(f -> stats.add(col(f)));
    return withFiles.join(datasetStats.select(stats.toArray(Column[]::new)), new String[] {"dataset"}, "left");
  }

  private static Dataset<Row> totals(Dataset<Row> perDataset, long idShapedRows) {
    List<Column> sums = new ArrayList<>();
    FILE_FIGURES.forEach(f -> sums.add(sum(f).as(f)));
    RECORD_FIGURES.forEach(f -> sums.add(sum(f).as(f)));
    return perDataset.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new))
        .withColumn("dataset", lit(ALL))
        .withColumn("id_shaped_rows", lit(idShapedRows));
  }

  private static Dataset<Row> withShares(Dataset<Row> figures) {
    return figures
        .withColumn("quarantine_share", share(col("rows_quarantined"), col("rows_read")))
        .withColumn("unresolved_share", share(col("unresolved"), col("matters")));
  }

  private static Column share(Column part, Column whole) {
    return when(whole.gt(0), part.cast("decimal(20,0)").divide(whole).cast(SHARE_TYPE));
  }

  /** Each configured expectation as a result struct where it applies to the row, else null. */
  private static List<Column> expectations(QualitySettings s, YearMonth asOf) {
    Column perDataset = col("dataset").notEqual(ALL);
    List<Column> results = new ArrayList<>();
    add(results, "file-conservation", s.fileConservation(), perDataset, col("files_not_conserved").equalTo(0),
        format_string("%d of %d files with rows read ≠ rows landed + rows quarantined + rows in a rejected file",
            col("files_not_conserved"), col("files")));
    add(results, "quarantine-rate", s.quarantineRate(), perDataset.and(col("rows_read").geq(s.quarantineMinRows())),
        col("quarantine_share").leq(s.quarantineAtMost()),
        format_string("%d of %d rows quarantined = %.2f%% (at most %.2f%%)", col("rows_quarantined"),
            col("rows_read"), percent(col("quarantine_share")), lit(s.quarantineAtMost() * 100)));
    add(results, "snapshots-delivered", s.snapshotsDelivered(), col("dataset").isin(s.snapshotDatasets().toArray()),
        col(AS_OF_FILES).gt(0), format_string("%d file(s) for " + asOf + " landed", col(AS_OF_FILES)));
    add(results, "files-hold-rows", s.filesHoldRows(), perDataset.and(col(AS_OF_DELIVERED).gt(0)),
        col(AS_OF_WITHOUT_ROWS).equalTo(0), format_string("%d of %d file(s) for " + asOf
            + " hold no data row (empty file or header only)", col(AS_OF_WITHOUT_ROWS), col(AS_OF_DELIVERED)));
    add(results, "unresolved-rate", s.unresolvedRate(), perDataset.and(col("matters").gt(0)),
        col("unresolved_share").leq(s.unresolvedAtMost()),
        format_string("%d of %d matters unresolved = %.2f%% (at most %.2f%%)", col("unresolved"), col("matters"),
            percent(col("unresolved_share")), lit(s.unresolvedAtMost() * 100)));
    add(results, "no-id-numbers-in-curated", s.noIdNumbersInCurated(), col("dataset").equalTo(ALL),
        col("id_shaped_rows").equalTo(0), format_string("%d curated rows hold an ID number", col("id_shaped_rows")));
    return results;
  }

  private static void add(List<Column> results, String name, Severity severity, Column applies, Column passed,
      Column detail) {
    if (severity != Severity.OFF) {
      results.add(when(applies, struct(lit(name).as("expectation"), lit(severity.word()).as("severity"),
          passed.as("passed"), detail.as("detail"))));
    }
  }

  private static Column percent(Column share) {
    return share.cast(DataTypes.DoubleType).multiply(100);
  }

  private static Column failures(Severity severity) {
    return size(filter(col("_results"), r -> r.getField("severity").equalTo(severity.word())
        .and(not(r.getField("passed")))));
  }
}
