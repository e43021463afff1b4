package dossier.analyse;

import dossier.analyse.award.AwardTable;
import dossier.analyse.grade.CadreGradeTable;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.list.CadreListTable;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.score.CadreScoreTable;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.analyse.warning.UnitWarningTable;
import dossier.schema.TableSpec;
import java.util.List;

/**
 * Every table of the analysed layer ({@code <lake>/analysed/<name>}), in the order the job writes
 * them. Each is a Delta table partitioned by {@code as_of_month}; a run for month M replaces
 * exactly that partition. The data dictionary is generated from these specs.
 */
public final class AnalysedTables {
  public static final List<TableSpec> ALL = List.of(PeriodStatTable.SPEC, UnitWarningTable.SPEC, CadreScoreTable.SPEC,
      CadreTriggerTable.SPEC, CadreGradeTable.SPEC, TeamGradeTable.SPEC, CadreListTable.SPEC, AwardTable.SPEC);

  private AnalysedTables() {}
}
