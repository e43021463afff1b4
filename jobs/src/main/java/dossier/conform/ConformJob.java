package dossier.conform;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.conform.derived.Derived;
import dossier.conform.identity.PersonKeys;
import dossier.conform.io.RawTables;
import dossier.conform.io.TableWriter;
import dossier.conform.records.Records;
import dossier.conform.records.SourceRecords;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.RecordMapping;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.job.JobContext;
import dossier.job.StageResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The conform stage: raw layer to the conformed layer (architecture.md "Conformed (silver)").
 * Histories are rebuilt from the snapshots and merged; records are recomputed for what changed
 * since the last run (see {@link Scope}) and merged on their keys; dataset_stats and the dossier
 * are recomputed from the conformed tables and merged; a run that finds nothing new writes nothing.
 * Tables written: unit_history, cadre_history, record_version, supervision_record,
 * unresolved_record, dataset_stats, dossier, and the watermark _conform_state, one commit each.
 */
public final class ConformJob {
  /** The snapshot datasets the histories come from. */
  static final String UNITS = "zzb_unit";
  static final String ROSTER = "zzb_roster";

  private final JobContext context;
  private final SparkSession spark;
  private final ConformSettings settings;
  private final RawTables raw;
  private final TableWriter tables;
  private final PersonKeys keys;

  public ConformJob(JobContext context) {
    this.context = context;
    this.spark = context.spark();
    this.settings = ConformSettings.from(context.settings());
    this.raw = new RawTables(spark, context.tables());
    this.tables = new TableWriter(spark, context.tables());
    this.keys = new PersonKeys(settings.identityKey());
  }

  public Result run() {
    Map<String, OptionalLong> versions = rawVersions();
    Optional<String> latestMonth = latestMonth(versions);
    if (latestMonth.isEmpty()) {
      return Result.nothing("no raw data yet: run land first");
    }
    Optional<Watermark> previous = previousWatermark();
    if (previous.isPresent() && unchanged(previous.get(), versions)) {
      return Result.unchanged(summary());
    }
    Dataset<Row> units = keep(ConformTransforms.unitHistory(read(UNITS, versions)));
    Dataset<Row> cadres = keep(ConformTransforms.cadreHistory(read(ROSTER, versions), keys));
    Dataset<Row> flagged = keep(ConformTransforms.flagged(dataset -> read(dataset, versions), settings));
    Dataset<Row> delivered = SourceRecords.records(flagged);
    Scope scope = scope(previous, versions, units, cadres, delivered, latestMonth.get());
    long written = writeHistories(units, cadres) + writeRecords(scope, delivered, units, cadres, latestMonth.get());
    written += writeStats(flagged) + writeDossier(units, cadres, latestMonth.get());
    saveWatermark(versions, latestMonth.get());
    return Result.conformed(summary(), latestMonth.get(), scope.isAll(), written);
  }

  private Map<String, OptionalLong> rawVersions() {
    Map<String, OptionalLong> versions = new TreeMap<>();
    context.settings().datasets().keySet().forEach(d -> versions.put(d, raw.version(d)));
    return versions;
  }

  private Dataset<Row> read(String dataset, Map<String, OptionalLong> versions) {
    return raw.read(context.settings().datasets().get(dataset), versions.get(dataset));
  }

  /** The latest delivery month in any raw table: the month the data runs up to. */
  private Optional<String> latestMonth(Map<String, OptionalLong> versions) {
    Dataset<Row> months = null;
    for (String dataset : versions.keySet()) {
      Dataset<Row> month = read(dataset, versions).agg(max(Provenance.DELIVERY_MONTH).as("month"));
      months = months == null ? month : months.union(month);
    }
    return Optional.ofNullable(months.agg(max("month")).first().getString(0));
  }

  private Optional<Watermark> previousWatermark() {
    if (!tables.exists(ConformedTables.CONFORM_STATE)) {
      return Optional.empty();
    }
    Row last = tables.read(ConformedTables.CONFORM_STATE).orderBy(desc("finished_at")).first();
    Map<String, Long> rawVersions = new TreeMap<>(last.getJavaMap(last.fieldIndex("raw_versions")));
    return Optional.of(new Watermark(rawVersions, last.getAs("latest_month"), last.getAs("settings_fingerprint"),
        last.getAs("cadre_history_version"), last.getAs("unit_history_version")));
  }

  private boolean unchanged(Watermark previous, Map<String, OptionalLong> versions) {
    return !settings.fullRebuild() && previous.fingerprint().equals(settings.fingerprint())
        && versions.entrySet().stream().allMatch(e -> e.getValue().equals(previous.rawVersion(e.getKey())));
  }

