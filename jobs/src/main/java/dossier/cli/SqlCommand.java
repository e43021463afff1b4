package dossier.cli;

import dossier.settings.Settings;
import dossier.sql.AlignedTable;
import dossier.sql.CsvTable;
import dossier.sql.CuratedViews.View;
import dossier.sql.LakeSql;
import dossier.sql.QueryError;
import dossier.sql.ResultFormat;
import dossier.sql.StatementSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier sql [--lake DIR] [--restricted] [--csv] ["QUERY"]}: SQL over the curated tables
 * with DuckDB in process, each table a view under its own name ({@link dossier.sql.CuratedViews}).
 * With a query it prints the rows and exits; without one it reads queries from standard input, each
 * ended by {@code ;}, as a small console. A mistake (no such table, a syntax error, a lake without
 * curated tables) is one line and exit code 2; the queries after it still run.
 */
final class SqlCommand implements Command {
  private static final Option RESTRICTED = Option.builder().longOpt("restricted")
      .desc("also the restricted zone's person-level tables (for the supervision office only)").get();
  private static final Option CSV = Option.builder().longOpt("csv")
      .desc("print CSV (RFC 4180, a header first, null as an empty field) instead of aligned columns "
          + "(null as NULL)").get();
  private static final String TABLES = ".tables";
  private static final List<String> QUIT = List.of(".quit", ".exit");

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String synopsis() {
    return "[--lake DIR] [--restricted] [--csv] [\"QUERY\"]";
  }

  @Override
  public String summary() {
    return "SQL (DuckDB) over the curated tables, each a view under its own name; without QUERY, queries "
        + "from standard input, each ended by ; (" + TABLES + " lists the views)";
  }

  @Override
  public Options options() {
    return new Options().addOption(CliOptions.LAKE).addOption(RESTRICTED).addOption(CSV);
  }

  @Override
  public int maxArguments() {
    return 1;
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) throws Exception {
    ResultFormat format = line.hasOption(CSV.getLongOpt()) ? new CsvTable() : new AlignedTable();
    Optional<String> query = line.getArgList().stream().findFirst();
    LakeSql sql;
    try {
      sql = LakeSql.open(lakeFolder(line), line.hasOption(RESTRICTED.getLongOpt()));
    } catch (QueryError e) {
      console.error(name() + ": " + e.getMessage());
      return ExitCode.USAGE;
    }
    try (sql) {
      Session session = new Session(sql, format, console);
      if (query.isPresent()) {
        session.read(new BufferedReader(new StringReader(query.get())), false);
      } else {
        if (console.interactive()) {
          console.line("DuckDB over %d curated views: end each query with ;  %s lists the views, %s leaves",
              sql.views().stream().filter(View::present).count(), TABLES, QUIT.get(0));
        }
        session.read(console.input(), console.interactive());
      }
      return session.failed ? ExitCode.USAGE : ExitCode.OK;
    }
  }

  /** The lake from --lake, else from the settings (DOSSIER_LAKE, default work/lake): a folder on this machine. */
  private static Path lakeFolder(CommandLine line) {
    String root = Optional.ofNullable(line.getOptionValue(CliOptions.LAKE.getLongOpt()))
        .orElseGet(() -> Settings.load(Optional.empty()).lakeRoot());
    if (root.startsWith("file:")) {
      return Path.of(URI.create(root));
    }
    if (root.matches("[A-Za-z][A-Za-z0-9+.-]+://.*")) {
      throw new UsageException("lake '" + root + "': sql reads a lake on this machine's disk, give --lake DIR");
    }
    return Path.of(root);
  }

  /** Runs statements and dot commands as they complete; a mistake is reported and the next one runs. */
  private static final class Session {
    private final LakeSql sql;
    private final ResultFormat format;
    private final Console console;
    private boolean failed;

    Session(LakeSql sql, ResultFormat format, Console console) {
      this.sql = sql;
      this.format = format;
      this.console = console;
    }

    void read(BufferedReader input, boolean prompt) throws IOException {
      StatementSplitter splitter = new StatementSplitter();
      String text;
      do {
        if (prompt) {
          console.text(splitter.inStatement() ? "   ...> " : "sql> ");
        }
        text = input.readLine();
        if (prompt && text == null) {
          console.line(""); // leave the terminal on a fresh line after Ctrl-D
        }
        for (String item : text == null ? splitter.end().stream().toList() : splitter.line(text)) {
          if (QUIT.contains(item)) {
            return;
          }
          run(item);
        }
      } while (text != null);
    }

    private void run(String item) {
      try {
        if (item.equals(TABLES)) {
          sql.tables(format, console::text);
        } else if (item.startsWith(".")) {
          throw new QueryError("unknown command " + item + ": " + TABLES + " lists the views, " + QUIT.get(0)
              + " leaves");
        } else {
          sql.run(item, format, console::text);
        }
      } catch (QueryError e) {
        console.error("sql: " + e.getMessage());
        failed = true;
      }
    }
  }
}
