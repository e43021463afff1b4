package dossier.conform;

import dossier.conform.settings.ConformSettings;
import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;
import dossier.settings.DossierSettings;

/** {@code bin/dossier conform}: the raw layer to the conformed layer (see {@link ConformJob}). */
public final class ConformStage implements Stage {
  @Override
  public String name() {
    return "conform";
  }

  @Override
  public String summary() {
    return "conformed layer: histories, identities, deduplicated records, derived records, dossiers";
  }

  @Override
  public boolean takesAsOf() {
    return false;
  }

  @Override
  public void checkSettings(DossierSettings settings) {
    ConformSettings.from(settings);
  }

  @Override
  public StageResult run(JobContext context, StageArguments arguments) {
    return new ConformJob(context).run();
  }
}
