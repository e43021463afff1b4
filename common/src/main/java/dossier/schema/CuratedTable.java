package dossier.schema;

import dossier.lake.Lake;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;

/**
 * A table of the curated layer: plain Parquet below {@code <lake>/curated/<zone>/<name>/} for BI
 * readers, laid out one of three ways ({@link Layout}): the current state (dim_unit, dossier ...),
 * the restated state of a period table (unit_warning: the current figures of every period, one row
 * per key, no as-of folders), or the slices of a period table that each publish run reported
 * ({@code unit_warning_reported/as_of_month=2024-03/}).
 *
 * @param zone who may read it
 * @param spec its name, grain and columns ({@code as_of_month} among them when {@link Layout#REPORTED})
 * @param layout how its folder is laid out
 */
public record CuratedTable(Lake.Zone zone, TableSpec spec, Layout layout) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String AS_OF_MONTH = TableSpec.AS_OF_MONTH;

  /** How a curated table's folder is laid out and what rewrites it. */
  public enum Layout {
    /** The current state of what it describes (dim_unit, dossier ...): the folder holds the files. */
    CURRENT,
    /** A period table's current figures of every period, one row per key: the folder holds the files. */
    RESTATED,
    /**
     * One folder per as-of month ({@code as_of_month=2024-03/}) holding what the publish run of that
     * month reported: the periods it reported (a period table's slice) or the run itself (data_quality).
     */
    REPORTED
  }

  public CuratedTable {
    if (layout == Layout.REPORTED && !spec.columnNames().contains(AS_OF_MONTH)) {
      throw new IllegalArgumentException("curated table " + spec.name() + " is by as-of month but has no " + AS_OF_MONTH);
    }
  }

  /** A table of the current state. */
  public static CuratedTable current(Lake.Zone zone, TableSpec spec) {
    return new CuratedTable(zone, spec, Layout.CURRENT);
  }

  /** The restated state of a period table. */
  public static CuratedTable restated(Lake.Zone zone, TableSpec spec) {
    return new CuratedTable(zone, spec, Layout.RESTATED);
  }

  /** A table with one folder per publish run's as-of month, its spec holding {@code as_of_month}. */
  public static CuratedTable byRun(Lake.Zone zone, TableSpec spec) {
    return new CuratedTable(zone, spec, Layout.REPORTED);
  }

  /**
   * The slices this restated table's runs reported ({@code <name>_reported}), same columns plus
   * {@code as_of_month}.
   *
   * @param rows which rows the run of as-of month M reports (for the data dictionary)
   */
  public CuratedTable reported(String rows) {
    if (layout != Layout.RESTATED) {
      throw new IllegalStateException("curated table " + spec.name() + " is " + layout + ", not restated");
    }
    return byRun(zone, spec.reported(rows));
  }

  public String name() {
    return spec.name();
  }

  /** Whether the table has one folder per as-of month. */
  public boolean byAsOfMonth() {
    return layout == Layout.REPORTED;
  }

  /** The table's folder. */
  public String path(Lake lake) {
    return lake.curated(zone, spec.name());
  }

  /** The folder below the curated root, e.g. {@code open/unit_warning}: how the publish manifest names it. */
  public String folder() {
    return zone.folder() + "/" + spec.name();
  }

  /**
   * The Parquet files as a reader globs them below the lake root, e.g.
   * {@code curated/open/unit_warning/*.parquet}, or {@code curated/open/unit_warning_reported/*}{@code /*.parquet}
   * with the as-of month in the folder names (read with hive partitioning).
   */
  public String files() {
    return "curated/" + folder() + (byAsOfMonth() ? "/*/*.parquet" : "/*.parquet");
  }

  /** The folder of one as-of month's rows (a table by as-of month only). */
  public String partitionPath(Lake lake, YearMonth asOf) {
    if (!byAsOfMonth()) {
      throw new IllegalStateException("curated table " + spec.name() + " is not partitioned by " + AS_OF_MONTH);
    }
    return path(lake) + "/" + AS_OF_MONTH + "=" + asOf;
  }

  /** The columns stored in the Parquet files: the partition column lives in the folder name. */
  public List<String> fileColumns() {
    return spec.columnNames().stream().filter(c -> !byAsOfMonth() || !c.equals(AS_OF_MONTH)).toList();
  }
}
