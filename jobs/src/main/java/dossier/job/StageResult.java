package dossier.job;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** What a stage did, for people: the CLI prints these lines (counts, elapsed time, tables). */
public interface StageResult {
  List<String> lines();

  /** The as-of month the stage worked for (the run log records it); empty for a stage without one. */
  default Optional<YearMonth> asOfMonth() {
    return Optional.empty();
  }
}