  private Scope scope(Optional<Watermark> previous, Map<String, OptionalLong> versions, Dataset<Row> units,
      Dataset<Row> cadres, Dataset<Row> delivered, String latestMonth) {
    if (previous.isEmpty() || settings.fullRebuild() || !previous.get().fingerprint().equals(settings.fingerprint())) {
      return Scope.all();
    }
    Watermark last = previous.get();
    Optional<Dataset<Row>> cadresThen = tables.readVersion(ConformedTables.CADRE_HISTORY, last.cadreHistoryVersion());
    Optional<Dataset<Row>> unitsThen = tables.readVersion(ConformedTables.UNIT_HISTORY, last.unitHistoryVersion());
    if (cadresThen.isEmpty() || unitsThen.isEmpty()) {
      return Scope.all();
    }
    Dataset<Row> historyChanges = keep(symmetricDifference(withoutLastSeen(cadres), withoutLastSeen(cadresThen.get()))
        .select("id_number", "name"));
    boolean unitsChanged = !symmetricDifference(withoutLastSeen(units), withoutLastSeen(unitsThen.get())).isEmpty();
    String[] nameMatched = settings.nameMatched().stream().map(RecordMapping::dataset).toArray(String[]::new);
    Dataset<Row> index = delivered.select(col("dataset"), col("record_key"), col("id_number"), col("name"),
        col("dataset").isin((Object[]) nameMatched).as("name_matched"));
    return Scope.affected(keep(changedRows(last, versions)), historyChanges,
        Derived.dueBetween(delivered, last.latestMonth(), latestMonth, settings.derived()), unitsChanged, index,
        cadres.select("id_number", "name"), this::keep);
  }

