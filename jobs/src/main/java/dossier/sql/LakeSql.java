package dossier.sql;

import dossier.lake.Lake;
import dossier.lake.Lake.Zone;
import dossier.sql.CuratedViews.View;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * DuckDB in process over a lake's curated tables, each a view under its own name ({@link CuratedViews});
 * the restricted zone's only when asked for. No Spark: it opens in about a second. DuckDB's errors in a
 * query are a person's mistakes and come back as one line ({@link QueryError}).
 */
public final class LakeSql implements AutoCloseable {
  private static final Pattern NO_TABLE = Pattern.compile("Table with name (\\S+) does not exist");
  private static final Pattern DID_YOU_MEAN = Pattern.compile("Did you mean \"([^\"]+)\"");

  private final Connection db;
  private final List<View> views;
  private final List<View> withheld;

  private LakeSql(Connection db, List<View> views, List<View> withheld) {
    this.db = db;
    this.views = views;
    this.withheld = withheld;
  }

  /** The lake's curated views; a lake with none of them (in the zones asked for) is a mistake. */
  public static LakeSql open(Path lakeRoot, boolean restricted) throws QueryError, SQLException {
    Lake lake = new Lake(lakeRoot.toAbsolutePath().normalize().toString());
    List<View> all = CuratedViews.of(lake);
    List<View> views = all.stream().filter(v -> restricted || v.table().zone() == Zone.OPEN).toList();
    if (views.stream().noneMatch(View::present)) {
      String curated = lake.root() + "/curated" + (restricted ? "" : "/" + Zone.OPEN.folder());
      throw new QueryError("no curated tables in " + curated + ": run bin/dossier demo, or bin/dossier publish on "
          + "this lake");
    }
    Connection db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement sql = db.createStatement()) {
      // The paths of the README's plain-Parquet queries ('curated/open/...') are relative to the lake.
      sql.execute("SET file_search_path = " + CuratedViews.literal(lake.root()));
      for (View view : views) {
        if (view.present()) {
          sql.execute("CREATE VIEW " + identifier(view.name()) + " AS " + view.select().get());
        }
      }
    } catch (SQLException e) {
      db.close();
      throw e;
    }
    return new LakeSql(db, views, all.stream().filter(v -> !views.contains(v)).toList());
  }

  /** The views of the zones opened, present or not (then {@link View#contents} says why). */
  public List<View> views() {
    return views;
  }

  /** Runs one statement and prints its rows, if it returns any. */
  public void run(String statement, ResultFormat format, Consumer<String> out) throws QueryError {
    // DuckDB closes a statement that failed: one statement object per query.
    try (Statement sql = db.createStatement()) {
      if (sql.execute(statement)) {
        format.print(sql.getResultSet(), out);
      }
    } catch (SQLException e) {
      throw explain(e);
    }
  }

  /** {@code .tables}: every view of the zones opened, its zone, Chinese label, contents and rows. */
  public void tables(ResultFormat format, Consumer<String> out) throws QueryError {
    String rows = views.stream().map(v -> "(" + String.join(", ", CuratedViews.literal(v.name()),
        CuratedViews.literal(v.table().zone().folder()), CuratedViews.literal(v.table().spec().label()),
        CuratedViews.literal(v.contents()), v.present() ? "(SELECT count(*) FROM " + identifier(v.name()) + ")"
            : "CAST(NULL AS BIGINT)") + ")")
        .collect(Collectors.joining(",\n"));
    run("SELECT * FROM (VALUES " + rows + ") AS t(\"view\", zone, label, contents, \"rows\")", format, out);
  }

  private QueryError explain(SQLException e) {
    String message = Optional.ofNullable(e.getMessage()).orElse(e.toString());
    String first = message.lines().findFirst().orElse(message).strip();
    Matcher noTable = NO_TABLE.matcher(first);
    if (!noTable.find()) {
      return new QueryError(first);
    }
    String name = noTable.group(1);
    Optional<View> known = views.stream().filter(v -> v.name().equalsIgnoreCase(name)).findFirst();
    if (known.isPresent()) {
      return new QueryError("no table or view \"" + name + "\" (" + known.get().contents() + ")");
    }
    if (withheld.stream().anyMatch(v -> v.name().equalsIgnoreCase(name))) {
      return new QueryError("no table or view \"" + name + "\": it is in the restricted zone, add --restricted");
    }
    Matcher suggested = DID_YOU_MEAN.matcher(message);
    Optional<String> ours = suggested.find() ? views.stream().map(View::name)
        .filter(n -> n.equals(suggested.group(1))).findFirst() : Optional.empty();
    return new QueryError("no table or view \"" + name + "\"" + ours.map(n -> ": did you mean \"" + n + "\"?")
        .orElse("") + "; .tables lists them");
  }

  private static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
