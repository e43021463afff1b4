package dossier.sample;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DatasetContract;
import dossier.contract.RowCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Invalid copies of rows: one defect each, in a required column that no cross-column check
 * reads, so the row fails validation for exactly that reason. The original row stays in the
 * file, so no true matter is lost with the copy.
 */
final class Defects {
  private final List<String> unparseableDates;
  private final String unknownCode;

  /** Why a row is invalid; the ground truth's reason codes. */
  enum Reason {
    ID_CHECK_DIGIT, ID_LENGTH, ID_BIRTH_DATE, REQUIRED_MISSING, UNKNOWN_CODE, UNPARSEABLE_DATE, OUT_OF_RANGE,
    /** A file that lacks a required column: the reason of a rejected file, not of its rows. */
    MISSING_REQUIRED_COLUMN;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A defective copy: its values, the reason, and the column at fault. */
  record Defect(String[] values, Reason reason, String column) {}

  Defects(List<String> unparseableDates, String unknownCode) {
    this.unparseableDates = unparseableDates;
    this.unknownCode = unknownCode;
  }

  /** A copy of {@code values} with one defect, or null when the dataset offers no target. */
  Defect apply(DatasetContract contract, String[] values, Rng rng) {
    List<Defect> candidates = new ArrayList<>();
    List<ColumnSpec> columns = contract.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec column = columns.get(i);
      if (!column.required() || values[i] == null || readByCheck(contract, column)) {
        continue;
      }
      String value = values[i];
      candidates.add(copy(values, i, null, Reason.REQUIRED_MISSING, column));
      if (column.type() == ColumnType.ID && !column.setAsideInvalid() && IdNumbers.hasValidCheck(value)) {
        candidates.add(copy(values, i, IdNumbers.withWrongCheck(value), Reason.ID_CHECK_DIGIT, column));
        candidates.add(copy(values, i, IdNumbers.withWrongLength(value, rng.chance(0.5)), Reason.ID_LENGTH, column));
        candidates.add(copy(values, i, IdNumbers.withImpossibleBirth(value), Reason.ID_BIRTH_DATE, column));
      }
      if (column.type() == ColumnType.CODE) {
        candidates.add(copy(values, i, unknownCode, Reason.UNKNOWN_CODE, column));
      }
      if (CellRenderer.isDateType(column.type())) {
        candidates.add(copy(values, i, rng.pick(unparseableDates), Reason.UNPARSEABLE_DATE, column));
      }
      if (column.max().isPresent()) {
        candidates.add(copy(values, i, number(column.max().get() + 5), Reason.OUT_OF_RANGE, column));
      } else if (column.min().isPresent()) {
        candidates.add(copy(values, i, number(column.min().get() - 5), Reason.OUT_OF_RANGE, column));
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    // Every applicable reason equally often, whatever the number of columns it could hit.
    List<Reason> reasons = candidates.stream().map(Defect::reason).distinct().toList();
    Reason reason = rng.pick(reasons);
    return rng.pick(candidates.stream().filter(d -> d.reason() == reason).toList());
  }

  private static boolean readByCheck(DatasetContract contract, ColumnSpec column) {
    for (RowCheck check : contract.checks()) {
      if (check.sql().matches("(?s).*\\b" + column.name() + "\\b.*")) {
        return true;
      }
    }
    return false;
  }

  private static Defect copy(String[] values, int index, String value, Reason reason, ColumnSpec column) {
    String[] copy = values.clone();
    copy[index] = value;
    return new Defect(copy, reason, column.name());
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
