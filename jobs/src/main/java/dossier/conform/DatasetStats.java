package dossier.conform;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.conform.records.SourceRecords;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.RecordMapping;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * dataset_stats: where each person-level dataset's rows went. Conserved per dataset:
 * rows_in = not_person_records + exact_duplicates + superseded_versions + matters, and
 * matters = records_out + cross_source_merges + unresolved.
 */
public final class DatasetStats {
  private DatasetStats() {}

  /**
   * @param raw the full raw rows of every dataset with a record block, by dataset
   * @param records supervision_record
   * @param unresolved unresolved_record
   */
  public static Dataset<Row> of(Map<String, Dataset<Row>> raw, Dataset<Row> records, Dataset<Row> unresolved,
      ConformSettings settings) {
    Dataset<Row> rows = null;
    for (RecordMapping mapping : settings.records().values()) {
      Dataset<Row> counts = rawCounts(raw.get(mapping.dataset()), mapping);
      rows = rows == null ? counts : rows.unionByName(counts);
    }
    Dataset<Row> outcomes = outcomes(records, unresolved, settings);
    return ConformedTables.DATASET_STATS.select(rows.join(outcomes, new String[] {"dataset"}, "left")
        .na().fill(0, new String[] {"cross_source_merges", "revocations", "unresolved", "records_out"}));
  }

  private static Dataset<Row> rawCounts(Dataset<Row> raw, RecordMapping mapping) {
    Column person = mapping.where().map(sql -> coalesce(expr(sql), lit(false))).orElse(lit(true));
    Column kept = col("person").and(col("copy").equalTo(1));
    return raw
        .withColumn("person", person)
        .withColumn("copy", SourceRecords.copyNumber(mapping.contract()))
        .withColumn("key", SourceRecords.recordKey(mapping.contract()))
        .agg(count(lit(1)).as("rows_in"),
            sum(when(not(col("person")), 1).otherwise(0)).cast("bigint").as("not_person_records"),
            sum(when(col("person").and(col("copy").gt(1)), 1).otherwise(0)).cast("bigint").as("exact_duplicates"),
            sum(when(kept, 1).otherwise(0)).cast("bigint").as("kept"),
            count_distinct(when(kept, col("key"))).as("matters"))
        .select(lit(mapping.dataset()).as("dataset"), col("rows_in"), col("not_person_records"),
            coalesce(col("exact_duplicates"), lit(0L)).as("exact_duplicates"),
            coalesce(col("kept"), lit(0L)).minus(col("matters")).as("superseded_versions"), col("matters"));
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
        sum(when(own.and(col("resolved")).and(col("state").equalTo("revoked")), 1).otherwise(0)).cast("bigint").as("revocations"),
        sum(when(own.and(not(col("resolved"))), 1).otherwise(0)).cast("bigint").as("unresolved"),
        sum(when(own.and(col("resolved")), 1).otherwise(0)).cast("bigint").as("records_out"));
  }
}
