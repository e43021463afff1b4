package dossier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.schema.CuratedTable;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The curated layer of the shared end-to-end lake (generated sample, then every stage) as a BI
 * tool sees it: read with DuckDB's JDBC driver, not Spark, from the lake root as the README's
 * queries expect.
 */
@SparkTest
class CuratedTablesDuckDbTest {
  private static final Path README = Path.of("..", "README.md");

  private static Connection duckDb(SampleLake sample) throws SQLException {
    Connection db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = db.createStatement()) {
      s.execute("SET file_search_path = '" + sample.lake().root() + "'");
    }
    return db;
  }

  /**
   * The slices that the sample's one publish run (2026-10) reports empty: October closes no quarter
   * and is not among the months that report a year's grades.
   */
  private static final List<String> EMPTY_IN_OCTOBER = List.of("team_grade_reported", "award_reported",
      "cadre_grade_reported", "cadre_list_reported");

  /** The table as the data dictionary says to read it, relative to the lake root. */
  private static String from(CuratedTable table) {
    return table.byAsOfMonth() ? "read_parquet('" + table.files() + "', hive_partitioning = true)"
        : "read_parquet('" + table.files() + "')";
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  @Test
  void everyCuratedTableHasRowsAndOneRowPerKey(SparkSession spark) throws SQLException {
    try (Connection db = duckDb(SampleLake.get(spark))) {
      for (CuratedTable table : CuratedTables.ALL) {
        String key = String.join(", ", table.spec().key());
        long rows = count(db, "SELECT count(*) FROM " + from(table));
        long keys = count(db, "SELECT count(*) FROM (SELECT DISTINCT " + key + " FROM " + from(table) + ")");

        if (!EMPTY_IN_OCTOBER.contains(table.name())) {
          assertThat(rows).as(table.name() + " rows").isPositive();
        }
        assertThat(keys).as(table.name() + " distinct keys (" + key + ")").isEqualTo(rows);
      }
    }
  }

  @Test
  void theReadmeQueriesReturnRows(SparkSession spark) throws SQLException, IOException {
    List<String> queries = readmeQueries();
    assertThat(queries).as("SQL blocks in the README's section For BI analysts").hasSize(4);
    try (Connection db = duckDb(SampleLake.get(spark))) {
      for (String query : queries) {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(query)) {
          assertThat(r.next()).as("a row from\n" + query).isTrue();
        }
      }
    }
  }

  private static List<String> readmeQueries() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## For BI analysts"));
    section = section.substring(0, section.indexOf("\n## "));
    Matcher sql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(section);
    List<String> queries = new ArrayList<>();
    while (sql.find()) {
      queries.add(sql.group(1).strip());
    }
    return queries;
  }
}
