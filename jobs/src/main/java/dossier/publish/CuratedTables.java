package dossier.publish;

import dossier.lake.Lake.Zone;
import dossier.publish.quality.QualityTable;
import dossier.schema.CuratedTable;
import dossier.schema.DataDictionary;
import java.util.List;

/**
 * Every curated table (outputs.md), in the order of the data dictionary: the open zone, then the
 * restricted one; each restated period table followed by its reported slices.
 * {@code bin/dossier dictionary} documents exactly these.
 */
public final class CuratedTables {
  static final CuratedTable DATA_QUALITY = CuratedTable.byRun(Zone.OPEN, QualityTable.SPEC);
  static final CuratedTable DATA_DICTIONARY = CuratedTable.current(Zone.OPEN, DataDictionary.SPEC);

  public static final List<CuratedTable> ALL = List.of(
      OpenTables.DIM_UNIT, OpenTables.AGG_UNIT_PERIOD, OpenTables.AGG_UNIT_PERIOD_REPORTED, OpenTables.UNIT_WARNING,
      OpenTables.UNIT_WARNING_REPORTED, OpenTables.TEAM_GRADE, OpenTables.TEAM_GRADE_REPORTED, OpenTables.AWARD,
      OpenTables.AWARD_REPORTED, DATA_QUALITY, DATA_DICTIONARY,
      RestrictedTables.DIM_CADRE, RestrictedTables.FACT_RECORD, RestrictedTables.DOSSIER,
      RestrictedTables.CADRE_SCORE, RestrictedTables.CADRE_SCORE_REPORTED,
      RestrictedTables.CADRE_TRIGGER, RestrictedTables.CADRE_TRIGGER_REPORTED,
      RestrictedTables.CADRE_GRADE, RestrictedTables.CADRE_GRADE_REPORTED,
      RestrictedTables.CADRE_LIST, RestrictedTables.CADRE_LIST_REPORTED,
      RestrictedTables.UNRESOLVED_RECORD, RestrictedTables.QUARANTINE);

  private CuratedTables() {}
}
