package dossier.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dossier.analyse.award.AwardTable;
import dossier.analyse.award.AwardTransforms;
import dossier.analyse.grade.CadreGradeTable;
import dossier.analyse.grade.CadreGradeTransforms;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.grade.TeamGradeTransforms;
import dossier.analyse.input.AnalyseInputs;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.input.UnitRecords;
import dossier.analyse.list.CadreListTable;
import dossier.analyse.list.ListTransforms;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.period.PeriodStatTransforms;
import dossier.analyse.score.CadreScoreTable;
import dossier.analyse.score.ScoreTransforms;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.analyse.trigger.TriggerTransforms;
import dossier.analyse.warning.UnitWarningTable;
import dossier.analyse.warning.UnitWarningTransforms;
import dossier.job.JobContext;
import dossier.job.StageResult;
import dossier.schema.TableSpec;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The analysed (gold) layer for one as-of month M: period statistics, unit warnings, cadre
 * scores and threshold triggers, grades, lists and awards, each written to the M partition of
 * its table ({@link AnalysedTables}). Everything is computed from the conformed record versions
 * as delivered by M, so re-running M gives the same rows, and a later M restates earlier periods
 * while earlier partitions keep what was reported.
 */
public final class AnalyseJob {
  private final JobContext context;
  private final AnalyseSettings rules;
  private final YearMonth asOf;
  private final AsOfPartitions tables;
  /** What several outputs share, computed once; released at the end of the run. */
  private final List<Dataset<Row>> persisted = new ArrayList<>();
  /** One line per table written: rows and time taken. */
  private final List<String> written = new ArrayList<>();

  public AnalyseJob(JobContext context, AnalyseSettings rules, YearMonth asOf) {
    this.context = context;
    this.rules = rules;
    this.asOf = asOf;
    this.tables = new AsOfPartitions(context.tables(), asOf);
  }

  /** The latest delivery month in the conformed record versions: the default as-of month. */
  public static YearMonth latestDelivery(AnalyseInputs inputs) {
    Row latest = inputs.recordVersions().agg(max("version_month")).first();
    if (latest.isNullAt(0)) {
      throw new IllegalStateException("conformed/record_version holds no records: run land and conform first");
    }
    return YearMonth.parse(latest.getString(0));
  }