  /**
   * Raw rows of the record datasets added or removed since the watermark. Landing writes all the
   * rows of a file version in one run, so the comparison is by landing: the rows of a file version
   * (path, hash) whose landing run differs between the two sides. A file landed again (a crash
   * repair) counts as changed though its rows may be the same, which only widens the scope. The
   * landings are few, so this costs a scan of three columns per side, not a join of every row;
   * each side's landings are materialised once, as both differences read them.
   */
  private Dataset<Row> changedRows(Watermark last, Map<String, OptionalLong> versions) {
    Dataset<Row> changed = spark.createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
        .add("dataset", "string").add("record_key", "string").add("id_number", "string").add("name", "string"));
    for (RecordMapping mapping : settings.records().values()) {
      OptionalLong before = last.rawVersion(mapping.dataset());
      if (before.equals(versions.get(mapping.dataset()))) {
        continue;
      }
      DatasetContract contract = mapping.contract();
      Dataset<Row> landingsNow = keep(raw.landings(contract, versions.get(mapping.dataset())));
      Dataset<Row> landingsThen = keep(raw.landings(contract, before));
      Dataset<Row> rows = rowsOfLandings(raw.read(contract, versions.get(mapping.dataset())),
          landingsNow.except(landingsThen))
          .unionByName(rowsOfLandings(raw.read(contract, before), landingsThen.except(landingsNow)));
      changed = changed.unionByName(rows.select(lit(mapping.dataset()).as("dataset"),
          SourceRecords.recordKey(contract).as("record_key"), col(mapping.identify().id()).as("id_number"),
          mapping.identify().name().map(n -> col(n).cast("string")).orElse(lit(null).cast("string")).as("name")));
    }
    return changed;
  }

  /** The raw rows of the file versions (path, hash) of {@code landings}, whatever their run. */
  private static Dataset<Row> rowsOfLandings(Dataset<Row> rows, Dataset<Row> landings) {
    String[] file = {Provenance.SOURCE_PATH, Provenance.FILE_SHA256};
    return rows.join(broadcast(landings.drop(Provenance.RUN_ID, Provenance.SUPERSEDED_BY).distinct()), file, "left_semi");
  }

  /**
   * A history without its {@code last_seen}: every monthly snapshot moves the last_seen of every
   * current interval, and no record depends on it (records take the interval valid at their date).
   * Comparing with it put every current cadre, and every name-matched petition, in scope each month.
   */
  private static Dataset<Row> withoutLastSeen(Dataset<Row> history) {
    return history.drop("last_seen");
  }

  private static Dataset<Row> symmetricDifference(Dataset<Row> a, Dataset<Row> b) {
    return a.except(b).union(b.except(a));
  }

  private long writeHistories(Dataset<Row> units, Dataset<Row> cadres) {
    return tables.write(ConformedTables.UNIT_HISTORY, units, all -> all)
        + tables.write(ConformedTables.CADRE_HISTORY, cadres, all -> all);
  }

  private long writeRecords(Scope scope, Dataset<Row> delivered, Dataset<Row> units, Dataset<Row> cadres, String latestMonth) {
    Dataset<Row> versions = keep(ConformTransforms.recordVersions(scope.delivered(delivered), latestMonth, settings, this::keep));
    Dataset<Row> resolutions = keep(ConformTransforms.resolutions(versions, cadres, units, settings, keys));
    Dataset<Row> versionTable = keep(ConformTransforms.recordVersionTable(versions, resolutions, cadres, keys));
    return tables.write(ConformedTables.RECORD_VERSION, versionTable, scope::targetRows)
        + tables.write(ConformedTables.SUPERVISION_RECORD, ConformTransforms.supervisionRecords(versionTable), scope::targetRows)
        + tables.write(ConformedTables.UNRESOLVED_RECORD, ConformTransforms.unresolvedRecords(versions, resolutions),
            scope::targetRows);
  }

  private long writeStats(Dataset<Row> flagged) {
    return tables.write(ConformedTables.DATASET_STATS, DatasetStats.of(spark, flagged,
        tables.read(ConformedTables.SUPERVISION_RECORD), tables.read(ConformedTables.UNRESOLVED_RECORD), settings),
        all -> all);
  }

  private long writeDossier(Dataset<Row> units, Dataset<Row> cadres, String latestMonth) {
    return tables.write(ConformedTables.DOSSIER, dossier.conform.dossier.Dossiers.of(cadres, units,
        tables.read(ConformedTables.SUPERVISION_RECORD), latestMonth, settings.scoreWindowMonths()), all -> all);
  }

  private void saveWatermark(Map<String, OptionalLong> versions, String latestMonth) {
    Map<String, Long> read = new TreeMap<>();
    versions.forEach((d, v) -> v.ifPresent(n -> read.put(d, n)));
    Row row = RowFactory.create(context.runId(), Timestamp.from(Instant.now()),
        scala.jdk.javaapi.CollectionConverters.asScala(read), latestMonth, settings.fingerprint(),
        tables.version(ConformedTables.CADRE_HISTORY), tables.version(ConformedTables.UNIT_HISTORY));
    tables.append(ConformedTables.CONFORM_STATE,
        spark.createDataFrame(List.of(row), ConformedTables.CONFORM_STATE.schema()));
  }

  /**
   * Materialises a step several later steps read, and cuts its lineage: the plans of this job
   * reuse their inputs many times, and a plan that carries every input's whole plan along grows
   * exponentially (Catalyst then spends minutes on it). The checkpoint lives in executor storage
   * for the run (Spark's cleaner drops it once unreferenced).
   */
  private Dataset<Row> keep(Dataset<Row> data) {
    return data.localCheckpoint(true);
  }

  /** What the conformed tables hold now, for the console. */
  private Summary summary() {
    Dataset<Row> records = tables.read(ConformedTables.SUPERVISION_RECORD);
    Map<String, Long> byCategory = new LinkedHashMap<>();
    long merged = 0;
    long derived = 0;
    long revoked = 0;
    for (Row row : records.groupBy("category").agg(count(lit(1)).as("records"),
        sum(when(not(col("derived")).and(size(col("source_datasets")).gt(1)), 1).otherwise(0)).as("merged"),
        sum(when(col("derived"), 1).otherwise(0)).as("derived"),
        sum(when(col("state").equalTo(Records.REVOKED), 1).otherwise(0)).as("revoked")).collectAsList()) {
      byCategory.put(row.getString(0), row.getLong(1));
      merged += row.getLong(2);
      derived += row.getLong(3);
      revoked += row.getLong(4);
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    settings.categories().keySet().stream().filter(byCategory::containsKey).forEach(c -> ordered.put(c, byCategory.get(c)));
    return new Summary(ordered, settings.categories(), merged, derived, revoked,
        tables.read(ConformedTables.UNRESOLVED_RECORD).count(), tables.read(ConformedTables.RECORD_VERSION).count());
  }

  /** What the conformed tables hold. */
  public record Summary(Map<String, Long> recordsByCategory, Map<String, String> labels, long mergedDuplicates,
      long derived, long revoked, long unresolved, long versions) {
    long records() {
      return recordsByCategory.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** What a conform run did: printed by the CLI. */
  public record Result(String headline, Optional<Summary> summary) implements StageResult {
    static Result nothing(String why) {
      return new Result(why, Optional.empty());
    }

    static Result unchanged(Summary summary) {
      return new Result("nothing new since the last conform: no table written", Optional.of(summary));
    }

    static Result conformed(Summary summary, String latestMonth, boolean full, long rowsWritten) {
      return new Result(String.format("conformed up to %s (%s): %s rows inserted, updated or deleted", latestMonth,
          full ? "full rebuild" : "incremental", count(rowsWritten)), Optional.of(summary));
    }

    private static String count(long n) {
      return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(headline);
      summary.ifPresent(s -> {
        lines.add(String.format("records %s, by category:", count(s.records())));
        s.recordsByCategory().forEach((category, n) ->
            lines.add(String.format("  %-20s %-14s %8s", category, s.labels().get(category), count(n))));
        lines.add(String.format("merged duplicates %s · unresolved %s · derived %s · revoked %s · versions %s",
            count(s.mergedDuplicates()), count(s.unresolved()),
            count(s.derived()), count(s.revoked()),
            count(s.versions())));
      });
      return lines;
    }
  }
}
