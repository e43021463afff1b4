package dossier.job;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * One stage run as the run log records it.
 *
 * @param runId the run (one per command; {@code run} shares it among its stages)
 * @param stage the stage's name
 * @param asOf the as-of month the stage worked for, if it takes one
 * @param options the stage options given (name to value, {@code ""} for a flag)
 * @param startedAt when the stage started
 * @param finishedAt when it ended
 * @param failure empty when the stage succeeded, else what went wrong
 * @param tablesRead table (path below the lake root) to the Delta version read
 * @param tablesWritten table to the Delta version written
 * @param settingsFingerprint the settings the stage ran with ({@link SettingsFingerprint})
 */
public record StageRun(String runId, String stage, Optional<YearMonth> asOf, Map<String, String> options,
    Instant startedAt, Instant finishedAt, Optional<String> failure, Map<String, Long> tablesRead,
    Map<String, Long> tablesWritten, String settingsFingerprint) {
  public StageRun {
    options = Map.copyOf(options);
    tablesRead = Map.copyOf(tablesRead);
    tablesWritten = Map.copyOf(tablesWritten);
  }
}
