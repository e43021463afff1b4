package dossier.publish;

import dossier.schema.ColumnDoc;
import dossier.schema.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A curated table's spec made from the internal table it publishes: the same columns with the
 * same documentation, less what the zone must not show, plus what it adds. Each column is
 * documented once, where the internal table defines it.
 */
final class DerivedSpec {
  private final String name;
  private final String label;
  private final String grain;
  private final List<String> key;
  private final List<ColumnDoc> columns;

  private DerivedSpec(TableSpec source) {
    this.name = source.name();
    this.label = source.label();
    this.grain = source.grain();
    this.key = source.key();
    this.columns = new ArrayList<>(source.columns());
  }

  static DerivedSpec of(TableSpec source) {
    return new DerivedSpec(source);
  }

  DerivedSpec without(String... names) {
    List<String> dropped = List.of(names);
    dropped.forEach(this::indexOf);
    columns.removeIf(c -> dropped.contains(c.name()));
    return this;
  }

  DerivedSpec replace(String column, UnaryOperator<ColumnDoc> edit) {
    int i = indexOf(column);
    columns.set(i, edit.apply(columns.get(i)));
    return this;
  }

  /** Inserts columns right after {@code column}. */
  DerivedSpec after(String column, ColumnDoc... added) {
    columns.addAll(indexOf(column) + 1, List.of(added));
    return this;
  }

  DerivedSpec append(ColumnDoc... added) {
    columns.addAll(List.of(added));
    return this;
  }

  TableSpec build() {
    return new TableSpec(name, label, grain, key, columns);
  }

  TableSpec build(String newName, String newLabel) {
    return new TableSpec(newName, newLabel, grain, key, columns);
  }

  private int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("table " + name + " has no column " + column);
  }
}
