package dossier.contract;

import dossier.settings.ConfigReader;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The plausible values of a date column (types date, month and date-or-month): not before
 * 1 January of {@code earliestYear}, not after the last day of the file's delivery month plus
 * {@code latestAfterDeliveryDays}. The defaults are {@code dossier.landing.dates}; a contract
 * column may set either key itself. A value outside the range quarantines its row.
 *
 * @param earliestYear no date before 1 January of this year
 * @param latestAfterDeliveryDays no date after the delivery month's last day plus this many days
 */
public record DateRange(int earliestYear, int latestAfterDeliveryDays) implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String EARLIEST_YEAR = "earliest-year";
  static final String LATEST_AFTER_DELIVERY_DAYS = "latest-after-delivery-days";
  /** The years a calendar date can have here. */
  private static final int FIRST_YEAR = 1000;
  private static final int LAST_YEAR = 9999;

  /** The defaults, {@code dossier.landing.dates}. */
  static DateRange defaults(ConfigReader dates) {
    return new DateRange(year(dates), dates.nonNegativeInt(LATEST_AFTER_DELIVERY_DAYS));
  }

  /** The range of a column: the keys it sets, else the defaults. */
  static DateRange of(ConfigReader column, DateRange defaults) {
    return new DateRange(column.has(EARLIEST_YEAR) ? year(column) : defaults.earliestYear(),
        column.has(LATEST_AFTER_DELIVERY_DAYS) ? column.nonNegativeInt(LATEST_AFTER_DELIVERY_DAYS)
            : defaults.latestAfterDeliveryDays());
  }

  private static int year(ConfigReader c) {
    int year = c.positiveInt(EARLIEST_YEAR);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw dossier.settings.SettingsException.badValue(c.key(EARLIEST_YEAR), year, "must be a year (four digits)");
    }
    return year;
  }

  public LocalDate earliest() {
    return LocalDate.of(earliestYear, 1, 1);
  }

  /** The latest plausible date of a file delivered in that month. */
  public LocalDate latest(YearMonth delivered) {
    return delivered.atEndOfMonth().plusDays(latestAfterDeliveryDays);
  }

  /**
   * Why a date of a file delivered in that month is implausible, or null when it is plausible.
   * The words are a quarantine reason: they name the bound, never the value.
   */
  public String problem(LocalDate date, YearMonth delivered) {
    if (date.isBefore(earliest())) {
      return "implausible date, before " + earliest() + " (the earliest year " + earliestYear + ")";
    }
    LocalDate latest = latest(delivered);
    if (date.isAfter(latest)) {
      return "implausible date, after " + latest + " (the delivery month's end + " + latestAfterDeliveryDays + " days)";
    }
    return null;
  }
}
