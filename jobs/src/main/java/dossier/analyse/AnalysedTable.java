package dossier.analyse;

import dossier.schema.TableSpec;

/**
 * A table of the analysed layer, declared once by its restated spec: {@code analysed/<name>} holds
 * the restated state (one row per key, the figures as delivered by the latest as-of month analysed)
 * and {@code analysed/<name>_reported} the slices the runs reported (partitioned by
 * {@code as_of_month}; which rows, {@link ReportedPeriods} says).
 *
 * @param restated the restated table's spec (no {@code as_of_month})
 * @param reportedPeriods which of its rows a run reports
 */
public record AnalysedTable(TableSpec restated, ReportedPeriods reportedPeriods) {
  public String name() {
    return restated.name();
  }

  /** The spec of the slices: the restated columns with {@code as_of_month} first. */
  public TableSpec reported() {
    return restated.reported(reportedPeriods.rows());
  }
}
