package dossier.land;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import dossier.cli.Console;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.contract.Supersession;
import dossier.job.ConcurrentWrites;
import dossier.job.JobContext;
import dossier.job.StageResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Lands delivered agency files in the raw (bronze) layer. Tables written, by grain:
 * <ul>
 *   <li>{@code raw/<dataset>}: one row per delivered data row that passed validation, of every
 *       version of each file name with bytes of its own; canonical typed columns, then the
 *       provenance columns, {@code superseded_by} naming the version that replaced a row's version
 *       (null for the current one);
 *   <li>{@code raw/quarantine}: one row per rejected row of the current versions, with every
 *       reason, and one row (no row number) per rejected file, with its reason: a file that cannot
 *       land as a whole (a required column missing, an unknown dataset, an empty file) stands for
 *       its rows;
 *   <li>{@code raw/file_manifest}: one row per delivered file path, written last.
 * </ul>
 * Files are hashed and read on the executors; the driver sees only file metadata and counts.
 * Each table gets at most one commit per run (tables written side by side, see
 * {@link ConcurrentWrites}), replacing the rows of the file names written
 * ({@code replaceWhere} on source_file), so re-runs and crash repairs never duplicate rows.
 * For every file the job checks rows read (the parser's count) = rows landed + rows quarantined +
 * rows in a rejected file (the typed rows handed to the writes, counted in one pass over the cached
 * parse before writing, not by reading the tables back), and fails naming the file otherwise.
 */
public final class LandJob {
  private final JobContext context;
  private final SparkSession spark;
  private final Map<String, DatasetContract> contracts;
  private final Timestamp landedAt;
  private final Broadcast<SerializableConfiguration> hadoopConf;
  private final Optional<YearMonth> upTo;

  /** Lands every delivery folder up to {@code upTo} (all of them when empty). */
  public LandJob(JobContext context, Optional<YearMonth> upTo) {
    this.context = context;
    this.upTo = upTo;
    this.spark = context.spark();
    this.contracts = context.settings().datasets();
    this.landedAt = Timestamp.from(context.startedAt());
    this.hadoopConf = SerializableConfiguration.broadcast(spark.sparkContext());
  }

  public Result run() {
    Deliveries.Listing listing = discover();
    List<Delivery> deliveries = fingerprint(listing.files());
    List<LandingPlan.Step> steps = LandingPlan.plan(FileManifest.read(spark, context.lake().fileManifest()), deliveries);
    List<String> notes = new ArrayList<>(listing.notes());
    if (steps.isEmpty()) {
      return new Result(List.of(), notes);
    }
    Dataset<Row> parsed = parse(steps).persist();
    try {
      Map<String, FileSummary> summaries = summarise(parsed);
      Map<String, Dataset<Row>> typed = typeRows(parsed, steps, summaries);
      Map<String, RowCounts> counted = countRows(typed, steps, summaries);
      List<Runnable> writes = new ArrayList<>(datasetTableWrites(typed, steps));
      quarantineWrite(typed, steps, summaries).ifPresent(writes::add);
      ConcurrentWrites.run(writes, context.settings().concurrentWrites());
      List<ManifestEntry> entries = manifestEntries(steps, summaries, counted, notes);
      context.tables().write(context.lake().fileManifest(),
          path -> FileManifest.merge(spark, path, entries, context.runId(), landedAt));
      return new Result(entries, notes);
    } finally {
      parsed.unpersist();
    }
  }

  private Deliveries.Listing discover() {
    Path root = new Path(context.settings().landing().root());
    try {
      return Deliveries.list(root.getFileSystem(hadoopConf.value().value()), root, upTo);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the landing folder " + root + ": " + e.getMessage(), e);
    }
  }

  /** Hashes every file on the executors; only the fingerprints come back. */
  private List<Delivery> fingerprint(List<DeliveredFile> files) {
    if (files.isEmpty()) {
      return List.of();
    }
    Broadcast<SerializableConfiguration> conf = hadoopConf;
    JavaRDD<DeliveredFile> spread = FileBins.spread(jsc(), files, DeliveredFile::sizeBytes);
    Map<String, Fingerprint> prints = new HashMap<>();
    spread.map(file -> new scala.Tuple2<>(file.sourcePath(), fingerprintOf(file, conf.value().value())))
        .collect().forEach(t -> prints.put(t._1(), t._2()));
    return files.stream()
        .map(f -> new Delivery(f, FileNames.identify(f, contracts), prints.get(f.sourcePath())))
        .toList();
  }

  private static Fingerprint fingerprintOf(DeliveredFile file, Configuration conf) throws IOException {
    Path path = new Path(file.uri());
    FileSystem fs = path.getFileSystem(conf);
    try (InputStream in = fs.open(path)) {
      return Fingerprint.of(in);
    }
  }

  /** Reads the files the plan needs on the executors: one generic row per data row, one summary per file. */
  private Dataset<Row> parse(List<LandingPlan.Step> steps) {
    List<ParseTask> tasks = steps.stream().filter(LandJob::needsReading).map(s -> s.delivery().task()).toList();
    FileParser parser = new FileParser(ReadRules.from(context.settings().landing(), contracts));
    Broadcast<SerializableConfiguration> conf = hadoopConf;
    JavaRDD<Row> rows = tasks.isEmpty() ? jsc().emptyRDD()
        : FileBins.spread(jsc(), tasks, ParseTask::sizeBytes)
            .mapPartitions(it -> parser.parseAll(it, conf.value().value()));
    return spark.createDataFrame(rows, FileParser.SCHEMA);
  }

  private static boolean needsReading(LandingPlan.Step step) {
    return step.action() != LandingPlan.Action.RECORD && step.delivery() != null && step.delivery().rejection() == null;
  }

  /** What the parser says per file: rows read and why the file cannot land as a whole. */
  record FileSummary(long rowsRead, String fileReason) {
    boolean rejected() {
      return fileReason != null;
    }
  }

  private Map<String, FileSummary> summarise(Dataset<Row> parsed) {
    Map<String, FileSummary> summaries = new HashMap<>();
    parsed.where(col("summary")).select(Provenance.SOURCE_PATH, "rows_read", "file_reason").collectAsList()
        .forEach(r -> summaries.put(r.getString(0), new FileSummary(r.getLong(1), r.getString(2))));
    return summaries;
  }

  /**
   * Per dataset read this run: its rows typed, with every reason. The files' own reasons come from
   * the summaries already on the driver: a local table, so that no dataset's plan re-scans the
   * parsed rows to broadcast them.
   */
  private Map<String, Dataset<Row>> typeRows(Dataset<Row> parsed, List<LandingPlan.Step> steps,
      Map<String, FileSummary> summaries) {
    List<Row> fileReasons = new ArrayList<>();
    summaries.forEach((path, summary) -> {
      if (summary.fileReason() != null) {
        fileReasons.add(RowFactory.create(path, summary.fileReason()));
      }
    });
    StructType reasonSchema = new StructType().add(Provenance.SOURCE_PATH, "string").add("file_reason", "string");
    Dataset<Row> rows = LandTransforms.withFileReasons(parsed.where(not(col("summary"))),
        spark.createDataFrame(fileReasons, reasonSchema));
    Map<String, Dataset<Row>> typed = new TreeMap<>();
    steps.stream().map(s -> datasetOf(s)).filter(d -> d != null)
        .forEach(d -> typed.computeIfAbsent(d, name -> LandTransforms.typed(rows, contracts.get(name))));
    return typed;
  }

  /** Rows of one file: those that land, those quarantined, and those of a file rejected as a whole. */
  record RowCounts(long landed, long quarantined, long rejected) {
    static final RowCounts NONE = new RowCounts(0, 0, 0);

    long total() {
      return landed + quarantined + rejected;
    }
  }

  /**
   * Per file read this run (written, or superseded within the run and only counted): its typed
   * rows that land and that go to quarantine, in one aggregation over the cached parse. The rows
   * of a file rejected as a whole are counted as such: its one quarantine row stands for them.
   */
  private Map<String, RowCounts> countRows(Map<String, Dataset<Row>> typed, List<LandingPlan.Step> steps,
      Map<String, FileSummary> summaries) {
    Set<String> paths = paths(steps, LandJob::needsReading);
    Set<String> datasets = steps.stream().filter(LandJob::needsReading).map(LandJob::datasetOf)
        .collect(Collectors.toSet());
    Map<String, RowCounts> counts = new HashMap<>();
    typed.entrySet().stream().filter(t -> datasets.contains(t.getKey()))
        .map(t -> t.getValue().select(Provenance.SOURCE_PATH, LandTransforms.REASONS))
        .reduce(Dataset::unionAll)
        .ifPresent(union -> LandTransforms.countsPerFile(union.where(col(Provenance.SOURCE_PATH)
                .isin(paths.toArray()))).collectAsList()
            .forEach(r -> counts.put(r.getString(0), new RowCounts(r.getLong(1), r.getLong(2), 0))));
    summaries.forEach((path, summary) -> {
      if (summary.rejected() && counts.containsKey(path)) {
        counts.put(path, new RowCounts(0, 0, counts.get(path).total()));
      }
    });
    return counts;
  }

  /**
   * One commit per dataset table: the rows of the names written this run are rewritten together.
   * Every version with bytes of its own keeps its rows, marked with the version that replaced it
   * ({@link Provenance#SUPERSEDED_BY}, null for the current one): the versions read this run from
   * their files, the earlier ones from the table as they were landed, with their marks brought up
   * to date.
   */
  private List<Runnable> datasetTableWrites(Map<String, Dataset<Row>> typed, List<LandingPlan.Step> steps) {
    List<Runnable> writes = new ArrayList<>();
    for (Map.Entry<String, Dataset<Row>> dataset : typed.entrySet()) {
      DatasetContract contract = contracts.get(dataset.getKey());
      Predicate<LandingPlan.Step> ofDataset = s -> dataset.getKey().equals(datasetOf(s));
      Predicate<LandingPlan.Step> read = ofDataset.and(LandJob::landsRows);
      Set<String> names = names(steps, read);
      if (names.isEmpty()) {
        continue;
      }
      Set<String> readPaths = paths(steps, read);
      Column marks = supersededBy(steps, ofDataset);
      Dataset<Row> landed = LandTransforms.landed(dataset.getValue(), contract, context.runId(), landedAt, marks)
          .where(col(Provenance.SOURCE_PATH).isin(readPaths.toArray()));
      String table = context.lake().raw(dataset.getKey());
      boolean earlierVersions = steps.stream().filter(ofDataset).anyMatch(s -> s.link().relation() != LandingPlan.Relation.FIRST);
      if (earlierVersions && context.tables().exists(table)) {
        // By name: a table landed under an earlier contract may lack a column (null) or hold one more.
        landed = landed.unionByName(earlierVersionRows(context.tables().read(table), names, readPaths, steps,
            ofDataset), true);
      }
      Dataset<Row> rows = landed.coalesce(filesFor(steps, read));
      writes.add(() -> replace(rows, table, names));
    }
    return writes;
  }

  /**
   * The rows already landed for {@code names} from versions not read this run, in the raw
   * table's shape; a version whose place moved this run (it was replaced) gets its new mark.
   */
  private static Dataset<Row> earlierVersionRows(Dataset<Row> table, Set<String> names, Set<String> readPaths,
      List<LandingPlan.Step> steps, Predicate<LandingPlan.Step> ofDataset) {
    Dataset<Row> rows = Supersession.marked(table);
    Set<String> moved = paths(steps, ofDataset);
    Column mark = when(col(Provenance.SOURCE_PATH).isin(moved.toArray()), supersededBy(steps, ofDataset))
        .otherwise(col(Provenance.SUPERSEDED_BY));
    return rows.where(col(Provenance.SOURCE_FILE).isin(names.toArray())
            .and(not(col(Provenance.SOURCE_PATH).isin(readPaths.toArray()))))
        .withColumn(Provenance.SUPERSEDED_BY, mark);
  }

  /** Per path of the steps: the path of the version that replaced it, null for a current version. */
  private static Column supersededBy(List<LandingPlan.Step> steps, Predicate<LandingPlan.Step> which) {
    Column mark = lit(null).cast("string");
    for (LandingPlan.Step step : steps) {
      if (which.test(step) && step.link().relation() == LandingPlan.Relation.SUPERSEDED_BY) {
        mark = when(col(Provenance.SOURCE_PATH).equalTo(step.sourcePath()), lit(step.link().other())).otherwise(mark);
      }
    }
    return mark;
  }

  /** One commit: quarantined rows of the files written, and one row for each rejected file instead of its rows. */
  private Optional<Runnable> quarantineWrite(Map<String, Dataset<Row>> typed, List<LandingPlan.Step> steps,
      Map<String, FileSummary> summaries) {
    Set<String> names = names(steps, LandJob::isWrite);
    if (names.isEmpty()) {
      return Optional.empty();
    }
    Set<String> paths = paths(steps, LandJob::isWrite);
    paths.removeIf(path -> summaries.containsKey(path) && summaries.get(path).rejected());
    Dataset<Row> rows = typed.values().stream()
        .map(t -> LandTransforms.quarantined(t, context.runId(), landedAt))
        .reduce(Dataset::unionAll)
        .orElseGet(() -> spark.createDataFrame(List.<Row>of(), quarantineSchema()))
        .where(col(Provenance.SOURCE_PATH).isin(paths.toArray()));
    List<Row> wholeFiles = new ArrayList<>();
    for (LandingPlan.Step step : steps) {
      String reason = wholeFileReason(step, summaries);
      if (isWrite(step) && reason != null) {
        Delivery d = step.delivery();
        wholeFiles.add(RowFactory.create(d.identity().dataset(), d.file().fileName(), d.file().sourcePath(),
            d.file().deliveryMonth(), d.fingerprint().sha256(), null, FileParser.scalaMap(Map.of()), new String[] {reason},
            context.runId(),
            landedAt));
      }
    }
    Dataset<Row> all = rows.unionAll(spark.createDataFrame(wholeFiles, rows.schema()))
        .coalesce(filesFor(steps, LandJob::isWrite));
    return Optional.of(() -> replace(all, context.lake().quarantine(), names));
  }

  /**
   * How many Parquet files the rows of the steps' files make: one per delivered-bytes-per-file,
   * at least one (the parsed rows are spread over more partitions than small tables need).
   */
  private int filesFor(List<LandingPlan.Step> steps, Predicate<LandingPlan.Step> which) {
    long bytes = steps.stream().filter(which).mapToLong(s -> s.delivery().file().sizeBytes()).sum();
    long perFile = context.settings().landing().deliveredBytesPerFile();
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (bytes + perFile - 1) / perFile));
  }

  private StructType quarantineSchema() {
    StructType parsed = FileParser.SCHEMA;
    StructType schema = new StructType();
    for (String column : LandTransforms.QUARANTINE_COLUMNS) {
      schema = switch (column) {
        case Provenance.RUN_ID -> schema.add(column, org.apache.spark.sql.types.DataTypes.StringType);
        case Provenance.LANDED_AT -> schema.add(column, org.apache.spark.sql.types.DataTypes.TimestampType);
        default -> schema.add(parsed.apply(column));
      };
    }
    return schema;
  }

  /** A file rejected before reading, or found unable to land as a whole: one quarantine row stands for it. */
  private static String wholeFileReason(LandingPlan.Step step, Map<String, FileSummary> summaries) {
    if (step.delivery() == null) {
      return null;
    }
    if (step.delivery().rejection() != null) {
      return step.delivery().rejection();
    }
    FileSummary summary = summaries.get(step.sourcePath());
    return summary == null ? null : summary.fileReason();
  }

  private void replace(Dataset<Row> rows, String table, Set<String> names) {
    String predicate = names.stream().map(n -> "'" + n.replace("'", "''") + "'")
        .collect(Collectors.joining(", ", Provenance.SOURCE_FILE + " IN (", ")"));
    context.tables().write(table, path -> rows.write().format("delta").mode("overwrite")
        .option("replaceWhere", predicate).option("mergeSchema", "true").save(path));
  }

  private List<ManifestEntry> manifestEntries(List<LandingPlan.Step> steps, Map<String, FileSummary> summaries,
      Map<String, RowCounts> counted, List<String> notes) {
    List<ManifestEntry> entries = new ArrayList<>();
    for (LandingPlan.Step step : steps) {
      LandingPlan.Link link = step.link();
      Delivery d = step.delivery();
      boolean keepsCounts = step.action() == LandingPlan.Action.RECORD && step.previous() != null
          && (d == null || step.previous().sha256().equals(d.fingerprint().sha256()));
      if (keepsCounts || d == null) {
        if (d == null && step.action() == LandingPlan.Action.WRITE) {
          notes.add("cannot re-read " + step.sourcePath() + " (no longer in the landing folder): its rows stay as they were");
        }
        entries.add(step.previous().withStatus(link.status(), link.message()));
        continue;
      }
      FileSummary summary = summaries.getOrDefault(step.sourcePath(), new FileSummary(0, null));
      RowCounts rows = step.action() == LandingPlan.Action.RECORD ? RowCounts.NONE
          : counted.getOrDefault(step.sourcePath(), RowCounts.NONE);
      checkConservation(step.sourcePath(), summary.rowsRead(), rows);
      String rejection = d.rejection() != null ? d.rejection() : summary.fileReason();
      boolean rejected = rejection != null && link.isCurrent();
      String warning = rejection == null && needsReading(step) && summary.rowsRead() == 0 ? FileMessages.NO_DATA_ROWS
          : null;
      String message = FileMessages.join(rejected ? rejection : warning, link.message());
      entries.add(new ManifestEntry(step.sourcePath(), step.sourceFile(), d.identity().dataset(),
          d.file().deliveryMonth(), d.identity().fileMonth(), d.fingerprint().sha256(), d.file().sizeBytes(),
          d.fingerprint().format(), d.fingerprint().encoding(), rejected ? ManifestEntry.REJECTED : link.status(),
          summary.rowsRead(), rows.landed(), rows.quarantined(), rows.rejected(), message));
    }
    return entries;
  }

  private static void checkConservation(String path, long read, RowCounts rows) {
    if (read != rows.total()) {
      throw new IllegalStateException("conservation broken for " + path + ": rows read " + read + " but rows landed "
          + rows.landed() + " + rows quarantined " + rows.quarantined() + " + rows in the rejected file "
          + rows.rejected() + " = " + rows.total());
    }
  }

  private static boolean isWrite(LandingPlan.Step step) {
    return step.action() == LandingPlan.Action.WRITE && step.delivery() != null;
  }

  /** A version read this run whose rows go to its raw table: the current one, or one replaced within the run. */
  private static boolean landsRows(LandingPlan.Step step) {
    return isWrite(step) || step.action() == LandingPlan.Action.KEEP;
  }

  private static String datasetOf(LandingPlan.Step step) {
    return step.delivery() == null ? null : step.delivery().identity().dataset();
  }

  /** The file names whose rows the steps replace: every version's name, whatever its extension. */
  private static Set<String> names(List<LandingPlan.Step> steps, Predicate<LandingPlan.Step> which) {
    return steps.stream().filter(which).flatMap(s -> s.versionNames().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> paths(List<LandingPlan.Step> steps, Predicate<LandingPlan.Step> which) {
    return steps.stream().filter(which).map(LandingPlan.Step::sourcePath).collect(Collectors.toCollection(TreeSet::new));
  }

  private JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /**
   * What a landing run did: the manifest rows it wrote (new files and changed statuses) and
   * notes on what it passed over.
   */
  public record Result(List<ManifestEntry> entries, List<String> notes) implements StageResult {
    /** Files whose rows this run read, by dataset. */
    public Map<String, Counts> perDataset() {
      Map<String, Counts> totals = new TreeMap<>();
      entries.stream().filter(e -> e.isCurrent() && e.dataset() != null)
          .forEach(e -> totals.merge(e.dataset(), Counts.of(e), Counts::plus));
      return totals;
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      perDataset().forEach((dataset, counts) -> lines.add(counts.line(dataset)));
      if (entries.isEmpty()) {
        lines.add("nothing new: every delivered file is already in the manifest");
      } else {
        lines.add(perDataset().values().stream().reduce(Counts.NONE, Counts::plus).line("total"));
      }
      entries.stream().filter(e -> !e.status().equals(ManifestEntry.LANDED) || e.message() != null)
          .forEach(e -> lines.add(String.format("%-10s %s%s", e.status().equals(ManifestEntry.LANDED) ? "warning"
              : e.status(), e.sourcePath(), e.message() == null ? "" : "  (" + e.message() + ")")));
      notes.forEach(n -> lines.add("note: " + n));
      return lines;
    }
  }

  /** Files and their rows: read = landed + quarantined + in rejected files. */
  public record Counts(long files, long read, long landed, long quarantined, long rejected) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    static Counts of(ManifestEntry e) {
      return new Counts(1, e.rowsRead(), e.rowsLanded(), e.rowsQuarantined(), e.rowsRejected());
    }

    Counts plus(Counts o) {
      return new Counts(files + o.files, read + o.read, landed + o.landed, quarantined + o.quarantined,
          rejected + o.rejected);
    }

    String line(String label) {
      return String.format("%-10s files %s  read %s  landed %s  quarantined %s%s", label, Console.count(files),
          Console.count(read), Console.count(landed), Console.count(quarantined),
          rejected == 0 ? "" : "  in rejected files " + Console.count(rejected));
    }
  }
}
