package dossier.job;

import static org.apache.spark.sql.functions.col;

import dossier.lake.Lake;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * Which stages a resumed run may pass over: those whose work for this input is done. A stage is
 * done when its latest successful run with the same as-of month, options and settings
 * ({@link SettingsFingerprint}) read exactly the Delta versions that are current now (its own
 * outputs aside) and wrote the versions that are still current: running it again would read the
 * same input and write the same rows. A stage whose input lies outside the lake
 * ({@link Stage#inputsInLake()}: landing reads the delivery folder) and a stage run without an
 * as-of month are never passed over. The run log is read once, when the run starts.
 */
public final class CompletedStages {
  private final Lake lake;
  private final TableAccess tables;
  private final String fingerprint;
  private final List<Row> succeeded;

  public CompletedStages(RunLog log, TableAccess tables, String fingerprint) {
    this.lake = tables.lake();
    this.tables = tables;
    this.fingerprint = fingerprint;
    this.succeeded = log.exists() ? log.read().filter(col("status").equalTo(RunLog.SUCCEEDED))
        .orderBy(col("started_at").desc(), col("run_id").desc()).collectAsList() : List.of();
  }

  /** The run that did this stage's work for this input, if it is done. */
  public Optional<String> doneBy(Stage stage, StageArguments arguments) {
    if (!stage.inputsInLake() || (stage.takesAsOf() && arguments.asOf().isEmpty())) {
      return Optional.empty();
    }
    String asOf = stage.takesAsOf() ? arguments.asOf().orElseThrow().toString() : null;
    Map<String, String> options = stageOptions(stage, arguments);
    return succeeded.stream()
        .filter(r -> r.<String>getAs("stage").equals(stage.name()))
        .filter(r -> Objects.equals(r.getAs("as_of_month"), asOf))
        .filter(r -> new TreeMap<>(r.<String, String>getJavaMap(r.fieldIndex("options"))).equals(options))
        .findFirst()
        .filter(r -> fingerprint.equals(r.getAs("settings_fingerprint")) && versionsStillCurrent(r))
        .map(r -> r.<String>getAs("run_id"));
  }

  /** The options given that the stage declares ({@code run} passes every stage the options of all). */
  public static Map<String, String> stageOptions(Stage stage, StageArguments arguments) {
    Map<String, String> own = new TreeMap<>(arguments.options());
    own.keySet().retainAll(stage.options().stream().map(StageOption::name).toList());
    return own;
  }

  private boolean versionsStillCurrent(Row run) {
    Map<String, Long> read = run.getJavaMap(run.fieldIndex("tables_read"));
    Map<String, Long> written = run.getJavaMap(run.fieldIndex("tables_written"));
    return read.entrySet().stream().allMatch(e -> isCurrent(e.getKey(), written.getOrDefault(e.getKey(), e.getValue())))
        && written.entrySet().stream().allMatch(e -> isCurrent(e.getKey(), e.getValue()));
  }

  private boolean isCurrent(String table, long version) {
    return tables.version(lake.root() + "/" + table).equals(java.util.OptionalLong.of(version));
  }
}
