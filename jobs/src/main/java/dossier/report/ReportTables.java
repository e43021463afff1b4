package dossier.report;

import dossier.lake.Lake.Zone;
import dossier.publish.CuratedTables;
import dossier.schema.CuratedTable;
import java.util.List;

/**
 * The curated tables the reports read, taken from the publish stage's own list so that their
 * names, columns and labels are the ones publish writes. Each table is checked for the columns
 * the reports use when this class loads: a renamed column fails every report test at once.
 */
final class ReportTables {
  static final CuratedTable AGG_UNIT_PERIOD = find(Zone.OPEN, "agg_unit_period", "unit_code", "unit_name",
      "period_type", "period", "category", "records", "scored_records", "severe_records", "persons", "points",
      "suppressed");
  static final CuratedTable UNIT_WARNING = find(Zone.OPEN, "unit_warning", "unit_code", "unit_name", "month",
      "cadres", "cadres_with_points", "share", "severe_records", "sanctions", "level", "level_label", "level_rank",
      "reasons", "suppressed");
  /** Which months were published: the slices publish wrote (a month's figures are read from the restated table). */
  static final CuratedTable UNIT_WARNING_REPORTED = find(Zone.OPEN, "unit_warning_reported", "month");
  static final CuratedTable TEAM_GRADE = find(Zone.OPEN, "team_grade", "year", "unit_code", "unit_name", "composite",
      "rank", "grade", "grade_rank", "cohort");
  /** Which years' grades a month's run reported: when a month brought a year's grades. */
  static final CuratedTable TEAM_GRADE_REPORTED = find(Zone.OPEN, "team_grade_reported", "year");
  static final CuratedTable AWARD = find(Zone.OPEN, "award", "year", "award", "award_label", "subject_type",
      "unit_code", "person_key", "rank", "reasons");
  static final CuratedTable DATA_QUALITY = find(Zone.OPEN, "data_quality", "dataset", "files", "files_rejected",
      "rows_read", "rows_landed", "rows_quarantined", "rows_rejected", "quarantine_share", "unresolved", "hard_failures",
      "soft_failures");
  static final CuratedTable DIM_UNIT = find(Zone.OPEN, "dim_unit", "unit_code", "unit_name", "valid_from");
  static final CuratedTable DIM_CADRE = find(Zone.RESTRICTED, "dim_cadre", "person_key", "name", "valid_from");
  static final CuratedTable CADRE_TRIGGER = find(Zone.RESTRICTED, "cadre_trigger", "person_key", "unit_code",
      "line", "line_label", "line_rank", "raised_month", "score_at_raise", "status", "days_open");
  static final CuratedTable CADRE_GRADE = find(Zone.RESTRICTED, "cadre_grade", "year", "person_key", "unit_code",
      "cohort", "composite", "rank", "grade", "grade_rank");
  static final CuratedTable CADRE_LIST = find(Zone.RESTRICTED, "cadre_list", "period", "list", "list_label",
      "person_key", "unit_code", "role", "reasons");

  private ReportTables() {}

  private static CuratedTable find(Zone zone, String name, String... columns) {
    List<CuratedTable> found = CuratedTables.ALL.stream().filter(t -> t.zone() == zone && t.name().equals(name))
        .toList();
    if (found.size() != 1) {
      throw new IllegalStateException("the curated layer has no table " + zone.folder() + "/" + name);
    }
    for (String column : columns) {
      found.get(0).spec().column(column);
    }
    return found.get(0);
  }

  /** The Chinese label of a column, from the data dictionary's source: the table's spec. */
  static String label(CuratedTable table, String column) {
    return table.spec().column(column).label();
  }
}
