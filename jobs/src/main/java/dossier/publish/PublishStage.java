package dossier.publish;

import dossier.job.JobContext;
import dossier.job.RunLog;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageOption;
import dossier.job.StageResult;
import dossier.settings.DossierSettings;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/dossier publish}: the curated Parquet of an as-of month (default: the latest
 * analysed): the month's reported slices and the restated and current tables from the current
 * tables, or {@code --as-reported} the month's slices as an earlier publish run wrote them (see
 * {@link PublishJob}).
 */
public final class PublishStage implements Stage {
  static final StageOption AS_REPORTED = StageOption.flag("as-reported",
      "rewrite the --as-of month's reported slices exactly as its first publish wrote them, from the table "
          + "versions it read");
  static final StageOption RUN = StageOption.valued("run", "RUN_ID",
      "reproduce this publish run (implies --as-reported; default: the month's first)");

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public String summary() {
    return "curated Parquet for BI (open and restricted zones), data quality and the data dictionary";
  }

  @Override
  public boolean takesAsOf() {
    return true;
  }

  @Override
  public List<StageOption> options() {
    return List.of(AS_REPORTED, RUN);
  }

  @Override
  public void checkSettings(DossierSettings settings) {
    PublishSettings.from(settings);
  }

  @Override
  public StageResult run(JobContext context, StageArguments arguments) {
    PublishSettings settings = PublishSettings.from(context.settings());
    if (!arguments.flag(AS_REPORTED) && arguments.value(RUN).isEmpty()) {
      YearMonth asOf = arguments.asOf().orElseGet(() -> PublishInputs.latestAnalysed(context.tables()));
      return new PublishJob(context, settings, asOf, Optional.empty()).run();
    }
    AsReported original = AsReported.find(new RunLog(context.spark(), context.lake()), name(), arguments.asOf(),
        arguments.value(RUN));
    context.tables().replay(original.tablesRead());
    return new PublishJob(context, settings, original.asOf(), Optional.of(original.runId())).run();
  }
}
