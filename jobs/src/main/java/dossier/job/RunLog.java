package dossier.job;

import static org.apache.spark.sql.functions.col;

import dossier.lake.Lake;
import dossier.schema.TableSpec;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The run log, {@code <lake>/_runs/run_log} (Delta). Grain: one row per stage run, successful or
 * failed, appended when the stage ends (one commit). A re-run adds its own row. It holds the
 * Delta version of every table the stage read and wrote, so that any run's inputs can be read
 * again as they were (time travel).
 */
public final class RunLog {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  /** A stage run that started and never recorded its end (its process was killed), found by a later run. */
  public static final String INTERRUPTED = "interrupted";

  public static final TableSpec SPEC = TableSpec.builder("run_log", "运行日志", "one row per stage run")
      .key("run_id", "stage")
      .column("run_id", "运行编号", "string",
          "The run: UTC start time and a random suffix (20241031T080000Z-1a2b3c4d); the stages of one command share it.")
      .column("stage", "阶段", "string", "The stage: land, conform, analyse, publish ...")
      .column("as_of_month", "统计截至月份", "string", "The as-of month the stage worked for (yyyy-MM); null when it takes none.")
      .column("options", "运行选项", "map<string,string>",
          "The stage's options besides --as-of, by name (a flag has the value ''), e.g. as-reported.")
      .column("started_at", "开始时间", "timestamp", "When the stage started.")
      .column("finished_at", "结束时间", "timestamp",
          "When it ended; null for an interrupted run, whose end nobody saw.")
      .column("status", "状态", "string",
          "succeeded, failed, or interrupted (it started and never recorded its end; a later run found it).")
      .column("message", "失败原因", "string",
          "Why the stage failed, or which run found it interrupted and when it last showed life; null when it succeeded.")
      .column("tables_read", "读取表版本", "map<string,bigint>",
          "Delta tables the stage read (path below the lake root, e.g. analysed/period_stat) and the version read.")
      .column("tables_written", "写入表版本", "map<string,bigint>",
          "Delta tables the stage committed to and the version of its last commit; curated Parquet is not listed.")
      .column("settings_fingerprint", "配置指纹", "string",
          "A digest of the settings the stage's output depends on (rules, contracts, the person_key secret's hash): "
              + "a resumed run passes over a stage only if it ran with the same settings. Null in rows from before.")
      .build();

  private final SparkSession spark;
  private final Lake lake;

  public RunLog(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  public void append(StageRun run) {
    Row row = RowFactory.create(run.runId(), run.stage(), run.asOf().map(YearMonth::toString).orElse(null),
        new TreeMap<>(run.options()), Timestamp.from(run.startedAt()), Timestamp.from(run.finishedAt()),
        run.failure().isEmpty() ? SUCCEEDED : FAILED, run.failure().orElse(null), new TreeMap<>(run.tablesRead()),
        new TreeMap<>(run.tablesWritten()), run.settingsFingerprint());
    // mergeSchema: a run log written before a column was added takes it on (older rows hold null).
    spark.createDataFrame(List.of(row), SPEC.schema()).write().format("delta").mode("append")
        .option("mergeSchema", "true").save(lake.runLog());
  }

  public boolean exists() {
    return DeltaTable.isDeltaTable(spark, lake.runLog());
  }

  /**
   * Records every stage run whose marker shows no sign of life for too long as interrupted (one
   * commit), then removes their markers; returns them.
   */
  public List<RunMarkers.Started> recordInterrupted(RunMarkers markers, String foundBy, Instant now) {
    List<RunMarkers.Started> interrupted = markers.interrupted(now);
    if (interrupted.isEmpty()) {
      return interrupted;
    }
    List<Row> rows = interrupted.stream().map(s -> RowFactory.create(s.runId(), s.stage(),
        s.asOf().map(YearMonth::toString).orElse(null), new TreeMap<>(s.options()), Timestamp.from(s.startedAt()), null,
        INTERRUPTED, "interrupted: no end recorded, last sign of life " + s.lastSign() + "; found by run " + foundBy,
        new TreeMap<String, Long>(), new TreeMap<String, Long>(), null)).toList();
    spark.createDataFrame(rows, SPEC.schema()).write().format("delta").mode("append")
        .option("mergeSchema", "true").save(lake.runLog());
    interrupted.forEach(s -> markers.remove(s.runId(), s.stage()));
    return interrupted;
  }

  /** The successful runs of a stage, earliest first (a handful of rows: one per run of the stage). */
  public List<Row> succeeded(String stage) {
    if (!exists()) {
      return List.of();
    }
    return read().filter(col("stage").equalTo(stage).and(col("status").equalTo(SUCCEEDED)))
        .orderBy("started_at", "run_id").collectAsList();
  }

  public Dataset<Row> read() {
    return spark.read().format("delta").load(lake.runLog());
  }
}
