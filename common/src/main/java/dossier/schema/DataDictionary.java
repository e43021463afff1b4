package dossier.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The data dictionary of the curated layer, generated from the tables' specs so that it cannot
 * drift from what is written: as Markdown ({@code docs/data-dictionary.md}, compared with the
 * code by a test) and as rows of the curated table {@code data_dictionary}.
 */
public final class DataDictionary {
  public static final TableSpec SPEC = TableSpec.builder("data_dictionary", "数据字典",
          "one row per curated table × column")
      .key("table_name", "column_name")
      .column("zone", "分区", "string", "open (aggregates, for BI) or restricted (person-level, supervision office only).")
      .column("table_name", "表名", "string", "The table: the folder below curated/<zone>/.")
      .column("table_label", "表中文名", "string", "The table's Chinese name.")
      .column("grain", "粒度", "string", "What one row of the table is.")
      .column("layout", "表类型", "string", "current (the current state), restated (a period table's current "
          + "figures of every period, one row per key) or reported (one folder per publish run's as-of month: the "
          + "rows that run reported).")
      .column("partitioned_by", "分区列", "string",
          "as_of_month when the table holds one folder per published as-of month (layout reported); else null.")
      .column("position", "列序号", "int", "The column's position in the table, from 1.")
      .column("column_name", "列名", "string", "The column's English name.")
      .column("column_label", "列中文名", "string", "The column's Chinese label.")
      .column("column_type", "类型", "string", "Its type in Spark SQL terms (string, int, bigint, decimal(p,s), date, "
          + "boolean, array<...>, map<...>, struct<...>).")
      .column("meaning", "含义", "string", "What a value says: units, codes, when it is null.")
      .build();

  private DataDictionary() {}

  /** One row per table × column, in the dictionary's column order. */
  public static List<Row> rows(List<CuratedTable> tables) {
    List<Row> rows = new ArrayList<>();
    for (CuratedTable table : tables) {
      List<ColumnDoc> columns = table.spec().columns();
      for (int i = 0; i < columns.size(); i++) {
        ColumnDoc c = columns.get(i);
        rows.add(RowFactory.create(table.zone().folder(), table.name(), table.spec().label(), table.spec().grain(),
            layout(table), table.byAsOfMonth() ? CuratedTable.AS_OF_MONTH : null, i + 1, c.name(), c.label(),
            c.typeName(), c.meaning()));
      }
    }
    return rows;
  }

  /** The Markdown page: an index of the tables, then each table's grain, key and columns. */
  public static String markdown(List<CuratedTable> tables) {
    StringBuilder md = new StringBuilder()
        .append("# Data dictionary: the curated tables\n\n")
        .append("Generated from the table definitions in the code by `bin/dossier dictionary --out "
            + "docs/data-dictionary.md`; do not edit it by hand (a test fails when the two differ). The same "
            + "content is the table `curated/open/data_dictionary` of every lake.\n\n")
        .append("Every table is plain Parquet below `<lake>/curated/<zone>/<table>/`. The **open** zone holds "
            + "aggregates only (no names, no ID numbers; a figure computed from too few persons is null with "
            + "`suppressed` true); the **restricted** zone holds person-level tables for the supervision office, "
            + "where a cadre is identified by `person_key`.\n\n")
        .append("Each table has a layout. **current**: the current state (`dim_unit`, `dossier` ...). **restated**: "
            + "a period table's current figures of every period, one row per key, restated by every later "
            + "delivery (`unit_warning`: unit × month); the as-of month they are restated to is "
            + "`restated_as_of` in `curated/_published.json`. **reported**: what each publish run reported, one "
            + "folder per run's as-of month (`unit_warning_reported/as_of_month=2024-03/`) holding only the "
            + "periods that run reported (its month; the quarter and the year when it closes them ...), as "
            + "reported then. Read a current or restated table with DuckDB as "
            + "`read_parquet('curated/open/unit_warning/*.parquet')` and a reported one as "
            + "`read_parquet('curated/open/unit_warning_reported/*/*.parquet', hive_partitioning = true)`. "
            + "A run's complete state as it was then is reproduced by `bin/dossier publish --as-of M "
            + "--as-reported [--run RUN_ID]` (its reported slices) and by Delta time travel on the analysed "
            + "tables (the run log names the versions).\n\n")
        .append("| zone | table | 中文名 | one row per | layout |\n|---|---|---|---|---|\n");
    tables.forEach(t -> md.append("| ").append(t.zone().folder()).append(" | [").append(t.name()).append("](#")
        .append(t.zone().folder()).append('-').append(t.name().replace('_', '-')).append(") | ")
        .append(t.spec().label()).append(" | ").append(cell(grainWithoutPrefix(t.spec().grain()))).append(" | ")
        .append(layout(t)).append(" |\n"));
    for (CuratedTable table : tables) {
      md.append('\n').append(table(table));
    }
    return md.toString();
  }

  private static String table(CuratedTable table) {
    TableSpec spec = table.spec();
    StringBuilder md = new StringBuilder()
        .append("## ").append(table.zone().folder()).append(' ').append(table.name()).append("\n\n")
        .append("**").append(spec.label()).append("** · `curated/").append(table.zone().folder()).append('/')
        .append(table.name()).append(table.byAsOfMonth() ? "/as_of_month=YYYY-MM/" : "/").append("`  \n")
        .append("Layout: ").append(layout(table)).append("  \n")
        .append("Grain: ").append(spec.grain()).append("  \n")
        .append("Key: ").append(spec.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
        .append("\n\n| column | 中文名 | type | meaning |\n|---|---|---|---|\n");
    spec.columns().forEach(c -> md.append("| `").append(c.name()).append("` | ").append(cell(c.label()))
        .append(" | `").append(c.typeName()).append("` | ").append(cell(c.meaning())).append(" |\n"));
    return md.toString();
  }

  private static String layout(CuratedTable table) {
    return table.layout().name().toLowerCase(Locale.ROOT);
  }

  /** "one row per unit × month" reads as "unit × month" under the heading "one row per". */
  private static String grainWithoutPrefix(String grain) {
    return grain.startsWith("one row per ") ? grain.substring("one row per ".length()) : grain;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
