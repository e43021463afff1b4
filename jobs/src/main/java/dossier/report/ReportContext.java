package dossier.report;

import dossier.schema.CuratedTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What one report run reads and how it names things: the curated tables (the restated ones hold
 * the figures of every period as of the latest month published; agg_unit_period and unit_warning
 * are read once and kept, since every report uses them), the zone the report is for, and the
 * labels. {@link #close()} releases what was kept.
 */
final class ReportContext implements AutoCloseable {
  private final CuratedReader reader;
  private final ReportSettings settings;
  private final YearMonth asOf;
  private final Figures figures;
  private final List<Dataset<Row>> kept = new ArrayList<>();
  private Dataset<Row> aggUnitPeriod;
  private Dataset<Row> unitWarning;

  ReportContext(CuratedReader reader, ReportSettings settings, YearMonth asOf) {
    this.reader = reader;
    this.settings = settings;
    this.asOf = asOf;
    this.figures = new Figures(settings);
  }

  YearMonth asOf() {
    return asOf;
  }

  ReportSettings settings() {
    return settings;
  }

  Figures figures() {
    return figures;
  }

  CuratedReader reader() {
    return reader;
  }

  /** The month the restated tables are as of (from the publish manifest), else the as-of month. */
  YearMonth restatedAsOf() {
    return reader.restatedAsOf().orElse(asOf);
  }

  Dataset<Row> aggUnitPeriod() {
    if (aggUnitPeriod == null) {
      aggUnitPeriod = keep(reader.table(ReportTables.AGG_UNIT_PERIOD));
    }
    return aggUnitPeriod;
  }

  Dataset<Row> unitWarning() {
    if (unitWarning == null) {
      unitWarning = keep(reader.table(ReportTables.UNIT_WARNING));
    }
    return unitWarning;
  }

  /** Cadre names by person_key (restricted zone). */
  Dataset<Row> cadreNames() {
    return ReportTransforms.latestNames(reader.table(ReportTables.DIM_CADRE), "person_key", "name");
  }

  /** Unit names by unit_code: the latest name of every unit, closed ones included. */
  Dataset<Row> unitNames() {
    return ReportTransforms.latestNames(reader.table(ReportTables.DIM_UNIT), "unit_code", "unit_name");
  }

  /** Where a figure table's rows come from, e.g. {@code curated/open/agg_unit_period period=2026-10}. */
  String source(CuratedTable table, String rows) {
    return "curated/" + table.zone().folder() + "/" + table.name()
        + (table.byAsOfMonth() ? " as_of_month=" + asOf : "") + (rows.isEmpty() ? "" : " " + rows);
  }

  String label(CuratedTable table, String column) {
    return ReportTables.label(table, column);
  }

  /** The sentence standing for a section the open zone cannot hold. */
  static String restrictedOnly(String what) {
    return what + "为人员层面数据，仅见于内部版（restricted）报告；公开版只使用公开区（open）的汇总表。";
  }

  private Dataset<Row> keep(Dataset<Row> data) {
    Dataset<Row> persisted = data.persist();
    kept.add(persisted);
    return persisted;
  }

  @Override
  public void close() {
    kept.forEach(Dataset::unpersist);
  }
}
