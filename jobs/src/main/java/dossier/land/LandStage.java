package dossier.land;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageResult;
import java.time.YearMonth;
import java.util.Optional;

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

  @Override
  public StageResult run(JobContext context, Optional<YearMonth> asOf) {
    return new LandJob(context, asOf).run();
  }
}
