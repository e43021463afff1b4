package dossier.conform;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.conform.records.Records;
import dossier.conform.records.SourceRecords;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.RecordMapping;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * dataset_stats: where each person-level dataset's rows went. Conserved per dataset:
 * rows_in = not_person_records + exact_duplicates + superseded_versions + matters, and
 * matters = records_out + cross_source_merges + unresolved.
 */
public final class DatasetStats {
  private DatasetStats() {}

  /**
   * @param flagged every raw row of the datasets with a record block, with its person and copy
   *     flags ({@code ConformTransforms.flagged}): one aggregation counts them all
   * @param records supervision_record
   * @param unresolved unresolved_record
   */
  public static Dataset<Row> of(SparkSession spark, Dataset<Row> flagged, Dataset<Row> records, Dataset<Row> unresolved,
      ConformSettings settings) {
    Dataset<Row> datasets = spark.createDataset(List.copyOf(settings.records().keySet()), Encoders.STRING())
        .toDF("dataset");
    Dataset<Row> counts = datasets.join(rawCounts(flagged), new String[] {"dataset"}, "left")
        .na().fill(0, new String[] {"rows_in", "not_person_records", "exact_duplicates", "superseded_versions", "matters"});
    Dataset<Row> outcomes = outcomes(records, unresolved, settings);
    return ConformedTables.DATASET_STATS.select(counts.join(outcomes, new String[] {"dataset"}, "left")
        .na().fill(0, new String[] {"cross_source_merges", "revocations", "unresolved", "records_out"}));
  }

  /** Per dataset with raw rows: rows in, not person records, exact duplicates, superseded versions, matters. */
  private static Dataset<Row> rawCounts(Dataset<Row> flagged) {
    Column person = col(SourceRecords.PERSON);
    Column kept = person.and(col(SourceRecords.COPY).equalTo(1));
    return flagged.groupBy("dataset")
        .agg(count(lit(1)).as("rows_in"),
            sum(when(not(person), 1).otherwise(0)).cast("bigint").as("not_person_records"),
            sum(when(person.and(col(SourceRecords.COPY).gt(1)), 1).otherwise(0)).cast("bigint").as("exact_duplicates"),
            sum(when(kept, 1).otherwise(0)).cast("bigint").as("kept"),
            count_distinct(when(kept, col("record_key"))).as("matters"))
        .select(col("dataset"), col("rows_in"), col("not_person_records"), col("exact_duplicates"),
            col("kept").minus(col("matters")).as("superseded_versions"), col("matters"));
  }

  /** Records and unresolved records by dataset; a merged record counts for the dataset it was merged into. */
  private static Dataset<Row> outcomes(Dataset<Row> records, Dataset<Row> unresolved, ConformSettings settings) {
    Column mergedInto = lit(null).cast("string");
    for (RecordMapping mapping : settings.records().values()) {
      if (mapping.duplicateOf().isPresent()) {
        mergedInto = when(col("dataset").equalTo(mapping.dataset()), lit(mapping.duplicateOf().get().dataset())).otherwise(mergedInto);
      }
    }
    Dataset<Row> all = records.where(not(col("derived")))
        .select(col("source_datasets"), col("state"), lit(true).as("resolved"))
        .unionByName(unresolved.where(col("dataset").isin(settings.records().keySet().toArray()))
            .select(col("source_datasets"), lit(null).cast("string").as("state"), lit(false).as("resolved")))
        .withColumn("dataset", explode(col("source_datasets")))
        .withColumn("merged", coalesce(array_contains(col("source_datasets"), mergedInto), lit(false)));
    Column own = not(col("merged"));
    return all.groupBy("dataset").agg(
        sum(when(col("merged"), 1).otherwise(0)).cast("bigint").as("cross_source_merges"),
        sum(when(own.and(col("resolved")).and(col("state").equalTo(Records.REVOKED)), 1).otherwise(0)).cast("bigint").as("revocations"),
        sum(when(own.and(not(col("resolved"))), 1).otherwise(0)).cast("bigint").as("unresolved"),
        sum(when(own.and(col("resolved")), 1).otherwise(0)).cast("bigint").as("records_out"));
  }
}
