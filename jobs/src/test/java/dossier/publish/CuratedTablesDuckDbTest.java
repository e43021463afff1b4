package dossier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.CliRunner;
import dossier.cli.ExitCode;
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
 * tool sees it: read with DuckDB's JDBC driver, not Spark, from the lake root, and the README's
 * queries run through {@code bin/dossier sql}.
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

  /**
   * The README's {@code bin/dossier sql} commands and its plain-Parquet query, each run through the
   * command on this lake (the plain paths are relative to the lake, as from {@code work/lake}).
   */
  @Test
  void theReadmeQueriesReturnRows(SparkSession spark) throws IOException {
    String lake = SampleLake.get(spark).lake().root();
    List<List<String>> commands = readmeCommands();
    assertThat(commands).as("bin/dossier sql commands and SQL blocks in the README's section For BI analysts")
        .hasSize(5);
    for (List<String> args : commands) {
      List<String> withLake = new ArrayList<>(args);
      withLake.addAll(1, List.of("--lake", lake));
      CliRunner cli = new CliRunner();

      assertThat(cli.run(withLake.toArray(String[]::new))).as("exit code of " + args + ", errors: " + cli.err())
          .isEqualTo(ExitCode.OK);
      assertThat(cli.out()).as("output of " + args).doesNotContain("(0 rows)").isNotBlank();
      if (!args.contains("--csv")) {
        assertThat(cli.out()).as("output of " + args).containsPattern("\\(\\d[\\d,]* rows?\\)");
      } else {
        assertThat(cli.out().lines().count()).as("CSV lines (header and rows) of " + args).isGreaterThan(1);
      }
    }
  }

  /** The arguments after bin/dossier of each command, and each SQL block as the argument of {@code sql}. */
  private static List<List<String>> readmeCommands() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("## For BI analysts"));
    section = section.substring(0, section.indexOf("\n## "));
    Matcher block = Pattern.compile("```(bash|sql)\n(.*?)```", Pattern.DOTALL).matcher(section);
    List<List<String>> commands = new ArrayList<>();
    while (block.find()) {
      String text = block.group(2).strip();
      if (block.group(1).equals("sql")) {
        commands.add(List.of("sql", text));
      } else {
        assertThat(text).as("a bash block of the BI section").startsWith("bin/dossier sql ");
        commands.add(words(text.substring("bin/dossier ".length())));
      }
    }
    return commands;
  }

  /** A command line's words as the shell splits them: on blanks outside double quotes, which it drops. */
  private static List<String> words(String line) {
    Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
    List<String> words = new ArrayList<>();
    while (word.find()) {
      words.add(word.group(1) != null ? word.group(1) : word.group(2));
    }
    return words;
  }
}
