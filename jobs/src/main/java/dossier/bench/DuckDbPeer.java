package dossier.bench;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DatasetContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The single-node peer: DuckDB, in process through JDBC, doing the core of the landing and dedup
 * work on the files {@link PeerFiles} rewrote as UTF-8: every dataset loaded into a table, the
 * current version of each file name kept (a later delivery of a name replaces the earlier; the
 * extension does not count), and the distinct matters of every dataset keyed by one text column
 * (sanctions jw_cf by doc_no, petitions xf_jb by petition_no with their re-sends folded, cases,
 * audits, warnings, admonitions), after the landing job's value cleaning (full-width folded,
 * trimmed, null words to null). What it does not do: validation, IDs, dates, cross-source
 * merges, identities, derived records and the analysis.
 */
final class DuckDbPeer {
  private DuckDbPeer() {}

  /**
   * What the peer found.
   *
   * @param rowsPerFile data rows read per delivered file path
   * @param mattersPerDataset distinct matters (business keys) per dataset keyed by one text column
   */
  record Figures(Map<String, Long> rowsPerFile, Map<String, Long> mattersPerDataset) {}

  /** Datasets whose business key is one text column: their matters are comparable without IDs or dates. */
  static Map<String, ColumnSpec> textKeyed(Map<String, DatasetContract> contracts) {
    Map<String, ColumnSpec> keyed = new TreeMap<>();
    contracts.values().stream().filter(c -> c.key().size() == 1).forEach(c -> c.column(c.key().get(0))
        .filter(column -> column.type() == ColumnType.STRING).ifPresent(column -> keyed.put(c.name(), column)));
    return keyed;
  }

  /** Loads the rewritten files below {@code csv} and computes the figures. */
  static Figures run(Path csv, Map<String, DatasetContract> contracts, List<String> nullWords) {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      sql.execute(cleanMacro(nullWords));
      List<String> loaded = new ArrayList<>();
      for (String dataset : new java.util.TreeSet<>(contracts.keySet())) {
        Path folder = csv.resolve(dataset);
        if (Files.isDirectory(folder)) {
          sql.execute("CREATE TABLE " + dataset + " AS SELECT * FROM read_csv('" + folder + "/*.csv', header = true,"
              + " all_varchar = true, union_by_name = true, delim = ',', quote = '\"', escape = '\"',"
              + " null_padding = true)");
          loaded.add(dataset);
        }
      }
      Map<String, Long> rows = new TreeMap<>();
      for (String dataset : loaded) {
        query(sql, "SELECT " + PeerFiles.SOURCE_PATH + ", count(*) FROM " + dataset + " GROUP BY 1", rows);
      }
      Map<String, Long> matters = new TreeMap<>();
      for (Map.Entry<String, ColumnSpec> keyed : textKeyed(contracts).entrySet()) {
        if (loaded.contains(keyed.getKey())) {
          matters.put(keyed.getKey(), distinctKeys(sql, keyed.getKey(), keyed.getValue()));
        }
      }
      return new Figures(rows, matters);
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB peer failed: " + e.getMessage(), e);
    }
  }

  /** The distinct cleaned keys in the current version of each file name. */
  private static long distinctKeys(Statement sql, String dataset, ColumnSpec key) throws SQLException {
    Set<String> columns = columns(sql, dataset);
    String spellings = key.headers().stream().filter(columns::contains).map(h -> "clean(\"" + h + "\")")
        .collect(Collectors.joining(", "));
    if (spellings.isEmpty()) {
      return 0;
    }
    String current = "SELECT max(" + PeerFiles.SOURCE_PATH + ") FROM " + dataset + " GROUP BY regexp_replace("
        + "regexp_replace(" + PeerFiles.SOURCE_PATH + ", '^.*/', ''), '\\.[^.]+$', '')";
    try (ResultSet r = sql.executeQuery("SELECT count(DISTINCT coalesce(" + spellings + ")) FROM " + dataset
        + " WHERE " + PeerFiles.SOURCE_PATH + " IN (" + current + ")")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Set<String> columns(Statement sql, String table) throws SQLException {
    Set<String> columns = new java.util.HashSet<>();
    try (ResultSet r = sql.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
        + table + "'")) {
      while (r.next()) {
        columns.add(r.getString(1));
      }
    }
    return columns;
  }

  private static void query(Statement sql, String query, Map<String, Long> into) throws SQLException {
    try (ResultSet r = sql.executeQuery(query)) {
      while (r.next()) {
        into.put(r.getString(1), r.getLong(2));
      }
    }
  }

  /** The landing job's cleaning of a text cell: full-width folded, trimmed (U+3000 too), null words to null. */
  private static String cleanMacro(List<String> nullWords) {
    StringBuilder full = new StringBuilder("\u3000");
    StringBuilder half = new StringBuilder(" ");
    for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
      full.append(c);
      half.append((char) (c - 0xFEE0));
    }
    String words = nullWords.stream().map(DuckDbPeer::literal).collect(Collectors.joining(", "));
    return "CREATE MACRO clean(v) AS CASE WHEN trim(translate(v, " + literal(full.toString()) + ", "
        + literal(half.toString()) + "), ' \t\r\n\u00a0') IN (" + words + ") THEN NULL ELSE trim(translate(v, "
        + literal(full.toString()) + ", " + literal(half.toString()) + "), ' \t\r\n\u00a0') END";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
