package dossier.bench;

import java.util.List;

/**
 * What {@code bench --monthly} measured on one sample ({@link MonthlySeries}).
 *
 * @param cadres cadres on the roster
 * @param months monthly delivery folders of the sample
 * @param seed the sample's seed
 * @param measuredAt when the series started (UTC, ISO-8601)
 * @param runs one per delivery month, in order, each on the lake the earlier ones left
 * @param rebuild one run over every delivery on a new lake
 * @param rebuiltSize the rebuilt lake's size
 */
record SeriesResult(int cadres, int months, long seed, String measuredAt, List<MonthRun> runs, Measurement rebuild,
    LakeSize rebuiltSize) {
  SeriesResult {
    runs = List.copyOf(runs);
  }

  /**
   * One monthly run.
   *
   * @param month the delivery month added (the run's as-of month)
   * @param pipeline the whole pipeline's cost, stages summed
   * @param stages each stage's cost, in pipeline order
   * @param lakeAfter the lake's size after the run
   */
  record MonthRun(String month, Measurement pipeline, List<Measurement> stages, LakeSize lakeAfter) {
    MonthRun {
      stages = stages == null ? List.of() : List.copyOf(stages);
    }
  }
}
