package dossier.conform.settings;

import java.io.Serializable;
import java.util.Optional;

/**
 * How a record finds its person ({@code record.identify} of a dataset contract).
 *
 * @param id column holding the normalised 18-character ID number (null when none or invalid)
 * @param name column holding the person's name as delivered, if any
 * @param unitName column naming the person's unit; with {@code name}, a row without an ID is
 *     matched by name + unit on its event date
 * @param post column holding the person's post, the tie-breaker between namesakes in one unit
 */
public record Identify(String id, Optional<String> name, Optional<String> unitName, Optional<String> post)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rows without an ID are matched by name + unit. */
  public boolean byNameAndUnit() {
    return unitName.isPresent();
  }
}
