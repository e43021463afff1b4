package dossier.publish;

import dossier.analyse.AsOfPartitions;
import dossier.analyse.award.AwardTable;
import dossier.analyse.grade.CadreGradeTable;
import dossier.analyse.grade.TeamGradeTable;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.list.CadreListTable;
import dossier.analyse.period.PeriodStatTable;
import dossier.analyse.score.CadreScoreTable;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.analyse.warning.UnitWarningTable;
import dossier.cli.Console;
import dossier.job.DataQualityException;
import dossier.job.JobContext;
import dossier.job.StageResult;
import dossier.publish.quality.QualityTable;
import dossier.publish.quality.QualityTransforms;
import dossier.publish.quality.Severity;
import dossier.schema.CuratedTable;
import dossier.schema.DataDictionary;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The curated layer for one as-of month M (outputs.md, {@link CuratedTables}): the tables by
 * as-of month get their M folder, the current-state tables are rewritten whole, and the data
 * quality of the run goes to {@code analysed/data_quality} (the month's partition, also when the
 * run fails) and the curated data_quality (when it publishes).
 *
 * <p>Before anything curated is written, the configured expectations are checked on the inputs
 * and on the outputs about to be written; a failed hard one stops the run
 * ({@link DataQualityException}) with the curated layer untouched.
 *
 * <p>As reported: when the stage replays an earlier publish run (its table versions, see
 * {@link AsReported}), the same code reads exactly what that run read and rewrites M's folders
 * with the same rows; the current-state tables are left alone, since they describe the lake now.
 */
public final class PublishJob {
  private final JobContext context;
  private final PublishSettings settings;
  private final YearMonth asOf;
  private final Optional<String> reproducedRun;
  /** Outputs are read twice (checked, then written): kept for the run, released at the end. */
  private final List<Dataset<Row>> persisted = new ArrayList<>();

  /**
   * @param reproducedRun the earlier run whose reads the stage's table access replays; empty for
   *     a publish from the current tables
   */
  public PublishJob(JobContext context, PublishSettings settings, YearMonth asOf, Optional<String> reproducedRun) {
    this.context = context;
    this.settings = settings;
    this.asOf = asOf;
    this.reproducedRun = reproducedRun;
  }

