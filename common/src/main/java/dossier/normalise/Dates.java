package dossier.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and year-months in the spellings agencies use. Dates: {@code 2024-06-03},
 * {@code 2024/6/3}, {@code 2024.6.3} (optionally followed by a time, which is dropped),
 * {@code 2024年6月3日}, {@code 20240603}, and Excel serial numbers of five digits (1927 to 2173,
 * the only range where a serial cannot be mistaken for a year or a yyyyMM). Year-months:
 * {@code 2024-06}, {@code 2024.06}, {@code 2024/06}, {@code 2024年6月}, {@code 202406}. Spaces
 * anywhere and full-width characters are tolerated.
 */
public final class Dates {
  private static final Pattern SEPARATED = Pattern.compile(
      "(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[T ]?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
  private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]?");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern EXCEL_SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");
  private static final Pattern MONTH_SEPARATED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})");
  private static final Pattern MONTH_CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月?");
  private static final Pattern MONTH_COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
  /** Excel's day 0 for the 1900 date system (serial 60, the fictitious 1900-02-29, lies below our range). */
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private Dates() {}

  /** A calendar date, or empty when the text is no date in an accepted spelling. */
  public static Optional<LocalDate> parseDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Values.removeSpaces(Values.fold(text));
    Matcher m;
    if ((m = SEPARATED.matcher(s)).matches()) {
      return date(m.group(1), m.group(3), m.group(4));
    }
    if ((m = CHINESE.matcher(s)).matches() || (m = COMPACT.matcher(s)).matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    if (EXCEL_SERIAL.matcher(s).matches()) {
      return Optional.of(fromExcelSerial(Double.parseDouble(s)));
    }
    return Optional.empty();
  }

  /** A year-month, or empty when the text is no year-month in an accepted spelling. */
  public static Optional<YearMonth> parseYearMonth(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = Values.removeSpaces(Values.fold(text));
    Matcher m;
    if ((m = MONTH_SEPARATED.matcher(s)).matches() || (m = MONTH_CHINESE.matcher(s)).matches()
        || (m = MONTH_COMPACT.matcher(s)).matches()) {
      try {
        return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** A year-month, also from a full date (a real date cell in a month column). */
  public static Optional<YearMonth> parseMonthOrDate(String text) {
    return parseYearMonth(text).or(() -> parseDate(text).map(YearMonth::from));
  }

  /** A date, or the first day of a year-month (e.g. a birth given as 1975-03). */
  public static Optional<LocalDate> parseDateOrMonth(String text) {
    return parseDate(text).or(() -> parseYearMonth(text).map(m -> m.atDay(1)));
  }

  /**
   * Whether the text is a year-month without a day (e.g. {@code 2019.05}), which
   * {@link #parseDateOrMonth} reads as the month's first day: a value coarser than that date.
   */
  public static boolean isYearMonthOnly(String text) {
    return parseDate(text).isEmpty() && parseYearMonth(text).isPresent();
  }

  /** The day of an Excel serial number (1900 date system); a time fraction is dropped. */
  public static LocalDate fromExcelSerial(double serial) {
    return EXCEL_EPOCH.plusDays((long) Math.floor(serial));
  }

  private static Optional<LocalDate> date(String year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
