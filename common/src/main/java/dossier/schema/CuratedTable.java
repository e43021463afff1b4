package dossier.schema;

import dossier.lake.Lake;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;

/**
 * A table of the curated layer: plain Parquet below {@code <lake>/curated/<zone>/<name>/} for BI
 * readers. A table {@link #byAsOfMonth() by as-of month} holds one folder per published as-of
 * month ({@code as_of_month=2024-03/}), each rewritten whole by the publish run of that month, so
 * the latest and every earlier run stay readable; any other table holds the current state,
 * rewritten whole by every publish run.
 *
 * @param zone who may read it
 * @param spec its name, grain and columns ({@code as_of_month} among them when by as-of month)
 * @param byAsOfMonth whether it is partitioned by {@code as_of_month}
 */
public record CuratedTable(Lake.Zone zone, TableSpec spec, boolean byAsOfMonth) implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String AS_OF_MONTH = "as_of_month";

  public CuratedTable {
    if (byAsOfMonth && !spec.columnNames().contains(AS_OF_MONTH)) {
      throw new IllegalArgumentException("curated table " + spec.name() + " is by as-of month but has no " + AS_OF_MONTH);
    }
  }

  public String name() {
    return spec.name();
  }

  /** The table's folder. */
  public String path(Lake lake) {
    return lake.curated(zone, spec.name());
  }

  /** The folder of one as-of month's rows (a table by as-of month only). */
  public String partitionPath(Lake lake, YearMonth asOf) {
    if (!byAsOfMonth) {
      throw new IllegalStateException("curated table " + spec.name() + " is not partitioned by " + AS_OF_MONTH);
    }
    return path(lake) + "/" + AS_OF_MONTH + "=" + asOf;
  }

  /** The columns stored in the Parquet files: the partition column lives in the folder name. */
  public List<String> fileColumns() {
    return spec.columnNames().stream().filter(c -> !byAsOfMonth || !c.equals(AS_OF_MONTH)).toList();
  }
}
