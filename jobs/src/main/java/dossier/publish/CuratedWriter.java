package dossier.publish;

import static org.apache.spark.sql.functions.col;

import dossier.job.ConcurrentWrites;
import dossier.lake.Lake;
import dossier.schema.CuratedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes curated tables as plain Parquet that any reader takes, only where the content changed and
 * so that a reader sees a table's old content or its new one. A table folder (a current or restated
 * table, or one as-of month's slice of a reported one) whose new content has the digest that
 * {@code curated/_published.json} holds for it is left as it is. Any other is written to a staging
 * folder ({@link CuratedFolders}), one file, rows sorted by the table's key (unique, so the same rows
 * give the same file), and once every table is staged, each is swapped in by renames; the manifest
 * is written last.
 */
final class CuratedWriter {
  private final SparkSession spark;
  private final Lake lake;
  private final YearMonth asOf;
  private final String runId;
  private final FileSystem fs;
  private final PublishedManifest live;

  CuratedWriter(SparkSession spark, Lake lake, YearMonth asOf, String runId) {
    this.spark = spark;
    this.lake = lake;
    this.asOf = asOf;
    this.runId = runId;
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path root = new Path(lake.root());
    try {
      this.fs = root.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the lake " + root + ": " + e.getMessage(), e);
    }
    this.live = PublishedManifest.read(hadoop, lake);
  }

  /**
   * One table folder's new content: staged beside the live folder, or not when the live one holds
   * the same rows.
   *
   * @param table the table
   * @param folder the folder below {@code curated/} ({@code open/unit_warning_reported/as_of_month=2024-03})
   * @param content its new content's digest
   * @param files its Parquet files (the live ones when unchanged)
   * @param staged where the new content waits to be swapped in; empty when unchanged
   */
  record Staged(CuratedTable table, String folder, ContentDigest content, List<String> files, Optional<Path> staged) {
    boolean changed() {
      return staged.isPresent();
    }
  }

  /**
   * Publishes the tables: stages each (at most {@code threads} at once), swaps in the changed ones,
   * then writes the manifest naming what is live.
   *
   * @param restatedAsOf the month the restated tables written are as of; empty when none is written
   */
  List<Staged> publish(Map<CuratedTable, Dataset<Row>> outputs, Map<CuratedTable, ContentDigest> digests, int threads,
      boolean asReported, Optional<YearMonth> restatedAsOf) {
    CuratedFolders.clear(fs, lake);
    try {
      List<CuratedTable> tables = List.copyOf(outputs.keySet());
      Staged[] staged = new Staged[tables.size()];
      List<Runnable> writes = new ArrayList<>();
      for (int i = 0; i < tables.size(); i++) {
        int at = i;
        CuratedTable table = tables.get(at);
        writes.add(() -> staged[at] = stage(table, outputs.get(table),
            Optional.ofNullable(digests.get(table)).orElseGet(() -> ContentDigest.of(table, outputs.get(table)))));
      }
      ConcurrentWrites.run(writes, threads);
      List<Staged> all = List.of(staged);
      all.forEach(this::swapIn);
      manifest(all, asReported, restatedAsOf).write(spark.sparkContext().hadoopConfiguration(), lake);
      return all;
    } finally {
      CuratedFolders.clear(fs, lake);
    }
  }

  /**
   * The content digests of these tables, at most {@code threads} computed at once: one pass over
   * each table's rows, which also counts the rows holding ID numbers for the quality gate.
   */
  static Map<CuratedTable, ContentDigest> digests(Map<CuratedTable, Dataset<Row>> outputs, int threads) {
    Map<CuratedTable, ContentDigest> digests = new ConcurrentHashMap<>();
    ConcurrentWrites.run(outputs.entrySet().stream().<Runnable>map(output -> () -> digests.put(output.getKey(),
        ContentDigest.of(output.getKey(), output.getValue()))).toList(), threads);
    return digests;
  }

  /**
   * Writes the table's content to its staging folder, unless the live folder holds content of the
   * same digest.
   */
  Staged stage(CuratedTable table, Dataset<Row> rows, ContentDigest content) {
    Dataset<Row> conformed = table.spec().conform(rows);
    String folder = folder(table);
    Optional<PublishedManifest.Entry> same = live.entry(folder).filter(e -> e.digest().equals(content.digest()))
        .filter(e -> exists(livePath(table)));
    if (same.isPresent()) {
      return new Staged(table, folder, content, same.get().files(), Optional.empty());
    }
    Path staged = CuratedFolders.staged(lake, folder, runId);
    conformed.repartition(1).sortWithinPartitions(columns(table.spec().key()))
        .select(columns(table.fileColumns()))
        .write().mode("overwrite").parquet(staged.toString());
    return new Staged(table, folder, content, parquetFiles(staged), Optional.of(staged));
  }

  /** Puts a changed table's staged content in place of the live folder (nothing for an unchanged one). */
  void swapIn(Staged staged) {
    staged.staged().ifPresent(path -> CuratedFolders.replace(fs, lake, path, livePath(staged.table())));
  }

  /** The table's folder below {@code curated/}: the as-of month's one for a table by as-of month. */
  String folder(CuratedTable table) {
    return table.folder() + (table.byAsOfMonth() ? "/" + CuratedTable.AS_OF_MONTH + "=" + asOf : "");
  }

  private Path livePath(CuratedTable table) {
    return new Path(table.byAsOfMonth() ? table.partitionPath(lake, asOf) : table.path(lake));
  }

  private PublishedManifest manifest(List<Staged> published, boolean asReported, Optional<YearMonth> restatedAsOf) {
    Map<String, PublishedManifest.Entry> tables = new LinkedHashMap<>(live.tables());
    for (Staged s : published) {
      String writtenBy = s.changed() ? runId : live.entry(s.folder()).map(PublishedManifest.Entry::runId).orElse(runId);
      tables.put(s.folder(), new PublishedManifest.Entry(s.content().digest(), s.content().rows(), s.files(),
          writtenBy));
    }
    return new PublishedManifest(runId, asOf.toString(), asReported,
        restatedAsOf.map(YearMonth::toString).orElse(live.restatedAsOf()), tables);
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(c -> col("`" + c + "`")).toArray(Column[]::new);
  }

  private boolean exists(Path path) {
    try {
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + path + ": " + e.getMessage(), e);
    }
  }

  private List<String> parquetFiles(Path folder) {
    try {
      return Arrays.stream(fs.listStatus(folder)).filter(f -> f.isFile() && f.getPath().getName().endsWith(".parquet"))
          .map(f -> f.getPath().getName()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
