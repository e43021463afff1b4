package dossier.land;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageResult;

/** The first stage: delivered files into the raw layer ({@link LandJob}). */
public final class LandStage implements Stage {
  @Override
  public String name() {
    return "land";
  }

  @Override
  public String summary() {
    return "land delivered files (up to the as-of month) in the raw layer: tables per dataset, quarantine, manifest";
  }

  @Override
  public boolean takesAsOf() {
    return true;
  }

  /** The delivery folder is outside the lake: a resumed run always lands (nothing new costs no commit). */
  @Override
  public boolean inputsInLake() {
    return false;
  }

  @Override
  public StageResult run(JobContext context, StageArguments arguments) {
    return new LandJob(context, arguments.asOf()).run();
  }
}
