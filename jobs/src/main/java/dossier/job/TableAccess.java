package dossier.job;

import dossier.lake.Lake;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.CommitInfo;
import scala.Option;

/**
 * How a stage reads and writes the lake's Delta tables, so that the run log can say which version
 * of each table the stage read and which version it wrote: the versions that reproduce the run
 * (time travel). Tables are named in the log by their path below the lake root
 * ({@code analysed/period_stat}).
 *
 * <p>A read is pinned to the version current at the call ({@code versionAsOf}); the first version
 * read of each table is recorded. When the stage replays an earlier run ({@link #replay}), every
 * read uses the version that run read, and a table it did not read counts as absent.
 */
public final class TableAccess {
  private final SparkSession spark;
  private final Lake lake;
  /** Synchronised: a stage may write several tables at once (see {@link ConcurrentWrites}). */
  private final Map<String, Long> read = Collections.synchronizedMap(new TreeMap<>());
  private final Map<String, Long> written = Collections.synchronizedMap(new TreeMap<>());
  /** The versions of the run being replayed; null when reading the current versions. */
  private Map<String, Long> replayed;
  /** Delta commits made through {@link #write}, and the data files they and other writes added. */
  private final LongAdder commits = new LongAdder();
  private final LongAdder filesWritten = new LongAdder();
  /** Rows the last write of each table wrote, from its commits' own metrics (no read back). */
  private final Map<String, Long> rowsWritten = Collections.synchronizedMap(new TreeMap<>());

  public TableAccess(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  public Lake lake() {
    return lake;
  }

  /**
   * From now on, reads see the lake as an earlier run read it: each table at the version recorded
   * in that run's {@code tables_read}; tables it did not read count as absent.
   */
  public void replay(Map<String, Long> versionsRead) {
    replayed = new TreeMap<>(versionsRead);
  }

  /** Whether there is a Delta table at {@code path} (when replaying: whether the replayed run read one). */
  public boolean exists(String path) {
    return replayed != null ? replayed.containsKey(lake.relative(path)) : version(path).isPresent();
  }

  /** The table at {@code path}, pinned to its current version (or the replayed run's), recorded as read. */
  public Dataset<Row> read(String path) {
    String table = lake.relative(path);
    long version = replayed != null ? replayedVersion(table) : version(path)
        .orElseThrow(() -> new IllegalStateException("no Delta table at " + path));
    return readVersion(path, version);
  }

  /**
   * The table at {@code path} as it was at {@code version}, recorded as read: for a stage that
   * keeps its own watermark of the versions it has read (conform).
   */
  public Dataset<Row> readVersion(String path, long version) {
    read.putIfAbsent(lake.relative(path), version);
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * Runs {@code write} on the Delta table at {@code path} and records the version it committed;
   * a write that commits nothing records nothing. The commits and the data files they added are
   * counted ({@link #commits()}, {@link #filesWritten()}).
   */
  public void write(String path, Consumer<String> write) {
    OptionalLong before = version(path);
    write.accept(path);
    OptionalLong after = version(path);
    if (after.isPresent() && !after.equals(before)) {
      written.put(lake.relative(path), after.getAsLong());
      long first = before.isPresent() ? before.getAsLong() + 1 : 0;
      commits.add(after.getAsLong() - first + 1);
      countCommitted(path, first, after.getAsLong());
    }
  }

  /**
   * Rows the last {@link #write} of the table wrote into new files, from its commits' operation
   * metrics ({@code numOutputRows}: for a plain write or a partition replace, the rows given; a
   * MERGE also counts the rows it copied); 0 when it committed nothing.
   */
  public long rowsWritten(String path) {
    return rowsWritten.getOrDefault(lake.relative(path), 0L);
  }

  /** Counts files a stage wrote outside Delta (curated Parquet, reports). */
  public void recordFilesWritten(long files) {
    filesWritten.add(files);
  }

  /** Delta commits made through this access so far. */
  public long commits() {
    return commits.sum();
  }

  /** Data files written through this access so far: Delta's added files and those recorded. */
  public long filesWritten() {
    return filesWritten.sum();
  }

  /** Counts the data files and rows the commits {@code first} to {@code last} added, from their log entries. */
  private void countCommitted(String path, long first, long last) {
    long files = 0;
    long rows = 0;
    var changes = DeltaLog.forTable(spark, path).getChanges(first, last, Option.empty(), false);
    while (changes.hasNext()) {
      var actions = changes.next()._2().iterator();
      while (actions.hasNext()) {
        var action = actions.next();
        files += action instanceof AddFile ? 1 : 0;
        if (action instanceof CommitInfo info && info.operationMetrics().isDefined()) {
          var metrics = info.operationMetrics().get();
          rows += metrics.get("numOutputRows").map(Long::parseLong).getOrElse(() -> 0L);
        }
      }
    }
    filesWritten.add(files);
    rowsWritten.put(lake.relative(path), rows);
  }

  /** Table (path below the lake root) to the first version read, sorted. */
  public Map<String, Long> versionsRead() {
    synchronized (read) {
      return new TreeMap<>(read);
    }
  }

  /** Table (path below the lake root) to the last version written, sorted. */
  public Map<String, Long> versionsWritten() {
    synchronized (written) {
      return new TreeMap<>(written);
    }
  }

  private long replayedVersion(String table) {
    Long version = replayed.get(table);
    if (version == null) {
      throw new IllegalStateException("the run being reproduced did not read " + table);
    }
    return version;
  }

  /**
   * The latest committed version of the Delta table at {@code path}; empty when there is none.
   * Asked of the table's log directly: {@code history(1)} plans and runs a query for one number,
   * and stages ask before every read and after every write.
   */
  public OptionalLong version(String path) {
    long version = DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
    return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
  }
}
