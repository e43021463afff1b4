package dossier.job;

/**
 * A hard data-quality expectation failed: the stage stopped before publishing anything new. The
 * message names each failed expectation with its figures; the CLI exits with code 4.
 */
public final class DataQualityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DataQualityException(String message) {
    super(message);
  }
}
