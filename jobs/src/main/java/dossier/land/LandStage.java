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
    return "land delivered files in the raw layer: one Delta table per dataset, quarantine, file manifest";
  }

  @Override
  public boolean takesAsOf() {
    return false;
  }

  @Override
  public StageResult run(JobContext context, Optional<YearMonth> asOf) {
    return new LandJob(context).run();
  }
}
