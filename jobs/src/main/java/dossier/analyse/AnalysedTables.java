package dossier.analyse;

import dossier.analyse.award.AwardTable;
import dossier.analyse.grade.CadreGradeTable;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.list.CadreListTable;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.score.CadreScoreTable;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.analyse.warning.UnitWarningTable;
import java.util.List;

/**
 * Every table of the analysed layer, in the order the job writes them. Each is two Delta tables:
 * the restated state {@code <lake>/analysed/<name>} (replaced by a run of an as-of month at or after
 * the one it is as of, see {@link RestatedTables}) and the reported slices
 * {@code <lake>/analysed/<name>_reported} (partitioned by {@code as_of_month}; a run of M replaces
 * exactly M's slice, see {@link AsOfPartitions}). The data dictionary is generated from these specs.
 */
public final class AnalysedTables {
  public static final AnalysedTable PERIOD_STAT = new AnalysedTable(PeriodStatTable.SPEC, ReportedPeriods.ENDING_IN_M);
  public static final AnalysedTable UNIT_WARNING = new AnalysedTable(UnitWarningTable.SPEC, ReportedPeriods.MONTH_M);
  public static final AnalysedTable CADRE_SCORE = new AnalysedTable(CadreScoreTable.SPEC, ReportedPeriods.MONTH_M);
  public static final AnalysedTable CADRE_TRIGGER = new AnalysedTable(CadreTriggerTable.SPEC,
      ReportedPeriods.TRIGGER_STATUS);
  public static final AnalysedTable CADRE_GRADE = new AnalysedTable(CadreGradeTable.SPEC, ReportedPeriods.GRADED_YEAR);
  public static final AnalysedTable TEAM_GRADE = new AnalysedTable(TeamGradeTable.SPEC, ReportedPeriods.GRADED_YEAR);
  public static final AnalysedTable CADRE_LIST = new AnalysedTable(CadreListTable.SPEC, ReportedPeriods.ENDING_IN_M);
  public static final AnalysedTable AWARD = new AnalysedTable(AwardTable.SPEC, ReportedPeriods.GRADED_YEAR);

  public static final List<AnalysedTable> ALL = List.of(PERIOD_STAT, UNIT_WARNING, CADRE_SCORE, CADRE_TRIGGER,
      CADRE_GRADE, TEAM_GRADE, CADRE_LIST, AWARD);

  private AnalysedTables() {}
}
