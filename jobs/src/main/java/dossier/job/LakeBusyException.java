package dossier.job;

/**
 * Another run holds the lake's lease ({@link LakeLease}): this run was refused before it wrote
 * anything. The command exits with its own code so a scheduler can retry later.
 */
public final class LakeBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LakeBusyException(String lake, String holder) {
    super("the lake " + lake + " is in use by " + holder + "; nothing was written. Wait for that run to end; if it"
        + " is dead, a re-run takes the lake over once the lease shows no sign of life for dossier.runs.interrupted-after,"
        + " or at once with --break-lease");
  }
}
