package dossier.job;

/**
 * A stage's arguments do not make sense for the data (e.g. a run to reproduce that the run log
 * does not hold): the CLI reports it as a usage error (exit code 2), before any work is done.
 */
public final class StageArgumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StageArgumentException(String message) {
    super(message);
  }
}
