package dossier.sample;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical rows in the column order of each dataset contract. The generator sets columns by
 * canonical name; a name the contract lacks fails at once (the contract and the simulation
 * disagree), and columns it does not know stay null.
 */
final class Tables {
  private final Map<String, DatasetContract> contracts;
  private final Map<String, Map<String, Integer>> positions = new HashMap<>();

  Tables(Map<String, DatasetContract> contracts) {
    this.contracts = contracts;
    contracts.forEach((name, contract) -> {
      Map<String, Integer> index = new HashMap<>();
      List<ColumnSpec> columns = contract.columns();
      for (int i = 0; i < columns.size(); i++) {
        index.put(columns.get(i).name(), i);
      }
      positions.put(name, index);
    });
  }

  DatasetContract contract(String dataset) {
    DatasetContract contract = contracts.get(dataset);
    if (contract == null) {
      throw new IllegalStateException("the sample generator needs dataset contract " + dataset);
    }
    return contract;
  }

  Row row(String dataset) {
    return new Row(dataset, new String[contract(dataset).columns().size()], positions.get(dataset));
  }

  /** A row being built: canonical text per column, null for none. */
  final class Row {
    final String dataset;
    final String[] values;
    private final Map<String, Integer> index;

    private Row(String dataset, String[] values, Map<String, Integer> index) {
      this.dataset = dataset;
      this.values = values;
      this.index = index;
    }

    Row set(String column, Object value) {
      values[position(column)] = value == null ? null : value.toString();
      return this;
    }

    String get(String column) {
      return values[position(column)];
    }

    /** A copy with one column changed. */
    Row with(String column, Object value) {
      return new Row(dataset, values.clone(), index).set(column, value);
    }

    boolean has(String column) {
      return index.containsKey(column);
    }

    private int position(String column) {
      Integer position = index.get(column);
      if (position == null) {
        throw new IllegalStateException("dataset contract " + dataset + " has no column " + column);
      }
      return position;
    }
  }
}
