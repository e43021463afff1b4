package dossier.land;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DateRange;
import dossier.normalise.Dates;
import dossier.normalise.NationalIds;
import dossier.normalise.Names;
import dossier.normalise.Numbers;
import dossier.normalise.Values;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How one contract column turns a cleaned cell into its canonical text, or says why it cannot.
 * Built from a {@link ColumnSpec} (whose optionals are not serializable) for use on executors.
 * Reasons read {@code <column>: <problem>} and never repeat the value (it is in raw_values). A
 * date outside the column's plausible range ({@link DateRange}, judged against the delivery month
 * of the file) is invalid like one that does not parse.
 */
final class CellRule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final ColumnType type;
  private final boolean required;
  private final boolean hasDefault;
  private final List<String> codes;
  private final BigDecimal min;
  private final BigDecimal max;
  private final String pattern;
  private final boolean setAsideInvalid;
  private final DateRange dates;
  private transient Pattern compiled;

  CellRule(ColumnSpec spec) {
    this.column = spec.name();
    this.type = spec.type();
    this.required = spec.required();
    this.hasDefault = spec.defaultValue().isPresent();
    this.codes = List.copyOf(spec.codes());
    this.min = spec.min().map(BigDecimal::valueOf).orElse(null);
    this.max = spec.max().map(BigDecimal::valueOf).orElse(null);
    this.pattern = spec.pattern().orElse(null);
    this.setAsideInvalid = spec.setAsideInvalid() && !spec.required();
    this.dates = spec.dates().orElse(null);
  }

  /**
   * The outcome for one cell: the canonical value (null when empty or invalid), and at most one
   * of a reason (the row is quarantined) or a flag (the invalid value was set aside).
   */
  record Outcome(String value, String reason, String flag) {
    static final Outcome EMPTY = new Outcome(null, null, null);
  }

  String column() {
    return column;
  }

  /** Whether a file without this column cannot be landed. */
  boolean requiresHeader() {
    return required && !hasDefault;
  }

  /** Judges a cell already cleaned by {@link Values#clean}, of a file delivered in that month. */
  Outcome apply(String cleaned, YearMonth delivered) {
    if (cleaned == null) {
      return requiresHeader() ? invalid("required value missing") : Outcome.EMPTY;
    }
    String value;
    String problem;
    switch (type) {
      case NAME -> {
        value = Names.normalise(cleaned);
        problem = null;
      }
      case ID -> {
        NationalIds.Result id = NationalIds.normalise(cleaned);
        value = id.id();
        problem = id.problem();
      }
      case DATE -> {
        Optional<LocalDate> date = Dates.parseDate(cleaned);
        value = date.map(Object::toString).orElse(null);
        problem = date.isEmpty() ? "not a date" : dates.problem(date.get(), delivered);
      }
      case MONTH -> {
        Optional<YearMonth> month = Dates.parseMonthOrDate(cleaned);
        value = month.map(Object::toString).orElse(null);
        problem = month.isEmpty() ? "not a year-month" : dates.problem(month.get().atDay(1), delivered);
      }
      case DATE_OR_MONTH -> {
        Optional<LocalDate> date = Dates.parseDateOrMonth(cleaned);
        value = date.map(Object::toString).orElse(null);
        problem = date.isEmpty() ? "not a date or year-month" : dates.problem(date.get(), delivered);
      }
      case INT -> {
        value = Numbers.parseWhole(cleaned).map(Object::toString).orElse(null);
        problem = value == null ? "not a whole number" : outOfRange(new BigDecimal(value));
      }
      case DECIMAL -> {
        Optional<BigDecimal> number = Numbers.parseDecimal(cleaned);
        value = number.map(Numbers::canonical).orElse(null);
        problem = number.isEmpty() ? "not a number" : outOfRange(number.get());
      }
      case CODE -> {
        value = Values.removeSpaces(cleaned);
        problem = codes.contains(value) ? null : "not in the code list " + codes;
      }
      default -> {
        value = cleaned;
        problem = null;
      }
    }
    if (problem == null && pattern != null && !pattern().matcher(value).matches()) {
      problem = "does not match the pattern " + pattern;
    }
    if (problem == null) {
      return new Outcome(value, null, null);
    }
    return setAsideInvalid ? new Outcome(null, null, column + " set aside: " + problem) : invalid(problem);
  }

  private Outcome invalid(String problem) {
    return new Outcome(null, column + ": " + problem, null);
  }

  private String outOfRange(BigDecimal number) {
    if (min != null && number.compareTo(min) < 0) {
      return "below the minimum " + Numbers.canonical(min);
    }
    if (max != null && number.compareTo(max) > 0) {
      return "above the maximum " + Numbers.canonical(max);
    }
    return null;
  }

  private Pattern pattern() {
    if (compiled == null) {
      compiled = Pattern.compile(pattern);
    }
    return compiled;
  }
}
