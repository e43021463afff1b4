package dossier.land;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A dataset contract as the file reader needs it on executors: which header spellings name which
 * canonical column ({@link ColumnSpec#headerKey}), and each column's {@link CellRule}.
 */
final class DatasetLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String dataset;
  private final Map<String, String> columnByHeader = new LinkedHashMap<>();
  private final Map<String, List<String>> headersByColumn = new LinkedHashMap<>();
  private final List<CellRule> rules = new ArrayList<>();

  DatasetLayout(DatasetContract contract) {
    this.dataset = contract.name();
    for (ColumnSpec column : contract.columns()) {
      rules.add(new CellRule(column));
      headersByColumn.put(column.name(), column.headers());
      column.headers().forEach(h -> columnByHeader.put(ColumnSpec.headerKey(h), column.name()));
    }
  }

  String dataset() {
    return dataset;
  }

  /** The canonical column a header cell names, or null. */
  String columnOf(String headerCell) {
    return columnByHeader.get(ColumnSpec.headerKey(headerCell));
  }

  List<CellRule> rules() {
    return rules;
  }

  /** Canonical values by column name, as an array in the contract's column order (null where absent). */
  String[] inColumnOrder(Map<String, String> values) {
    return rules.stream().map(r -> values.get(r.column())).toArray(String[]::new);
  }

  /** Why a file whose header row names these columns cannot be landed, or null. */
  String missingRequired(java.util.Collection<String> presentColumns) {
    List<String> missing = rules.stream()
        .filter(r -> r.requiresHeader() && !presentColumns.contains(r.column()))
        .map(r -> "'" + r.column() + "' (" + String.join(" or ", headersByColumn.get(r.column())) + ")")
        .collect(Collectors.toList());
    if (missing.isEmpty()) {
      return null;
    }
    return (missing.size() == 1 ? "missing required column " : "missing required columns ") + String.join(", ", missing);
  }

  /** A few expected header spellings, for the message when no header row is found. */
  String someHeaders() {
    return headersByColumn.values().stream().limit(4).map(h -> h.get(0)).collect(Collectors.joining(", "));
  }
}
