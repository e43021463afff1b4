package dossier.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dossier.analyse.award.AwardTransforms;
import dossier.analyse.grade.CadreGradeTransforms;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.grade.TeamGradeTransforms;
import dossier.analyse.input.AnalyseInputs;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.input.UnitRecords;
import dossier.analyse.list.ListTransforms;
import dossier.analyse.period.PeriodStatTransforms;
import dossier.analyse.score.ScoreTransforms;
import dossier.analyse.trigger.TriggerTransforms;
import dossier.analyse.warning.UnitWarningTransforms;
import dossier.job.ConcurrentWrites;
import dossier.job.JobContext;
import dossier.job.StageResult;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The analysed (gold) layer for one as-of month M: period statistics, unit warnings, cadre
 * scores and threshold triggers, grades, lists and awards ({@link AnalysedTables}). Everything is
 * computed from the conformed record versions as delivered by M, so re-running M gives the same
 * rows. Each table's rows that M reports ({@link ReportedPeriods}) replace M's slice of
 * {@code <table>_reported}; when M is not before the restated state's month, the rows also replace
 * the restated table ({@link RestatedTables}), so a later M restates earlier periods while their
 * slices keep what was reported. A run of an earlier M (re-running an old month) writes M's slices
 * only.
 */
public final class AnalyseJob {
  private final JobContext context;
  private final AnalyseSettings rules;
  private final YearMonth asOf;
  private final AsOfPartitions slices;
  private final RestatedTables restated;
  /** The restated state's month before the run; empty on a new lake. */
  private final Optional<YearMonth> restatedBefore;
  /** What several outputs share, computed once; released at the end of the run. */
  private final List<Dataset<Row>> persisted = new ArrayList<>();
  /** One line per table written: rows and time taken. */
  private final List<String> written = new ArrayList<>();

