package dossier.cli;

/** Process exit codes: what a scheduler (Airflow) or a shell script can act on. */
public enum ExitCode {
  /** Done. */
  OK(0),
  /** A stage failed; the message says which and the log file has the details. Safe to re-run. */
  FAILED(1),
  /** Wrong command line: unknown command or option, bad value. Usage is printed. */
  USAGE(2),
  /** Bad configuration, found before any work started: the message names the key and value. */
  CONFIGURATION(3),
  /** A hard data-quality expectation failed: nothing new was published. */
  DATA_QUALITY(4),
  /** Another run holds the lake's lease: nothing was written; the message names the holder. Retry later. */
  LAKE_BUSY(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
