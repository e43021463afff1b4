package dossier.contract;

import java.io.Serializable;

/**
 * A cross-column rule a valid row must satisfy, as a Spark SQL boolean expression over the
 * canonical columns (e.g. a person warning needs an ID). A row where it is false or null is
 * quarantined with the check's name as its reason.
 *
 * @param name what the check asserts, in words; it becomes the quarantine reason
 * @param sql Spark SQL boolean expression
 */
public record RowCheck(String name, String sql) implements Serializable {
  private static final long serialVersionUID = 1L;
}
