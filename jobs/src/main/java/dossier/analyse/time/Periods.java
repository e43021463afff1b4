package dossier.analyse.time;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;

/**
 * The reporting periods of rules.md §7: month ({@code 2024-03}), quarter ({@code 2024-Q1}) and
 * year ({@code 2024}), each a struct of period_type, period, period_start, period_end.
 */
public final class Periods {
  public static final String MONTH = "month";
  public static final String QUARTER = "quarter";
  public static final String YEAR = "year";

  private Periods() {}

  /** The month, quarter and year a date falls in. */
  public static Column allOf(Column date) {
    return array(monthOf(date), quarterOf(date), yearOf(date));
  }

  public static Column monthOf(Column date) {
    return period(MONTH, date_format(date, "yyyy-MM"), trunc(date, "month"), last_day(date));
  }

  public static Column quarterOf(Column date) {
    Column start = trunc(date, "quarter");
    return period(QUARTER, concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string")), start,
        last_day(add_months(start, 2)));
  }

  public static Column yearOf(Column date) {
    Column start = trunc(date, "year");
    return period(YEAR, year(date).cast("string"), start, last_day(add_months(start, 11)));
  }

  private static Column period(String type, Column period, Column start, Column end) {
    return struct(lit(type).as("period_type"), period.as("period"), start.as("period_start"), end.as("period_end"));
  }
}
