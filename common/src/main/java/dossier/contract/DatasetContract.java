package dossier.contract;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What one agency dataset looks like and how it is keyed: the contract the landing job applies.
 * Built from {@code dossier.datasets.<name>} in configuration by {@link DatasetContracts}.
 *
 * @param name dataset name, the file-name prefix (e.g. {@code jw_cf})
 * @param label Chinese label
 * @param source delivering agency code, the delivery sub-folder (e.g. {@code jw})
 * @param kind snapshot (each file is the whole state at its month) or incremental (each row a
 *     matter, later deliveries of the same key supersede earlier ones)
 * @param key business key columns within the dataset
 * @param columns declared columns, in order
 * @param checks cross-column rules every valid row satisfies
 */
public record DatasetContract(
    String name,
    String label,
    String source,
    Kind kind,
    List<String> key,
    List<ColumnSpec> columns,
    List<RowCheck> checks)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How deliveries of a dataset relate to each other. */
  public enum Kind {
    SNAPSHOT,
    INCREMENTAL
  }

  public DatasetContract {
    key = List.copyOf(key);
    columns = List.copyOf(columns);
    checks = List.copyOf(checks);
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