  public Result run() {
    PublishInputs inputs = PublishInputs.read(context.spark(), context.tables(), asOf);
    try {
      Map<CuratedTable, Dataset<Row>> outputs = curated(inputs);
      outputs.put(CuratedTables.DATA_QUALITY, checkQuality(inputs, outputs));
      if (reproducedRun.isEmpty()) {
        outputs.put(CuratedTables.DATA_DICTIONARY, shared(context.spark().createDataFrame(
            DataDictionary.rows(CuratedTables.ALL), DataDictionary.SPEC.schema())));
      }
      return new Result(asOf, reproducedRun, write(outputs),
          failures(outputs.get(CuratedTables.DATA_QUALITY), Severity.SOFT));
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private Map<CuratedTable, Dataset<Row>> curated(PublishInputs in) {
    Map<CuratedTable, Dataset<Row>> out = new LinkedHashMap<>();
    int minPersons = settings.minPersons();
    Dataset<Row> recordPersons = RecordVersions.deliveredBy(RecordVersions.countedIntervals(in.recordVersion(), asOf),
        asOf).select("record_id", "person_key");
    put(out, OpenTables.AGG_UNIT_PERIOD, OpenTransforms.aggUnitPeriod(in.analysed(PeriodStatTable.SPEC),
        in.unitHistory(), minPersons));
    put(out, OpenTables.UNIT_WARNING, OpenTransforms.unitWarnings(in.analysed(UnitWarningTable.SPEC), recordPersons,
        minPersons));
    put(out, OpenTables.TEAM_GRADE, OpenTransforms.teamGrades(in.analysed(TeamGradeTable.SPEC)));
    put(out, OpenTables.AWARD, OpenTransforms.awards(in.analysed(AwardTable.SPEC)));
    put(out, RestrictedTables.CADRE_SCORE, in.analysed(CadreScoreTable.SPEC));
    put(out, RestrictedTables.CADRE_TRIGGER, RestrictedTransforms.cadreTriggers(in.analysed(CadreTriggerTable.SPEC)));
    put(out, RestrictedTables.CADRE_GRADE, RestrictedTransforms.cadreGrades(in.analysed(CadreGradeTable.SPEC)));
    put(out, RestrictedTables.CADRE_LIST, RestrictedTransforms.cadreLists(in.analysed(CadreListTable.SPEC)));
    if (reproducedRun.isEmpty()) {
      put(out, OpenTables.DIM_UNIT, OpenTransforms.dimUnit(in.unitHistory()));
      put(out, RestrictedTables.DIM_CADRE, RestrictedTransforms.dimCadre(in.cadreHistory()));
      put(out, RestrictedTables.FACT_RECORD, RestrictedTransforms.factRecords(in.supervisionRecord()));
      put(out, RestrictedTables.DOSSIER, RestrictedTransforms.dossier(in.dossier(), asOf,
          in.analysed(CadreScoreTable.SPEC), in.analysed(CadreGradeTable.SPEC), in.analysed(CadreTriggerTable.SPEC),
          in.analysed(CadreListTable.SPEC)));
      put(out, RestrictedTables.UNRESOLVED_RECORD, RestrictedTransforms.unresolvedRecords(in.unresolvedRecord()));
      put(out, RestrictedTables.QUARANTINE, RestrictedTransforms.quarantine(in.quarantine()));
    }
    return out;
  }

  private void put(Map<CuratedTable, Dataset<Row>> out, CuratedTable table, Dataset<Row> rows) {
    out.put(table, shared(table.spec().conform(rows)));
  }

  /**
   * The run's data quality, written to the as-of month's partition of analysed/data_quality
   * whatever the outcome (a re-run replaces it, so the table does not grow); a failed hard
   * expectation stops the run here, before anything curated is written.
   */
  private Dataset<Row> checkQuality(PublishInputs in, Map<CuratedTable, Dataset<Row>> outputs) {
    long idShaped = outputs.values().stream().mapToLong(IdNumbers::rowsHoldingIdNumbers).sum();
    Dataset<Row> checked = shared(QualityTransforms.checked(context.spark(), in.manifest(), in.datasetStats(),
        List.copyOf(context.settings().datasets().keySet()), idShaped, settings.quality(), asOf, context.runId()));
    new AsOfPartitions(context.tables(), asOf).write(QualityTable.SPEC, checked);
    List<String> hard = failures(checked, Severity.HARD);
    if (!hard.isEmpty()) {
      throw new DataQualityException("nothing published for " + asOf + ": " + hard.size()
          + " hard expectation(s) failed: " + String.join("; ", hard));
    }
    return checked;
  }

  private static List<String> failures(Dataset<Row> checked, Severity severity) {
    return QualityTransforms.failures(checked, severity).collectAsList().stream().map(r -> r.getString(0)).sorted()
        .toList();
  }

  private Map<String, Long> write(Map<CuratedTable, Dataset<Row>> outputs) {
    CuratedWriter writer = new CuratedWriter(context.lake(), asOf);
    Map<String, Long> rows = new LinkedHashMap<>();
    outputs.forEach((table, data) -> {
      context.tables().recordFilesWritten(writer.write(table, data));
      rows.put(table.zone().folder() + "/" + table.name(), data.count());
    });
    return rows;
  }

  private Dataset<Row> shared(Dataset<Row> rows) {
    persisted.add(rows.persist());
    return rows;
  }

  /**
   * What the run published, for people.
   *
   * @param asOf the as-of month
   * @param reproducedRun the run reproduced, for an as-reported run
   * @param rowsByTable rows written, by zone/table
   * @param softFailures the soft expectations that failed
   */
  public record Result(YearMonth asOf, Optional<String> reproducedRun, Map<String, Long> rowsByTable,
      List<String> softFailures) implements StageResult {
    @Override
    public Optional<YearMonth> asOfMonth() {
      return Optional.of(asOf);
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("as of " + asOf + reproducedRun.map(r -> ", as reported by run " + r).orElse(", from the current tables"));
      rowsByTable.forEach((table, n) -> lines.add(String.format("%-30s %10s rows", table, Console.count(n))));
      lines.add("data quality: no hard expectation failed; soft failures: " + softFailures.size());
      softFailures.forEach(f -> lines.add("  " + f));
      return lines;
    }
  }
}
