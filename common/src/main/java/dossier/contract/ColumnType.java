package dossier.contract;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The value types a dataset contract can declare. Each normalises a raw cell to a canonical
 * string, which the landing job then casts to {@link #sparkType()} with a built-in cast.
 */
public enum ColumnType {
  /** Free text, trimmed and folded to half-width. */
  STRING("string", "string"),
  /** A person's name: inner spaces removed, middle dots unified to U+00B7. */
  NAME("name", "string"),
  /** National ID number: 18 characters after 15-to-18 conversion, check digit verified. */
  ID("id", "string"),
  /** A calendar date in any accepted format; canonical yyyy-MM-dd. */
  DATE("date", "date"),
  /** A year-month in any accepted format; canonical yyyy-MM. */
  MONTH("month", "string"),
  /** A date, or a year-month meaning its first day (e.g. birth). */
  DATE_OR_MONTH("date-or-month", "date"),
  /** A whole number. */
  INT("int", "int"),
  /** A decimal number (amounts, scores, points). */
  DECIMAL("decimal", "decimal(18,4)"),
  /** One of the contract's code list. */
  CODE("code", "string");

  private final String configName;
  private final String sparkType;

  ColumnType(String configName, String sparkType) {
    this.configName = configName;
    this.sparkType = sparkType;
  }

  public String configName() {
    return configName;
  }

  /** Whether the column holds dates (or year-months): it has a plausible range ({@link DateRange}). */
  public boolean isDate() {
    return this == DATE || this == MONTH || this == DATE_OR_MONTH;
  }

  /** The Spark SQL type of the column in the raw table. */
  public String sparkType() {
    return sparkType;
  }

  public static ColumnType fromConfig(String name) {
    return Arrays.stream(values())
        .filter(t -> t.configName.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown type '" + name + "', expected one of "
            + Arrays.stream(values()).map(ColumnType::configName).collect(Collectors.joining(", "))));
  }
}
