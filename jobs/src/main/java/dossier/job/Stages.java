package dossier.job;

import dossier.analyse.AnalyseStage;
import dossier.conform.ConformStage;
import dossier.land.LandStage;
import dossier.publish.PublishStage;
import dossier.report.ReportStage;
import java.util.List;

/** The pipeline's stages in the order they run; the CLI, `run` and the Airflow DAGs read this. */
public final class Stages {
  private Stages() {}

  public static List<Stage> ordered() {
    return List.of(new LandStage(), new ConformStage(), new AnalyseStage(), new PublishStage(), new ReportStage());
  }
}
