package dossier.publish;

import dossier.analyse.AnalysedTable;
import dossier.analyse.AnalysedTables;
import dossier.analyse.AsOfPartitions;
import dossier.analyse.input.RecordVersions;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The curated layer for one as-of month M (outputs.md, {@link CuratedTables}): each period table's
 * restated state from the analysed one (as of the month the analysed tables are restated to) and
 * its slice of M from the analysed slice, the current-state tables, and the data quality of the
 * run, which goes to {@code analysed/data_quality} (the month's partition, also when the run
 * fails) and the curated data_quality (when it publishes). Only the tables whose content changed
 * are written, each swapped in whole ({@link CuratedWriter}).
 *
 * <p>Before anything curated is written, the configured expectations are checked on the inputs
 * and on the outputs about to be written; a failed hard one stops the run
 * ({@link DataQualityException}) with the curated layer untouched.
 *
 * <p>As reported: when the stage replays an earlier publish run (its table versions, see
 * {@link AsReported}), the same code reads exactly what that run read and rewrites M's slices
 * with the same rows; the restated and current-state tables are left alone, since they describe
 * the lake now.
 */
public final class PublishJob {
  private final JobContext context;
  private final PublishSettings settings;
  private final YearMonth asOf;
  private final Optional<String> reproducedRun;
  /** Outputs are read twice (checked, then written): kept for the run, released at the end. */
  private final List<Dataset<Row>> persisted = new ArrayList<>();
  /** record_id and person_key of the records as delivered by a month, by month (one or two months a run). */
  private final Map<YearMonth, Dataset<Row>> recordPersons = new HashMap<>();

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
    PublishInputs inputs = PublishInputs.read(context.spark(), context.tables(), asOf, reproducedRun.isEmpty());
    try {
      Map<CuratedTable, Dataset<Row>> outputs = curated(inputs);
      Map<CuratedTable, ContentDigest> digests = CuratedWriter.digests(outputs, context.settings().concurrentWrites());
      outputs.put(CuratedTables.DATA_QUALITY, checkQuality(inputs, digests));
      if (reproducedRun.isEmpty()) {
        outputs.put(CuratedTables.DATA_DICTIONARY, shared(context.spark().createDataFrame(
            DataDictionary.rows(CuratedTables.ALL), DataDictionary.SPEC.schema())));
      }
      return new Result(asOf, reproducedRun, inputs.restatedAsOf(), write(outputs, digests, inputs.restatedAsOf()),
          failures(outputs.get(CuratedTables.DATA_QUALITY), Severity.SOFT));
    } finally {
      persisted.forEach(Dataset::unpersist);
    }
  }

  private Map<CuratedTable, Dataset<Row>> curated(PublishInputs in) {
    Map<CuratedTable, Dataset<Row>> out = new LinkedHashMap<>();
    int minPersons = settings.minPersons();
    period(out, in, OpenTables.AGG_UNIT_PERIOD, OpenTables.AGG_UNIT_PERIOD_REPORTED, AnalysedTables.PERIOD_STAT,
        (rows, month) -> OpenTransforms.aggUnitPeriod(rows, in.unitHistory(), minPersons));
    period(out, in, OpenTables.UNIT_WARNING, OpenTables.UNIT_WARNING_REPORTED, AnalysedTables.UNIT_WARNING,
        (rows, month) -> OpenTransforms.unitWarnings(rows, recordPersons(in.recordVersion(), month), minPersons));
    period(out, in, OpenTables.TEAM_GRADE, OpenTables.TEAM_GRADE_REPORTED, AnalysedTables.TEAM_GRADE,
        (rows, month) -> OpenTransforms.teamGrades(rows));
    period(out, in, OpenTables.AWARD, OpenTables.AWARD_REPORTED, AnalysedTables.AWARD,
        (rows, month) -> OpenTransforms.awards(rows));
    period(out, in, RestrictedTables.CADRE_SCORE, RestrictedTables.CADRE_SCORE_REPORTED, AnalysedTables.CADRE_SCORE,
        (rows, month) -> rows);
    period(out, in, RestrictedTables.CADRE_TRIGGER, RestrictedTables.CADRE_TRIGGER_REPORTED,
        AnalysedTables.CADRE_TRIGGER, (rows, month) -> RestrictedTransforms.cadreTriggers(rows));
    period(out, in, RestrictedTables.CADRE_GRADE, RestrictedTables.CADRE_GRADE_REPORTED, AnalysedTables.CADRE_GRADE,
        (rows, month) -> RestrictedTransforms.cadreGrades(rows));
    period(out, in, RestrictedTables.CADRE_LIST, RestrictedTables.CADRE_LIST_REPORTED, AnalysedTables.CADRE_LIST,
        (rows, month) -> RestrictedTransforms.cadreLists(rows));
    if (reproducedRun.isEmpty()) {
      put(out, OpenTables.DIM_UNIT, OpenTransforms.dimUnit(in.unitHistory()));
      put(out, RestrictedTables.DIM_CADRE, RestrictedTransforms.dimCadre(in.cadreHistory()));
      put(out, RestrictedTables.FACT_RECORD, RestrictedTransforms.factRecords(in.supervisionRecord()));
      put(out, RestrictedTables.DOSSIER, RestrictedTransforms.dossier(in.dossier(), in.restatedMonth(),
          in.restated(AnalysedTables.CADRE_SCORE), in.restated(AnalysedTables.CADRE_GRADE),
          in.restated(AnalysedTables.CADRE_TRIGGER), in.restated(AnalysedTables.CADRE_LIST)));
      put(out, RestrictedTables.UNRESOLVED_RECORD, RestrictedTransforms.unresolvedRecords(in.unresolvedRecord()));
      put(out, RestrictedTables.QUARANTINE, RestrictedTransforms.quarantine(in.quarantine()));
    }
    return out;
  }

  /**
   * A period table: M's slice from the analysed slice and, unless reproducing a run, the restated
   * state from the analysed one, both made by {@code publish} from the rows and the month their
   * figures are as of.
   */
  private void period(Map<CuratedTable, Dataset<Row>> out, PublishInputs in, CuratedTable restated,
      CuratedTable reported, AnalysedTable source, BiFunction<Dataset<Row>, YearMonth, Dataset<Row>> publish) {
    if (reproducedRun.isEmpty()) {
      put(out, restated, publish.apply(in.restated(source), in.restatedMonth()));
    }
    put(out, reported, publish.apply(in.reported(source), asOf));
  }

  /** record_id and person_key of the records as delivered by {@code month} (the persons behind a unit's figures). */
  private Dataset<Row> recordPersons(Dataset<Row> recordVersion, YearMonth month) {
    return recordPersons.computeIfAbsent(month, m -> shared(RecordVersions.deliveredBy(
        RecordVersions.countedIntervals(recordVersion, m), m).select("record_id", "person_key")));
  }

  private void put(Map<CuratedTable, Dataset<Row>> out, CuratedTable table, Dataset<Row> rows) {
    out.put(table, shared(table.spec().conform(rows)));
  }

  /**
   * The run's data quality, written to the as-of month's partition of analysed/data_quality
   * whatever the outcome (a re-run replaces it, so the table does not grow); a failed hard
   * expectation stops the run here, before anything curated is written.
   */
  private Dataset<Row> checkQuality(PublishInputs in, Map<CuratedTable, ContentDigest> outputs) {
    long idShaped = outputs.values().stream().mapToLong(ContentDigest::rowsHoldingIdNumbers).sum();
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

  private List<Published> write(Map<CuratedTable, Dataset<Row>> outputs, Map<CuratedTable, ContentDigest> digests,
      Optional<YearMonth> restatedAsOf) {
    List<CuratedWriter.Staged> written = new CuratedWriter(context.spark(), context.lake(), asOf, context.runId())
        .publish(outputs, digests, context.settings().concurrentWrites(), reproducedRun.isPresent(), restatedAsOf);
    context.tables().recordFilesWritten(written.stream().filter(CuratedWriter.Staged::changed)
        .mapToLong(s -> s.files().size()).sum());
    return written.stream().map(s -> new Published(s.folder(), s.content().rows(), s.changed())).toList();
  }

  private Dataset<Row> shared(Dataset<Row> rows) {
    persisted.add(rows.persist());
    return rows;
  }

  /**
   * One table folder of the run.
   *
   * @param folder below {@code curated/}, e.g. {@code open/unit_warning_reported/as_of_month=2024-03}
   * @param rows its rows
   * @param written whether the run wrote it (else the live content was the same and stayed)
   */
  public record Published(String folder, long rows, boolean written) {}

  /**
   * What the run published, for people.
   *
   * @param asOf the as-of month
   * @param reproducedRun the run reproduced, for an as-reported run
   * @param restatedAsOf the month the restated tables published are as of (none for an as-reported run)
   * @param tables every table folder of the run, written or unchanged
   * @param softFailures the soft expectations that failed
   */
  public record Result(YearMonth asOf, Optional<String> reproducedRun, Optional<YearMonth> restatedAsOf,
      List<Published> tables, List<String> softFailures) implements StageResult {
    public Result {
      tables = List.copyOf(tables);
    }

    @Override
    public Optional<YearMonth> asOfMonth() {
      return Optional.of(asOf);
    }

    /** Rows of the tables the run wrote (an unchanged table is not rewritten). */
    public long rowsWritten() {
      return tables.stream().filter(Published::written).mapToLong(Published::rows).sum();
    }

    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      String from = reproducedRun.map(r -> ", as reported by run " + r).orElse(", from the current tables");
      lines.add("as of " + asOf + from + restatedAsOf.map(m -> "; restated tables as of " + m).orElse(""));
      tables.forEach(t -> lines.add(String.format("%-52s %10s rows %s", t.folder(), Console.count(t.rows()),
          t.written() ? "written" : "unchanged")));
      lines.add(String.format("written: %s rows in %d of %d tables; the others were unchanged",
          Console.count(rowsWritten()), tables.stream().filter(Published::written).count(), tables.size()));
      lines.add("data quality: no hard expectation failed; soft failures: " + softFailures.size());
      softFailures.forEach(f -> lines.add("  " + f));
      return lines;
    }
  }
}
