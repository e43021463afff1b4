package dossier.analyse.time;

import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Months as whole numbers, {@code year × 12 + month − 1}, so that a 12-month window, "the month
 * before" and "known from delivery month A until B" are plain integer ranges. Month-ends are the
 * dates the rules speak of ("the first month-end M at which ...").
 */
public final class Months {
  private Months() {}

  public static int index(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  public static YearMonth month(int index) {
    return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
  }

  public static LocalDate lastDay(YearMonth month) {
    return month.atEndOfMonth();
  }

  /** The index of a {@code yyyy-MM} text column. */
  public static Column ofText(Column yearMonth) {
    return yearMonth.substr(1, 4).cast("int").multiply(12).plus(yearMonth.substr(6, 2).cast("int")).minus(1);
  }

  /** The index of the month a date falls in. */
  public static Column ofDate(Column date) {
    return year(date).multiply(12).plus(functions.month(date)).minus(1);
  }

  public static Column firstDay(Column index) {
    return make_date(floor(index.divide(12)).cast("int"), pmod(index, lit(12)).plus(1).cast("int"), lit(1));
  }

  public static Column lastDay(Column index) {
    return last_day(firstDay(index));
  }

  /** {@code yyyy-MM}. */
  public static Column text(Column index) {
    return date_format(firstDay(index), "yyyy-MM");
  }

  /** {@code yyyy-MM} of a literal month. */
  public static Column text(YearMonth month) {
    return lit(month.toString());
  }

  /** One row per month from {@code from} to {@code to} (both included); none when from &gt; to. */
  public static Column each(Column from, Column to) {
    // sequence(5, 3) would count down: an empty range must stay empty.
    return explode(when(from.leq(to), sequence(from, to)).otherwise(functions.array().cast("array<int>")));
  }
}
