package dossier.sql;

/**
 * A mistake in what a person asked (a table that does not exist, a syntax error, a lake without
 * curated tables): the message is one line that says what to do, shown without a stack trace.
 */
public final class QueryError extends Exception {
  private static final long serialVersionUID = 1L;

  public QueryError(String message) {
    super(message);
  }
}
