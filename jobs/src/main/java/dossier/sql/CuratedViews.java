package dossier.sql;

import dossier.lake.Lake;
import dossier.publish.CuratedTables;
import dossier.schema.CuratedTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The curated layout as SQL views, derived from the specs of {@link CuratedTables#ALL}: the one place
 * that knows which folders a view reads, so that a change of the layout edits this class only. Every
 * table is one view under its own name: a restated table (the latest figures of every period) and a
 * current-state table read their folder as it is; a reported table ({@code <name>_reported},
 * data_quality) reads every as-of month folder, the folder giving {@code as_of_month}.
 */
public final class CuratedViews {
  private static final String MONTH_FOLDER = CuratedTable.AS_OF_MONTH + "=";

  /**
   * One view over a curated table.
   *
   * @param name the view's name
   * @param table the table it reads
   * @param contents what it holds, for {@code .tables}: the state and as-of months, or why it is absent
   * @param select the query it stands for; empty when the lake holds no Parquet of the table
   */
  public record View(String name, CuratedTable table, String contents, Optional<String> select) {
    public boolean present() {
      return select.isPresent();
    }
  }

  private CuratedViews() {}

  /** Every curated table's view on this lake (on this machine's disk), in the data dictionary's order. */
  public static List<View> of(Lake lake) {
    List<View> views = new ArrayList<>();
    for (CuratedTable table : CuratedTables.ALL) {
      Path folder = Path.of(table.path(lake));
      String missing = "not published: no Parquet in " + lake.relative(table.path(lake));
      if (!table.byAsOfMonth()) {
        String contents = table.layout() == CuratedTable.Layout.RESTATED ? "latest figures" : "current state";
        views.add(hasParquet(folder)
            ? new View(table.name(), table, contents, Optional.of("SELECT * FROM " + read(folder + "/*", false)))
            : new View(table.name(), table, missing, Optional.empty()));
        continue;
      }
      List<String> months = asOfMonths(folder);
      if (months.isEmpty()) {
        views.add(new View(table.name(), table, missing, Optional.empty()));
        continue;
      }
      String latest = months.get(months.size() - 1);
      String span = months.size() == 1 ? "1 as-of month, " + latest
          : months.size() + " as-of months, " + months.get(0) + " to " + latest;
      views.add(new View(table.name(), table, "as reported: " + span,
          Optional.of("SELECT * FROM " + read(folder + "/" + MONTH_FOLDER + "*/*", true))));
    }
    return views;
  }

  /** DuckDB's reader of the Parquet files of a glob; with hive partitioning the month folders give as_of_month. */
  private static String read(String glob, boolean hivePartitioning) {
    return "read_parquet(" + literal(glob + ".parquet") + ", hive_partitioning = " + hivePartitioning + ")";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The as-of months whose folder holds Parquet, oldest first ("2024-03" sorts as a month). */
  private static List<String> asOfMonths(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children.filter(p -> p.getFileName().toString().startsWith(MONTH_FOLDER) && hasParquet(p))
          .map(p -> p.getFileName().toString().substring(MONTH_FOLDER.length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasParquet(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
    }
  }
}
