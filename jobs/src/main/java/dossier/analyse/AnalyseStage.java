package dossier.analyse;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;
import dossier.settings.DossierSettings;

/** {@code bin/dossier analyse}: the analysed layer for an as-of month (default: the latest delivered). */
public final class AnalyseStage implements Stage {
  @Override
  public String name() {
    return "analyse";
  }

  @Override
  public String summary() {
    return "period statistics, unit warnings, threshold triggers, grades, lists and awards for an as-of month";
  }

  @Override
  public boolean takesAsOf() {
    return true;
  }

  @Override
  public void checkSettings(DossierSettings settings) {
    AnalyseSettings.from(settings.config());
  }

  @Override
  public StageResult run(JobContext context, StageArguments arguments) {
    AnalyseSettings rules = AnalyseSettings.from(context.settings().config());
    return new AnalyseJob(context, rules, AnalyseJob.asOf(context, arguments.asOf())).run();
  }
}
