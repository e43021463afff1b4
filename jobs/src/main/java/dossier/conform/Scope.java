package dossier.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dossier.conform.records.Records;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a conform run recomputes: every record ({@link #all()}), or the records a new delivery can
 * have changed ({@link #affected}). Those are the matters of the cadres touched (an added or removed
 * raw row with their ID, a changed roster history, a derived record falling due), every matter that
 * had a row added or removed, and the name-matched matters (petitions without an ID) naming such
 * a cadre, or all of them when the unit register changed. The cadres of the matters found are
 * touched in turn, once, so that a matter's duplicates and derived records come along.
 *
 * <p>In the record tables, the rows in scope are those of a touched cadre ({@code id_number}) or
 * of a recomputed record ({@code record_id}); the others stay as they are.
 */
final class Scope {
  private final Optional<Dataset<Row>> ids;
  private final Optional<Dataset<Row>> matters;
  private final Optional<Dataset<Row>> recordIds;

  private Scope(Optional<Dataset<Row>> ids, Optional<Dataset<Row>> matters, Optional<Dataset<Row>> recordIds) {
    this.ids = ids;
    this.matters = matters;
    this.recordIds = recordIds;
  }

  static Scope all() {
    return new Scope(Optional.empty(), Optional.empty(), Optional.empty());
  }

  boolean isAll() {
    return matters.isEmpty();
  }

  /**
   * @param changed raw rows added or removed since the watermark: dataset, record_key, id_number, name
   * @param historyChanges cadre_history rows added or removed: id_number, name
   * @param dueIds cadres with a time-dependent derived record falling due: id_number
   * @param unitsChanged whether unit_history changed
   * @param index every current raw row of the record datasets: dataset, record_key, id_number, name, name_matched
   * @param cadres cadre_history: id_number, name
   * @param keep materialises a step that later steps read more than once (the job's checkpoint)
   */
  static Scope affected(Dataset<Row> changed, Dataset<Row> historyChanges, Dataset<Row> dueIds, boolean unitsChanged,
      Dataset<Row> index, Dataset<Row> cadres, UnaryOperator<Dataset<Row>> keep) {
    Dataset<Row> ids0 = keep.apply(changed.select("id_number").union(historyChanges.select("id_number"))
        .union(dueIds.select("id_number")).where(col("id_number").isNotNull()).distinct());
    Dataset<Row> changedKeys = keep.apply(changed.select("dataset", "record_key").distinct());
    Dataset<Row> names0 = changed.select("name").union(historyChanges.select("name")).union(namesOf(ids0, cadres));
    Dataset<Row> matters1 = keep.apply(matters(index, ids0, changedKeys, names0, unitsChanged));
    Dataset<Row> ids1 = keep.apply(ids0.union(index.join(matters1, new String[] {"dataset", "record_key"}, "left_semi")
        .select("id_number")).where(col("id_number").isNotNull()).distinct());
    Dataset<Row> names1 = names0.union(namesOf(ids1, cadres));
    Dataset<Row> matters = keep.apply(matters(index, ids1, matters1, names1, unitsChanged));
    Dataset<Row> recordIds = keep.apply(matters.union(changedKeys)
        .select(Records.recordId(col("dataset"), col("record_key")).as("record_id")).distinct());
    return new Scope(Optional.of(ids1), Optional.of(matters), Optional.of(recordIds));
  }

  /** The delivered records (SourceRecords shape) of the matters in scope. */
  Dataset<Row> delivered(Dataset<Row> delivered) {
    return matters.map(m -> delivered.join(m, new String[] {"dataset", "record_key"}, "left_semi")).orElse(delivered);
  }

  /** The rows in scope of a record table (columns id_number and record_id). */
  Dataset<Row> targetRows(Dataset<Row> table) {
    if (isAll()) {
      return table;
    }
    // The touched cadres and records are few next to the table: broadcast, so the table is not shuffled.
    return table
        .join(broadcast(ids.get().withColumn("by_cadre", lit(true))), new String[] {"id_number"}, "left")
        .join(broadcast(recordIds.get().withColumn("by_record", lit(true))), new String[] {"record_id"}, "left")
        .where(coalesce(col("by_cadre"), lit(false)).or(coalesce(col("by_record"), lit(false))))
        .drop("by_cadre", "by_record");
  }

  private static Dataset<Row> matters(Dataset<Row> index, Dataset<Row> ids, Dataset<Row> keys, Dataset<Row> names,
      boolean unitsChanged) {
    Dataset<Row> matter = index.select("dataset", "record_key");
    Dataset<Row> nameMatched = index.where(col("name_matched"));
    Dataset<Row> byName = unitsChanged ? nameMatched : nameMatched.join(names.where(col("name").isNotNull()).distinct(),
        new String[] {"name"}, "left_semi");
    return index.join(ids, new String[] {"id_number"}, "left_semi").select("dataset", "record_key")
        .union(matter.join(keys, new String[] {"dataset", "record_key"}, "left_semi"))
        .union(byName.select("dataset", "record_key"))
        .distinct();
  }

  private static Dataset<Row> namesOf(Dataset<Row> ids, Dataset<Row> cadres) {
    return cadres.join(ids, new String[] {"id_number"}, "left_semi").select("name");
  }
}
