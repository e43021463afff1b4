package dossier.conform.settings;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The same matter delivered by another dataset ({@code record.duplicate-of}): a matter of this
 * dataset is the other dataset's matter of the same person with the same {@code docNo} when both
 * carry one, else with equal {@code same} columns and event dates at most
 * {@code dossier.rules.dedup.sanction-decision-window-days} apart. The merged record takes the
 * other dataset's content and event date and lists both sources.
 *
 * @param dataset the other dataset, whose record wins
 * @param docNo the document-number column both datasets share, if any
 * @param same columns that must be equal when the document numbers cannot decide
 */
public record DuplicateOf(String dataset, Optional<String> docNo, List<String> same) implements Serializable {
  private static final long serialVersionUID = 1L;

  public DuplicateOf {
    same = List.copyOf(same);
  }
}
