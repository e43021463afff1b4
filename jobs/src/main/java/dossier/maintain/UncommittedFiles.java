package dossier.maintain;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Parquet files inside the lake's Delta tables that no version of the table's log references:
 * what a write leaves when it loses a commit conflict or is killed before committing. A file
 * that any commit or checkpoint still in the log adds or removes belongs to a committed version
 * and stays, whatever its age, so every version remains readable (time travel); an unreferenced
 * file goes once it is older than the margin, so that a write still running is never cut short.
 * Delta's VACUUM cannot do this here: it keeps unreferenced files as long as removed ones (the
 * lake's 3,650-day retention), and with a shorter one it deletes committed versions' files too.
 *
 * <p>A table whose log holds anything else than JSON commits and classic checkpoints (e.g. v2
 * checkpoints with sidecars, staged commits) is passed over with a note: its references could
 * not all be read, and a file wrongly thought unreferenced would be lost.
 */
final class UncommittedFiles {
  private static final String LOG = "_delta_log";
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
  private static final Pattern CHECKPOINT = Pattern.compile("\\d{20}\\.checkpoint(\\.\\d+\\.\\d+)?\\.parquet");
  /** Log entries that are neither commits nor checkpoints but say nothing about data files. */
  private static final Pattern HARMLESS = Pattern.compile("\\d{20}\\.crc|_last_checkpoint|\\..*");
  private static final String REFERENCES = "add struct<path:string>, remove struct<path:string>";

  /** An unreferenced file: its table (below the lake root), its path and size. */
  record Leftover(String table, Path path, long bytes) {}

  /** What one pass found: the leftovers deleted, the ones kept as too young, and notes. */
  record Outcome(List<Leftover> deleted, List<Leftover> tooYoung, List<String> notes) {}

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path lakeRoot;

  UncommittedFiles(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    try {
      Path root = new Path(lakeRoot);
      this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      this.lakeRoot = fs.makeQualified(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the lake " + lakeRoot + ": " + e.getMessage(), e);
    }
  }

  /** Deletes every unreferenced Parquet file older than {@code olderThan} in every Delta table of the lake. */
  Outcome clean(Duration olderThan, Instant now) {
    List<Leftover> deleted = new ArrayList<>();
    List<Leftover> tooYoung = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    long before = now.minus(olderThan).toEpochMilli();
    try {
      for (Path table : tables()) {
        String name = relative(lakeRoot, table);
        List<String> unknown = unknownLogEntries(table);
        if (!unknown.isEmpty()) {
          notes.add(name + " passed over: its log holds " + unknown + ", which this cleanup cannot read");
          continue;
        }
        Set<String> referenced = referenced(table);
        for (LocatedFileStatus file : dataFiles(table)) {
          if (!referenced.contains(relative(table, file.getPath()))) {
            Leftover leftover = new Leftover(name, file.getPath(), file.getLen());
            if (file.getModificationTime() < before) {
              fs.delete(file.getPath(), false);
              deleted.add(leftover);
            } else {
              tooYoung.add(leftover);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the lake " + lakeRoot + ": " + e.getMessage(), e);
    }
    return new Outcome(deleted, tooYoung, notes);
  }

  /** The Delta tables: folders one or two levels below the root (raw/jw_cf, _runs/run_log) with a log. */
  private List<Path> tables() throws IOException {
    List<Path> tables = new ArrayList<>();
    if (!fs.exists(lakeRoot)) {
      return tables;
    }
    for (FileStatus layer : fs.listStatus(lakeRoot)) {
      if (layer.isDirectory()) {
        for (FileStatus table : fs.listStatus(layer.getPath())) {
          if (table.isDirectory() && fs.exists(new Path(table.getPath(), LOG))) {
            tables.add(table.getPath());
          }
        }
      }
    }
    tables.sort(null);
    return tables;
  }

  /**
   * Log entries other than commits, classic checkpoints and harmless files; a folder (Delta 4
   * creates {@code _staged_commits}) counts only when it holds a file.
   */
  private List<String> unknownLogEntries(Path table) throws IOException {
    List<String> unknown = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(new Path(table, LOG))) {
      String name = entry.getPath().getName();
      boolean known = entry.isDirectory() ? !holdsFiles(entry.getPath())
          : COMMIT.matcher(name).matches() || CHECKPOINT.matcher(name).matches() || HARMLESS.matcher(name).matches();
      if (!known) {
        unknown.add(name);
      }
    }
    unknown.sort(null);
    return unknown;
  }

  private boolean holdsFiles(Path folder) throws IOException {
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(folder, true);
    while (it.hasNext()) {
      if (!it.next().getPath().getName().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Every data file any commit or checkpoint in the log adds or removes, relative to the table. */
  private Set<String> referenced(Path table) throws IOException {
    List<String> commits = new ArrayList<>();
    List<String> checkpoints = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(new Path(table, LOG))) {
      String name = entry.getPath().getName();
      if (COMMIT.matcher(name).matches()) {
        commits.add(entry.getPath().toString());
      } else if (CHECKPOINT.matcher(name).matches()) {
        checkpoints.add(entry.getPath().toString());
      }
    }
    List<Dataset<Row>> parts = new ArrayList<>();
    if (!commits.isEmpty()) {
      parts.add(spark.read().schema(REFERENCES).json(commits.toArray(String[]::new)));
    }
    if (!checkpoints.isEmpty()) {
      parts.add(spark.read().schema(REFERENCES).parquet(checkpoints.toArray(String[]::new)));
    }
    Set<String> referenced = new HashSet<>();
    parts.stream().reduce(Dataset::unionByName).ifPresent(entries -> entries
        .select(explode(array(col("add.path"), col("remove.path"))).as("path")).where(col("path").isNotNull())
        .distinct().collectAsList().forEach(r -> referenced.add(relative(table, r.getString(0)))));
    return referenced;
  }

  /** The table's Parquet files, outside its hidden and underscore folders (_delta_log, _change_data). */
  private List<LocatedFileStatus> dataFiles(Path table) throws IOException {
    List<LocatedFileStatus> files = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(table, true);
    while (it.hasNext()) {
      LocatedFileStatus file = it.next();
      String path = relative(table, file.getPath());
      if (path.endsWith(".parquet") && Arrays.stream(path.split("/")).noneMatch(p -> p.startsWith("_") || p.startsWith("."))) {
        files.add(file);
      }
    }
    return files;
  }

  /** A log path (URI-encoded, relative or absolute) as a decoded path relative to the table. */
  private static String relative(Path table, String logPath) {
    try {
      URI uri = new URI(logPath);
      return uri.isAbsolute() ? relative(table, new Path(uri)) : uri.getPath();
    } catch (URISyntaxException e) {
      return logPath;
    }
  }

  private static String relative(Path parent, Path child) {
    String parentPath = parent.toUri().getPath();
    String childPath = child.toUri().getPath();
    return childPath.startsWith(parentPath + "/") ? childPath.substring(parentPath.length() + 1) : childPath;
  }
}
