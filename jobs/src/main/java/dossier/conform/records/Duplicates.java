package dossier.conform.records;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.DuplicateOf;
import dossier.conform.settings.RecordMapping;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Duplicates across sources (extracts.md, {@code record.duplicate-of}): a matter of a dataset with
 * {@code duplicate-of} is merged into the other dataset's matter of the same person with the same
 * document number when both carry one, else with equal {@code same} columns and event dates at most
 * the window apart. A matter merges with at most one other: each side takes its best candidate
 * (document number first, then the nearest date, then the key) and only mutual choices merge.
 *
 * <p>Groups: one row per matter, naming the matter whose record it belongs to
 * ({@code group_dataset}, {@code group_key}) and its {@code priority} there (0 = its content wins).
 */
public final class Duplicates {
  private Duplicates() {}

  /** The group of every matter of {@code versions} (matter-version shape), decided on each matter's latest version. */
  public static Dataset<Row> groups(Dataset<Row> versions, ConformSettings settings) {
    Dataset<Row> latest = versions
        .withColumn("latest", row_number().over(Window.partitionBy("dataset", "record_key").orderBy(desc("version_month"))))
        .where(col("latest").equalTo(1));
    Dataset<Row> merged = null;
    for (RecordMapping mapping : settings.records().values()) {
      if (mapping.duplicateOf().isPresent()) {
        Dataset<Row> pairs = pairs(latest, mapping.dataset(), mapping.duplicateOf().get(), settings.duplicateWindowDays());
        merged = merged == null ? pairs : merged.unionByName(pairs);
      }
    }
    Dataset<Row> matters = latest.select("dataset", "record_key");
    if (merged == null) {
      return matters.withColumn("group_dataset", col("dataset")).withColumn("group_key", col("record_key"))
          .withColumn("priority", lit(0));
    }
    return matters.join(merged, matters.col("dataset").equalTo(merged.col("dataset"))
            .and(matters.col("record_key").equalTo(merged.col("record_key"))), "left")
        .select(matters.col("dataset"), matters.col("record_key"),
            coalesce(merged.col("group_dataset"), matters.col("dataset")).as("group_dataset"),
            coalesce(merged.col("group_key"), matters.col("record_key")).as("group_key"),
            coalesce(merged.col("priority"), lit(0)).as("priority"));
  }

  /** Mutually best pairs: the duplicate's matter, with the other dataset's matter as its group. */
  private static Dataset<Row> pairs(Dataset<Row> latest, String dataset, DuplicateOf duplicate, int windowDays) {
    Dataset<Row> dup = latest.where(col("dataset").equalTo(dataset)).as("d");
    Dataset<Row> other = latest.where(col("dataset").equalTo(duplicate.dataset())).as("o");
    Column condition = col("d.id_number").equalTo(col("o.id_number"));
    for (String same : duplicate.same()) {
      condition = condition.and(col("d.attributes").getItem(same).equalTo(col("o.attributes").getItem(same)));
    }
    Column bothDocs = lit(false);
    Column docsEqual = lit(false);
    if (duplicate.docNo().isPresent()) {
      Column dupDoc = col("d.attributes").getItem(duplicate.docNo().get());
      Column otherDoc = col("o.attributes").getItem(duplicate.docNo().get());
      bothDocs = dupDoc.isNotNull().and(otherDoc.isNotNull());
      docsEqual = coalesce(dupDoc.equalTo(otherDoc), lit(false));
    }
    Column days = abs(datediff(col("d.event_date"), col("o.event_date")));
    Column matches = condition.and(when(bothDocs, docsEqual).otherwise(days.leq(windowDays)));
    Dataset<Row> candidates = dup.join(other, matches).select(
        col("d.record_key").as("dup_key"), col("o.record_key").as("other_key"),
        when(docsEqual, 0).otherwise(1).as("by_doc"), days.as("days"));
    Dataset<Row> best = candidates
        .withColumn("dup_choice", row_number().over(Window.partitionBy("dup_key").orderBy("by_doc", "days", "other_key")))
        .withColumn("other_choice", row_number().over(Window.partitionBy("other_key").orderBy("by_doc", "days", "dup_key")))
        .where(col("dup_choice").equalTo(1).and(col("other_choice").equalTo(1)));
    return best.select(lit(dataset).as("dataset"), col("dup_key").as("record_key"),
        lit(duplicate.dataset()).as("group_dataset"), col("other_key").as("group_key"), lit(1).as("priority"));
  }
}
