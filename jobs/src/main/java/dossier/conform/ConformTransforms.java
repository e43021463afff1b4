package dossier.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dossier.conform.derived.Derived;
import dossier.conform.history.History;
import dossier.conform.identity.Identities;
import dossier.conform.identity.PersonKeys;
import dossier.conform.records.Duplicates;
import dossier.conform.records.Records;
import dossier.conform.records.SourceRecords;
import dossier.conform.records.Versions;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.RecordMapping;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Delivered records to the conformed record tables: versions and states, derived records,
 * cross-source merges, identity resolution and unit attribution. Pure functions of their inputs.
 */
public final class ConformTransforms {
  /** The roster columns whose change opens a new cadre_history interval. */
  private static final List<String> CADRE_STATE = List.of(
      "name", "gender", "birth", "unit_code", "post", "rank", "role", "post_since", "team_member");
  private static final List<String> UNIT_STATE = List.of("unit_name", "unit_type");

  private ConformTransforms() {}

  /** unit_history from the raw zzb_unit snapshots. */
  public static Dataset<Row> unitHistory(Dataset<Row> unitSnapshots) {
    return ConformedTables.UNIT_HISTORY.select(History.intervals(unitSnapshots, "unit_code", UNIT_STATE));
  }

  /** cadre_history from the raw zzb_roster snapshots. */
  public static Dataset<Row> cadreHistory(Dataset<Row> rosterSnapshots, PersonKeys keys) {
    return ConformedTables.CADRE_HISTORY.select(History.intervals(rosterSnapshots, "id_number", CADRE_STATE)
        .withColumn("person_key", keys.of(col("id_number"))));
  }

  /** The delivered records (SourceRecords shape) of every dataset with a record block, from its raw rows. */
  public static Dataset<Row> delivered(Function<String, Dataset<Row>> rawRows, ConformSettings settings) {
    return SourceRecords.records(flagged(rawRows, settings));
  }

  /**
   * Every raw row of every dataset with a record block, in the SourceRecords shape with its person
   * and copy flags ({@link SourceRecords#flagged}): the delivered records and dataset_stats' counts
   * both come from it.
   */
  public static Dataset<Row> flagged(Function<String, Dataset<Row>> rawRows, ConformSettings settings) {
    Dataset<Row> all = null;
    for (RecordMapping mapping : settings.records().values()) {
      Dataset<Row> rows = SourceRecords.flagged(rawRows.apply(mapping.dataset()), mapping, settings);
      all = all == null ? rows : all.unionByName(rows);
    }
    return all;
  }

  /**
   * Record versions (Records shape) of delivered records (SourceRecords shape) and the records
   * derived from them, evaluated up to {@code latestMonth}. Each step is read several times by the
   * next ones: {@code share} materialises it (a plan that repeats its inputs grows exponentially).
   */
  public static Dataset<Row> recordVersions(Dataset<Row> delivered, String latestMonth, ConformSettings settings,
      UnaryOperator<Dataset<Row>> share) {
    Dataset<Row> matters = share.apply(Versions.of(delivered));
    Dataset<Row> all = share.apply(matters.unionByName(Derived.of(matters, latestMonth, settings)));
    return Records.combine(all, share.apply(Duplicates.groups(matters, settings)));
  }

  /** The identity of every record, decided on its latest version (Identities' resolutions). */
  public static Dataset<Row> resolutions(Dataset<Row> recordVersions, Dataset<Row> cadres, Dataset<Row> units,
      ConformSettings settings, PersonKeys keys) {
    String[] nameMatched = settings.nameMatched().stream().map(RecordMapping::dataset).toArray(String[]::new);
    Dataset<Row> latest = latest(recordVersions)
        .withColumn("name_matched", col("dataset").isin((Object[]) nameMatched).and(col("derived").equalTo(false)));
    return Identities.resolve(latest, cadres, units, keys);
  }

  /** record_version: the versions of resolved records, each attributed to the cadre's unit on its event date. */
  public static Dataset<Row> recordVersionTable(Dataset<Row> recordVersions, Dataset<Row> resolutions, Dataset<Row> cadres,
      PersonKeys keys) {
    Dataset<Row> resolved = recordVersions.join(resolutions.where(col("person_id").isNotNull()), "record_id").as("v");
    Dataset<Row> h = History.withFirst(cadres, "id_number").as("h");
    Dataset<Row> attributed = resolved.join(h, col("h.id_number").equalTo(col("v.person_id"))
            .and(History.validAt(col("v.event_date"), "h.")), "left")
        .select(col("v.*"), col("h.unit_code").as("attributed_unit"), col("h.name").as("cadre_name"));
    return ConformedTables.RECORD_VERSION.select(attributed
        .withColumn("person_key", keys.of(col("person_id")))
        .withColumn("id_number", col("person_id"))
        .withColumn("name", coalesce(col("cadre_name"), col("name")))
        .withColumn("unit_code", col("attributed_unit"))
        .withColumn("state", when(col("revoked"), lit(Records.REVOKED)).otherwise(lit(Records.ACTIVE))));
  }

  /** supervision_record: the latest version of each record. */
  public static Dataset<Row> supervisionRecords(Dataset<Row> recordVersionTable) {
    return ConformedTables.SUPERVISION_RECORD.select(latest(recordVersionTable));
  }

  /** unresolved_record: the latest version of each record no single cadre was found for. */
  public static Dataset<Row> unresolvedRecords(Dataset<Row> recordVersions, Dataset<Row> resolutions) {
    return ConformedTables.UNRESOLVED_RECORD.select(latest(recordVersions)
        .join(resolutions.where(col("person_id").isNull()), "record_id"));
  }

  private static Dataset<Row> latest(Dataset<Row> versions) {
    return versions
        .withColumn("latest", row_number().over(Window.partitionBy("record_id").orderBy(desc("version_month"))))
        .where(col("latest").equalTo(1))
        .drop("latest");
  }
}
