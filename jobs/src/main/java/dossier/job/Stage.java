package dossier.job;

import dossier.settings.DossierSettings;
import java.util.List;

/**
 * One step of the pipeline (land, conform, analyse, publish, report). Stages run in the order of
 * {@link Stages#ordered()}; each is idempotent for the same input, so a scheduler may re-run it.
 */
public interface Stage {
  /** Subcommand and task name, e.g. {@code land}. */
  String name();

  /** One line for --help. */
  String summary();

  /** Whether the stage works for an as-of month ({@code --as-of YYYY-MM}). */
  boolean takesAsOf();

  /**
   * Whether everything the stage reads is a Delta table of the lake (so the run log's versions
   * say whether its input changed); landing reads the delivery folder.
   */
  default boolean inputsInLake() {
    return true;
  }

  /** The stage's own options, besides --landing, --lake, --conf and --as-of. */
  default List<StageOption> options() {
    return List.of();
  }

  /**
   * Parses and validates every setting the stage reads beyond {@link DossierSettings}, failing
   * with a {@link dossier.settings.SettingsException} that names the key and the bad value. A run
   * calls this for each of its stages before the first one starts, so a bad setting of a later
   * stage stops the run before anything is written.
   */
  default void checkSettings(DossierSettings settings) {}

  /**
   * Runs the stage. Without an as-of month, a stage that takes one uses the latest month the
   * data holds. Delta tables are read and written through {@link JobContext#tables()}, so that
   * the run log records their versions.
   */
  StageResult run(JobContext context, StageArguments arguments);
}
