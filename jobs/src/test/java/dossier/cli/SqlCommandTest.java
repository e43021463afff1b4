package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.lake.Lake;
import dossier.lake.Lake.Zone;
import dossier.publish.CuratedTables;
import dossier.schema.CuratedTable;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dossier sql} on the shared end-to-end lake: the views it registers (from the curated
 * tables' specs), the restricted zone only with --restricted, CSV that parses back to the rows, the
 * console on standard input, and a person's mistakes as one line with exit code 2.
 */
@SparkTest
class SqlCommandTest {
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private static List<CuratedTable> zone(Zone zone) {
    return CuratedTables.ALL.stream().filter(t -> t.zone() == zone).toList();
  }

  /** The view names a zone's tables should give: each table's own name. */
  private static List<String> viewNames(Zone zone) {
    return zone(zone).stream().map(CuratedTable::name).toList();
  }

  /** Runs the command with --csv on the sample lake; it must succeed. */
  private static List<CSVRecord> csv(SampleLake sample, String... args) throws IOException {
    return csv(sample.lake().root(), args);
  }

  private static List<CSVRecord> csv(String lake, String... args) throws IOException {
    CliRunner cli = new CliRunner();
    List<String> all = new ArrayList<>(List.of("sql", "--lake", lake, "--csv"));
    all.addAll(List.of(args));
    assertThat(cli.run(all.toArray(String[]::new))).as("exit code of " + all + ", errors: " + cli.err())
        .isEqualTo(ExitCode.OK);
    return CSV.parse(new StringReader(cli.out())).getRecords();
  }

  private static List<String> column(List<CSVRecord> records, String name) {
    return records.stream().map(r -> r.get(name)).toList();
  }

  @Test
  void everyOpenTableIsAViewAndTheRestrictedOnesAreNot(SparkSession spark) throws IOException {
    List<CSVRecord> tables = csv(SampleLake.get(spark), ".tables");

    assertThat(column(tables, "view")).as(".tables views").containsExactlyElementsOf(viewNames(Zone.OPEN));
    assertThat(column(tables, "zone")).as("zones").containsOnly(Zone.OPEN.folder());
    assertThat(column(tables, "label")).as("Chinese labels, one per view")
        .containsAll(zone(Zone.OPEN).stream().map(t -> t.spec().label()).toList());
    assertThat(tables).as("views with rows").anyMatch(t -> !t.get("rows").isEmpty());
    tables.stream().filter(t -> !t.get("rows").isEmpty())
        .forEach(t -> assertThat(Long.parseLong(t.get("rows"))).as("rows of " + t.get("view")).isNotNegative());
  }

  @Test
  void restrictedAddsTheRestrictedZone(SparkSession spark) throws IOException {
    SampleLake sample = SampleLake.get(spark);
    List<String> both = new ArrayList<>(viewNames(Zone.OPEN));
    both.addAll(viewNames(Zone.RESTRICTED));

    assertThat(column(csv(sample, "--restricted", ".tables"), "view")).as(".tables with --restricted")
        .containsExactlyElementsOf(both);
    String person = zone(Zone.RESTRICTED).get(0).name();
    assertThat(csv(sample, "--restricted", "SELECT count(*) AS n FROM " + person).get(0).get("n"))
        .as("rows of " + person + " with --restricted").isNotEqualTo("0");

    CliRunner cli = new CliRunner();
    assertThat(cli.run("sql", "--lake", sample.lake().root(), "SELECT count(*) FROM " + person))
        .as("exit code without --restricted").isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).as("message")
        .isEqualTo("dossier: sql: no table or view \"" + person + "\": it is in the restricted zone, "
            + "add --restricted\n");
  }

  /**
   * A reported table's view reads every as-of month folder, the folder giving as_of_month. The sample
   * lake publishes one as-of month, so a copy of its curated tables gets an earlier one (the latest
   * month's files again, as 2000-01) for the view to count twice. A slice the latest month reported
   * empty (team grades outside the months that close a year) has no row to carry a month: passed over.
   */
  @Test
  void aReportedTableIsEveryAsOfMonthFolder(SparkSession spark, @TempDir Path dir) throws IOException {
    Lake copy = new Lake(dir.toString());
    copyTree(Path.of(SampleLake.get(spark).lake().root(), "curated"), dir.resolve("curated"));
    List<CuratedTable> reported = CuratedTables.ALL.stream().filter(CuratedTable::byAsOfMonth)
        .filter(t -> Files.isDirectory(Path.of(t.path(copy)))).toList();
    assertThat(reported).as("reported tables published on the sample lake").isNotEmpty();
    List<String> counted = new ArrayList<>();
    for (CuratedTable table : reported) {
      Path folder = Path.of(table.path(copy));
      String latest;
      try (Stream<Path> months = Files.list(folder)) {
        latest = months.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(CuratedTable.AS_OF_MONTH + "="))
            .max(String::compareTo).orElseThrow();
      }
      long before = Long.parseLong(csv(copy.root(), "--restricted", "SELECT count(*) AS n FROM " + table.name())
          .get(0).get("n"));
      if (before == 0) {
        continue;
      }
      copyTree(folder.resolve(latest), folder.resolve(CuratedTable.AS_OF_MONTH + "=2000-01"));
      CSVRecord figures = csv(copy.root(), "--restricted", "SELECT count(DISTINCT as_of_month) AS months,"
          + " count(*) AS n FROM " + table.name()).get(0);

      assertThat(figures.get("months")).as(table.name() + ": as-of months").isEqualTo("2");
      assertThat(Long.parseLong(figures.get("n"))).as(table.name() + ": rows, twice the latest month's")
          .isEqualTo(2 * before);
      counted.add(table.name());
    }
    assertThat(counted).as("reported tables with rows in the latest month, each counted twice").isNotEmpty();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Files.copy(path, to.resolve(from.relativize(path).toString()));
      }
    }
  }

  /** The CSV of a query parses back to the rows DuckDB reads from the Parquet files directly. */
  @Test
  void csvParsesBackToTheRows(SparkSession spark) throws IOException, SQLException {
    SampleLake sample = SampleLake.get(spark);
    String columns = "unit_code, unit_name, month, level, CAST(reasons AS VARCHAR) AS reasons, share";
    List<CSVRecord> records = csv(sample, "SELECT " + columns + " FROM unit_warning ORDER BY unit_code, month");
    String files = "read_parquet('" + sample.lake().root() + "/curated/open/unit_warning/*.parquet')";

    List<List<String>> expected = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT " + columns + " FROM " + files + " ORDER BY unit_code, month")) {
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= 6; c++) {
          row.add(r.getString(c) == null ? "" : r.getString(c));
        }
        expected.add(row);
      }
    }
    assertThat(records.get(0).getParser().getHeaderNames()).as("header")
        .containsExactly("unit_code", "unit_name", "month", "level", "reasons", "share");
    assertThat(records.stream().map(CSVRecord::toList).toList()).as("rows parsed back").isEqualTo(expected);
    assertThat(expected).as("rows with a comma (reasons) and Chinese (unit names), so quoting is exercised")
        .anyMatch(row -> row.get(4).contains(",")).anyMatch(row -> row.get(1).matches(".*\\p{IsHan}.*"));
  }

  @Test
  void alignedOutputHasAHeaderASeparatorAndTheRowCount(SparkSession spark) {
    CliRunner cli = new CliRunner();
    assertThat(cli.run("sql", "--lake", SampleLake.get(spark).lake().root(),
        "SELECT level, count(*) AS units FROM unit_warning GROUP BY level ORDER BY level")).as("exit code")
        .isEqualTo(ExitCode.OK);
    List<String> lines = cli.out().lines().toList();

    assertThat(lines.get(0)).as("header").matches("level +units");
    assertThat(lines.get(1)).as("separator").matches("-+  -+");
    assertThat(lines.get(lines.size() - 1)).as("footer").isEqualTo("(" + (lines.size() - 3) + " rows)");
    assertThat(lines.subList(2, lines.size() - 1)).as("a row per level, counts right-aligned")
        .allMatch(l -> l.matches("(red|orange|yellow|none) +\\d+") && l.length() == lines.get(0).length());
  }

  @Test
  void theConsoleRunsEachStatementEndedBySemicolonAndGoesOnAfterAMistake(SparkSession spark) {
    CliRunner cli = new CliRunner("SELECT 'a;b' AS s; SELECT count(*) AS n\nFROM unit_warning;\n"
        + ".tables\nSELECT * FROM no_such_table;\nSELECT 2 AS last");
    ExitCode code = cli.run("sql", "--lake", SampleLake.get(spark).lake().root());

    assertThat(code).as("exit code after a mistake").isEqualTo(ExitCode.USAGE);
    assertThat(cli.err().lines().toList()).as("errors")
        .containsExactly("dossier: sql: no table or view \"no_such_table\"; .tables lists them");
    assertThat(cli.out()).as("output of every other statement, in order")
        .containsSubsequence("s\n---\na;b\n(1 row)\n", "(1 row)\n", "unit_warning_reported", "单位预警",
            "last\n----\n   2\n(1 row)\n");
  }

  @Test
  void aTableThatDoesNotExistIsOneLine(SparkSession spark) {
    assertMistake(new String[] {"sql", "--lake", SampleLake.get(spark).lake().root(), "SELECT * FROM unit_warnings"},
        "dossier: sql: no table or view \"unit_warnings\": did you mean \"unit_warning\"?; .tables lists them");
  }

  @Test
  void aSyntaxErrorIsDuckDbsFirstLine(SparkSession spark) {
    assertMistake(new String[] {"sql", "--lake", SampleLake.get(spark).lake().root(), "SELEC level FROM unit_warning"},
        "dossier: sql: Parser Error: syntax error at or near \"SELEC\"");
  }

  @Test
  void aLakeWithoutCuratedTablesIsOneLine(@TempDir Path lake) throws IOException {
    Files.createDirectories(lake.resolve("raw"));
    assertMistake(new String[] {"sql", "--lake", lake.toString(), "SELECT 1"}, "dossier: sql: no curated tables in "
        + lake.toAbsolutePath().normalize() + "/curated/open: run bin/dossier demo, or bin/dossier publish on this "
        + "lake");
  }

  private static void assertMistake(String[] args, String message) {
    CliRunner cli = new CliRunner();
    assertThat(cli.run(args)).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).as("one line on standard error, no stack trace").isEqualTo(message + "\n");
    assertThat(cli.out()).as("nothing on standard output").isEmpty();
  }
}
