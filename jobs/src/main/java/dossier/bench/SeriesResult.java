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
 * @param restated the restated tables of the last monthly lake compared with the rebuilt lake's
 *     (null in a series stored before they were compared)
 */
record SeriesResult(int cadres, int months, long seed, String measuredAt, List<MonthRun> runs, Measurement rebuild,
    LakeSize rebuiltSize, Restated restated) {
  SeriesResult {
    runs = List.copyOf(runs);
  }

  /**
   * Month by month against the rebuild, table by table.
   *
   * @param compared restated tables compared (every layer; reported slices left out: a rebuild reports one month)
   * @param differing the tables that differ, with what differs
   */
  record Restated(int compared, List<String> differing) {
    Restated {
      differing = List.copyOf(differing);
    }
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
