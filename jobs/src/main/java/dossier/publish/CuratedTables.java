package dossier.publish;

import dossier.lake.Lake.Zone;
import dossier.publish.quality.QualityTable;
import dossier.schema.CuratedTable;
import dossier.schema.DataDictionary;
import java.util.List;

/**
 * Every curated table (outputs.md), in the order of the data dictionary: the open zone, then the
 * restricted one. {@code bin/dossier dictionary} documents exactly these.
 */
public final class CuratedTables {
  static final CuratedTable DATA_QUALITY = new CuratedTable(Zone.OPEN, QualityTable.SPEC, true);
  static final CuratedTable DATA_DICTIONARY = new CuratedTable(Zone.OPEN, DataDictionary.SPEC, false);

  public static final List<CuratedTable> ALL = List.of(
      OpenTables.DIM_UNIT, OpenTables.AGG_UNIT_PERIOD, OpenTables.UNIT_WARNING, OpenTables.TEAM_GRADE,
      OpenTables.AWARD, DATA_QUALITY, DATA_DICTIONARY,
      RestrictedTables.DIM_CADRE, RestrictedTables.FACT_RECORD, RestrictedTables.DOSSIER,
      RestrictedTables.CADRE_SCORE,
      RestrictedTables.CADRE_TRIGGER, RestrictedTables.CADRE_GRADE, RestrictedTables.CADRE_LIST,
      RestrictedTables.UNRESOLVED_RECORD, RestrictedTables.QUARANTINE);

  private CuratedTables() {}
}
