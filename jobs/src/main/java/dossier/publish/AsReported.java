package dossier.publish;

import dossier.job.RunLog;
import dossier.job.StageArgumentException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The earlier publish run an as-reported run reproduces: the one named by {@code --run}, else the
 * first successful publish of the as-of month. Reading the table versions it read (time travel)
 * gives back exactly the figures it published.
 *
 * @param runId the run reproduced
 * @param asOf its as-of month
 * @param tablesRead the Delta versions it read, by table (path below the lake root)
 */
record AsReported(String runId, YearMonth asOf, Map<String, Long> tablesRead) {
  static AsReported find(RunLog log, String stage, Optional<YearMonth> asOf, Optional<String> runId) {
    List<Row> runs = log.succeeded(stage);
    Row run;
    if (runId.isPresent()) {
      run = runs.stream().filter(r -> r.<String>getAs("run_id").equals(runId.get())).findFirst()
          .orElseThrow(() -> new StageArgumentException("--run " + runId.get() + ": the run log holds no successful "
              + stage + " run with this id"));
      String published = run.getAs("as_of_month");
      asOf.filter(month -> !month.toString().equals(published)).ifPresent(month -> {
        throw new StageArgumentException("--run " + runId.get() + " published " + published + ", not " + month);
      });
    } else {
      YearMonth month = asOf.orElseThrow(() -> new StageArgumentException(
          "--as-reported needs the month to reproduce: give --as-of YYYY-MM or --run RUN_ID"));
      run = runs.stream().filter(r -> month.toString().equals(r.getAs("as_of_month"))).findFirst()
          .orElseThrow(() -> new StageArgumentException("--as-reported: the run log holds no successful " + stage
              + " of " + month + ", so there is nothing to reproduce"));
    }
    return new AsReported(run.getAs("run_id"), YearMonth.parse(run.getAs("as_of_month")),
        run.getJavaMap(run.fieldIndex("tables_read")));
  }
}
