package dossier.conform.settings;

import dossier.contract.DatasetContract;
import java.io.Serializable;
import java.util.Optional;

/**
 * How the rows of one person-level dataset become supervision records: the {@code record} block of
 * its contract (documented in config/datasets/jw_cf.conf).
 *
 * @param contract the dataset's contract (columns, business key)
 * @param category record category code (a key of {@code dossier.rules.categories})
 * @param subCategory Spark SQL expression (often just a column) giving the sub-category
 * @param eventDate Spark SQL expression giving the date of the matter
 * @param where Spark SQL condition selecting the rows that are person records, if not all
 * @param identify how the person is found
 * @param duplicateOf the other dataset delivering the same matters, if any
 */
public record RecordMapping(
    DatasetContract contract,
    String category,
    String subCategory,
    String eventDate,
    Optional<String> where,
    Identify identify,
    Optional<DuplicateOf> duplicateOf) implements Serializable {
  private static final long serialVersionUID = 1L;

  public String dataset() {
    return contract.name();
  }
}
