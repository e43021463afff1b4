package dossier.contract;

import dossier.normalise.Values;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * One column of a dataset contract.
 *
 * @param name canonical snake_case name used everywhere after landing
 * @param label Chinese label for the data dictionary and reports
 * @param headers accepted header spellings, as agencies write them
 * @param type value type
 * @param required the header must be present (else the file is rejected) and every value non-null
 *     (else the row is quarantined)
 * @param codes allowed values of a {@link ColumnType#CODE} column
 * @param defaultValue value used when the column is absent or the cell is null
 * @param min smallest allowed number, for numeric types
 * @param max largest allowed number, for numeric types
 * @param pattern regular expression a {@link ColumnType#STRING} value must match
 * @param setAsideInvalid an invalid value does not quarantine the row: the value is set to null,
 *     kept raw, and the row is flagged (optional IDs of petitions)
 * @param dates the plausible dates of a date column (present exactly for {@link ColumnType#isDate()} types)
 */
public record ColumnSpec(
    String name,
    String label,
    List<String> headers,
    ColumnType type,
    boolean required,
    List<String> codes,
    Optional<String> defaultValue,
    Optional<Double> min,
    Optional<Double> max,
    Optional<String> pattern,
    boolean setAsideInvalid,
    Optional<DateRange> dates)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ColumnSpec {
    headers = List.copyOf(headers);
    codes = List.copyOf(codes);
  }

  /**
   * A header cell or spelling in the form headers are matched in: folded to half-width, without any
   * white space, so {@code 问题金额（万元）} matches {@code 问题金额(万元)}.
   */
  public static String headerKey(String text) {
    return text == null ? "" : Values.removeSpaces(Values.fold(text));
  }
}