  public AnalyseJob(JobContext context, AnalyseSettings rules, YearMonth asOf) {
    this.context = context;
    this.rules = rules;
    this.asOf = asOf;
    this.slices = new AsOfPartitions(context.tables(), asOf);
    this.restated = new RestatedTables(context.tables());
    this.restatedBefore = restated.asOf();
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
      write(AnalysedTables.PERIOD_STAT, PeriodStatTransforms.periodStats(records, asOf));
      Dataset<Row> warnings = unitWarnings(records, inputs, unitEfficiency);
      write(AnalysedTables.CADRE_SCORE, ScoreTransforms.cadreScores(series, inputs.cadreHistory(), rules.lines(),
          asOf));
      Dataset<Row> triggers = triggers(series, records, inputs);
      Dataset<Row> cadreGrades = cadreGrades(records, inputs);
      Dataset<Row> teamGrades = teamGrades(warnings, inputs);
      Dataset<Row> lists = lists(records, series, cadreGrades, inputs);
      Dataset<Row> awards = awards(records, unitEfficiency, cadreGrades, teamGrades);
      if (restates()) {
        restated.recordAsOf(context.spark(), AnalysedTables.ALL, asOf);
      }
      return summary(warnings, triggers, cadreGrades, teamGrades, lists, awards);
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private Dataset<Row> unitWarnings(Dataset<Row> records, AnalyseInputs inputs, Dataset<Row> unitEfficiency) {
    return write(AnalysedTables.UNIT_WARNING, UnitWarningTransforms.warnings(records, inputs.cadreHistory(),
        inputs.unitHistory(), unitEfficiency, rules.warnings(), asOf));
  }

  private Dataset<Row> triggers(Dataset<Row> series, Dataset<Row> records, AnalyseInputs inputs) {
    return write(AnalysedTables.CADRE_TRIGGER, TriggerTransforms.triggers(series, TriggerTransforms.actions(records),
        inputs.cadreHistory(), rules.lines(), asOf));
  }

  private Dataset<Row> cadreGrades(Dataset<Row> records, AnalyseInputs inputs) {
    return write(AnalysedTables.CADRE_GRADE, CadreGradeTransforms.grades(records, inputs.cadreHistory(), rules.grades(),
        asOf));
  }

  private Dataset<Row> teamGrades(Dataset<Row> warnings, AnalyseInputs inputs) {
    return write(AnalysedTables.TEAM_GRADE, TeamGradeTransforms.grades(
        UnitRecords.teamAssessments(inputs.rawTeamAssessment(), TeamGradeTable.FACTORS, asOf),
        UnitRecords.partyBuilding(inputs.rawPartyBuilding(), asOf), warnings, inputs.unitHistory(), rules.grades(),
        asOf));
  }

  private Dataset<Row> lists(Dataset<Row> records, Dataset<Row> series, Dataset<Row> cadreGrades,
      AnalyseInputs inputs) {
    return write(AnalysedTables.CADRE_LIST, ListTransforms.lists(records, series, cadreGrades, inputs.cadreHistory(),
        rules.lists(), asOf));
  }

  private Dataset<Row> awards(Dataset<Row> records, Dataset<Row> unitEfficiency, Dataset<Row> cadreGrades,
      Dataset<Row> teamGrades) {
    return write(AnalysedTables.AWARD, AwardTransforms.awards(teamGrades, cadreGrades, records, unitEfficiency,
        rules.awards(), asOf));
  }

  private Result summary(Dataset<Row> warnings, Dataset<Row> triggers, Dataset<Row> cadreGrades,
      Dataset<Row> teamGrades, Dataset<Row> lists, Dataset<Row> awards) {
    return new Result(asOf, restates() ? Optional.empty() : restatedBefore,
        Summaries.counts(warnings.filter(col("month").equalTo(asOf.toString())), "level"),
        Summaries.counts(triggers, "status"),
        Summaries.latest(cadreGrades, "year", "cohort", "grade"),
        Summaries.latest(teamGrades, "year", "cohort", "grade"),
        Summaries.latest(lists.filter(col("period_type").equalTo("quarter")), "period", "list", null),
        Summaries.latest(awards, "year", "award", "subject_type"), written);
  }

  /**
   * Writes the rows M reports to M's slice and, when the run restates, all of them to the restated
   * table (the two side by side, from the rows persisted once); the rows stay persisted for the
   * outputs and summary that read them. Row counts come from the commits, not from counting again.
   */
  private Dataset<Row> write(AnalysedTable table, Dataset<Row> rows) {
    long started = System.nanoTime();
    Dataset<Row> kept = shared(table.reported().conform(rows));
    Dataset<Row> slice = table.reportedPeriods().slice(kept, asOf);
    List<Runnable> writes = new ArrayList<>(List.of(() -> slices.write(table.reported(), slice)));
    if (restates()) {
      writes.add(() -> restated.write(table, kept));
    }
    ConcurrentWrites.run(writes, context.settings().concurrentWrites());
    long reported = context.tables().rowsWritten(context.lake().analysed(table.reported().name()));
    String all = restates()
        ? String.format("%,9d rows restated", context.tables().rowsWritten(context.lake().analysed(table.name())))
        : String.format("%9s (not restated)", "");
    written.add(String.format("%-13s %s, %,7d reported %6.1f s", table.name(), all, reported,
        (System.nanoTime() - started) / 1e9));
    return kept;
  }

  /** Whether this run replaces the restated tables: M is not before the month they are as of. */
  private boolean restates() {
    return RestatedTables.restates(asOf, restatedBefore);
  }

  private Dataset<Row> shared(Dataset<Row> rows) {
    persisted.add(rows.persist());
    return rows;
  }

  /**
   * What the run produced, for people.
   *
   * @param asOf the as-of month
   * @param restatedLater the month of the restated state when it is after the as-of month, which then
   *     left it alone (re-running an old month); empty when the run restated
   * @param unitsByLevel units by warning level in the as-of month
   * @param triggersByStatus triggers by status as of the month
   * @param cadreGrades grade counts by cohort, latest graded year
   * @param teamGrades team grade counts, latest graded year
   * @param lists list sizes, latest completed quarter
   * @param awards awards by kind and subject, latest year
   * @param written per table: rows as of the month, rows reported (written to its slice) and the time taken
   */
  public record Result(YearMonth asOf, Optional<YearMonth> restatedLater, String unitsByLevel, String triggersByStatus,
      String cadreGrades, String teamGrades, String lists, String awards, List<String> written) implements StageResult {
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
      lines.add(restatedLater.map(later -> "restated tables left as of " + later + " (later than " + asOf
          + "): wrote " + asOf + "'s reported slices only").orElse("restated tables replaced: as of " + asOf));
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
