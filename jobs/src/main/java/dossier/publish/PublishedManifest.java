package dossier.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dossier.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code curated/_published.json}: what the curated layer holds, written last by every publish run
 * that succeeds. It names the last run, the month the restated tables are as of, and for every
 * table folder (a restated or current table, or one as-of month's slice) the content digest, rows
 * and files of what is live there and which run wrote it. Publish compares a table's new content
 * with the digest here and leaves an unchanged table as it is.
 *
 * @param runId the last publish run
 * @param asOfMonth the as-of month it published (yyyy-MM)
 * @param asReported whether it reproduced an earlier run (only slices rewritten)
 * @param restatedAsOf the month the restated tables are as of (yyyy-MM); null before any restated table
 * @param tables by folder below {@code curated/} ({@code open/unit_warning},
 *     {@code open/unit_warning_reported/as_of_month=2024-03}), what is live there
 */
public record PublishedManifest(String runId, String asOfMonth, boolean asReported, String restatedAsOf,
    Map<String, Entry> tables) {
  static final String FILE = "_published.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public PublishedManifest {
    tables = new TreeMap<>(tables);
  }

  /**
   * One table folder as published.
   *
   * @param digest its content digest ({@link ContentDigest})
   * @param rows its rows
   * @param files its Parquet files
   * @param runId the publish run that wrote them
   */
  public record Entry(String digest, long rows, List<String> files, String runId) {}

  static PublishedManifest empty() {
    return new PublishedManifest(null, null, false, null, Map.of());
  }

  /** What is live there, if this manifest names the folder. */
  Optional<Entry> entry(String folder) {
    return Optional.ofNullable(tables.get(folder));
  }

  static String path(Lake lake) {
    return lake.root() + "/curated/" + FILE;
  }

  /** The lake's manifest; empty before the first publish. */
  public static PublishedManifest read(Configuration hadoop, Lake lake) {
    Path path = new Path(path(lake));
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      if (!fs.exists(path)) {
        return empty();
      }
      try (InputStream in = fs.open(path)) {
        return JSON.readValue(in, PublishedManifest.class);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the publish manifest " + path + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the lake's manifest by renaming a complete file over it, so a reader finds the old or the new one. */
  void write(Configuration hadoop, Lake lake) {
    Path path = new Path(path(lake));
    Path written = new Path(CuratedFolders.staging(lake), FILE + "-" + runId);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      try (OutputStream out = fs.create(written, true)) {
        JSON.writeValue(out, this);
      }
      CuratedFolders.replace(fs, lake, written, path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the publish manifest " + path + ": " + e.getMessage(), e);
    }
  }
}