  public Result run() {
    AnalyseInputs inputs = AnalyseInputs.read(context.spark(), context.tables(), context.settings().datasets());
    Dataset<Row> versions = shared(RecordVersions.countedIntervals(inputs.recordVersions(), asOf));
    Dataset<Row> records = shared(RecordVersions.deliveredBy(versions, asOf));
    Dataset<Row> series = shared(ScoreTransforms.series(versions, rules.lines(), asOf));
    Dataset<Row> unitEfficiency = shared(UnitRecords.efficiencyWarnings(inputs.rawEfficiency(), asOf));
    try {
      write(PeriodStatTable.SPEC, PeriodStatTransforms.periodStats(records, asOf));
      Dataset<Row> warnings = unitWarnings(records, inputs, unitEfficiency);
      write(CadreScoreTable.SPEC, ScoreTransforms.cadreScores(series, inputs.cadreHistory(), rules.lines(), asOf));
      Dataset<Row> triggers = triggers(series, records, inputs);
      Dataset<Row> cadreGrades = cadreGrades(records, inputs);
      Dataset<Row> teamGrades = teamGrades(warnings, inputs);
      Dataset<Row> lists = lists(records, series, cadreGrades, inputs);
      Dataset<Row> awards = awards(records, unitEfficiency, cadreGrades, teamGrades);
      return summary(warnings, triggers, cadreGrades, teamGrades, lists, awards);
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private Dataset<Row> unitWarnings(Dataset<Row> records, AnalyseInputs inputs, Dataset<Row> unitEfficiency) {
    return write(UnitWarningTable.SPEC, UnitWarningTransforms.warnings(records, inputs.cadreHistory(),
        inputs.unitHistory(), unitEfficiency, rules.warnings(), asOf));
  }

  private Dataset<Row> triggers(Dataset<Row> series, Dataset<Row> records, AnalyseInputs inputs) {
    return write(CadreTriggerTable.SPEC, TriggerTransforms.triggers(series, TriggerTransforms.actions(records),
        inputs.cadreHistory(), rules.lines(), asOf));
  }

  private Dataset<Row> cadreGrades(Dataset<Row> records, AnalyseInputs inputs) {
    return write(CadreGradeTable.SPEC, CadreGradeTransforms.grades(records, inputs.cadreHistory(), rules.grades(),
        asOf));
  }

  private Dataset<Row> teamGrades(Dataset<Row> warnings, AnalyseInputs inputs) {
    return write(TeamGradeTable.SPEC, TeamGradeTransforms.grades(
        UnitRecords.teamAssessments(inputs.rawTeamAssessment(), TeamGradeTable.FACTORS, asOf),
        UnitRecords.partyBuilding(inputs.rawPartyBuilding(), asOf), warnings, inputs.unitHistory(), rules.grades(),
        asOf));
  }

  private Dataset<Row> lists(Dataset<Row> records, Dataset<Row> series, Dataset<Row> cadreGrades,
      AnalyseInputs inputs) {
    return write(CadreListTable.SPEC, ListTransforms.lists(records, series, cadreGrades, inputs.cadreHistory(),
        rules.lists(), asOf));
  }

  private Dataset<Row> awards(Dataset<Row> records, Dataset<Row> unitEfficiency, Dataset<Row> cadreGrades,
      Dataset<Row> teamGrades) {
    return write(AwardTable.SPEC, AwardTransforms.awards(teamGrades, cadreGrades, records, unitEfficiency,
        rules.awards(), asOf));
  }

  private Result summary(Dataset<Row> warnings, Dataset<Row> triggers, Dataset<Row> cadreGrades,
      Dataset<Row> teamGrades, Dataset<Row> lists, Dataset<Row> awards) {
    return new Result(asOf,
        Summaries.counts(warnings.filter(col("month").equalTo(asOf.toString())), "level"),
        Summaries.counts(triggers, "status"),
        Summaries.latest(cadreGrades, "year", "cohort", "grade"),
        Summaries.latest(teamGrades, "year", "cohort", "grade"),
        Summaries.latest(lists.filter(col("period_type").equalTo("quarter")), "period", "list", null),
        Summaries.latest(awards, "year", "award", "subject_type"), written);
  }

  /** Writes the table's as-of partition; the rows stay persisted for the outputs and summary that read them. */
  private Dataset<Row> write(TableSpec table, Dataset<Row> rows) {
    long started = System.nanoTime();
    Dataset<Row> kept = shared(table.conform(rows));
    tables.write(table, kept);
    written.add(String.format("%-13s %,9d rows %6.1f s", table.name(),
        context.tables().rowsWritten(context.lake().analysed(table.name())), (System.nanoTime() - started) / 1e9));
    return kept;
  }

  private Dataset<Row> shared(Dataset<Row> rows) {
    persisted.add(rows.persist());
    return rows;
  }

  /**
   * What the run produced, for people.
   *
   * @param asOf the as-of month
   * @param unitsByLevel units by warning level in the as-of month
   * @param triggersByStatus triggers by status as of the month
   * @param cadreGrades grade counts by cohort, latest graded year
   * @param teamGrades team grade counts, latest graded year
   * @param lists list sizes, latest completed quarter
   * @param awards awards by kind and subject, latest year
   * @param written per table: rows written to the as-of partition and the time taken
   */
  public record Result(YearMonth asOf, String unitsByLevel, String triggersByStatus, String cadreGrades,
      String teamGrades, String lists, String awards, List<String> written) implements StageResult {
    public Result {
      written = List.copyOf(written);
    }

    @Override
    public Optional<YearMonth> asOfMonth() {
      return Optional.of(asOf);
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("as of " + asOf);
      lines.add("unit warnings " + asOf + ": " + unitsByLevel);
      lines.add("triggers: " + triggersByStatus);
      lines.add("cadre grades " + cadreGrades);
      lines.add("team grades " + teamGrades);
      lines.add("lists " + lists);
      lines.add("awards " + awards);
      written.forEach(w -> lines.add("wrote " + w));
      return lines;
    }
  }

  /** Resolves the as-of month: the one given, else the latest delivery month. */
  public static YearMonth asOf(JobContext context, Optional<YearMonth> given) {
    return given.orElseGet(() -> latestDelivery(AnalyseInputs.read(context.spark(), context.tables(),
        context.settings().datasets())));
  }
}
