package dossier.cli;

/** A wrong command line; Main prints the message and the command's usage, exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
