package dossier.analyse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import dossier.analyse.trigger.CadreTriggerTable;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which rows of an analysed table the run of as-of month M reports: the rule, in one place, that
 * cuts a run's slice ({@code analysed/<table>_reported}, and the curated slices made from it) out of
 * the table's figures as of M. Every other period stays in the restated table only, so no slice
 * repeats history. Each rule is a filter on the table's own columns; {@link #rows()} says it in
 * words for the data dictionary.
 */
public enum ReportedPeriods {
  /** period_stat, cadre_list: the periods that end with M (its month, and its quarter and year when it closes them). */
  ENDING_IN_M("the periods that end with it: the month, its quarter when it ends one, its year in December") {
    @Override
    Column reported(YearMonth m) {
      return col("period_end").equalTo(lit(m.atEndOfMonth()));
    }
  },
  /** unit_warning, cadre_score: the month M. */
  MONTH_M("the month itself (month = as_of_month)") {
    @Override
    Column reported(YearMonth m) {
      return col("month").equalTo(m.toString());
    }
  },
  /** cadre_trigger: the triggers whose status the run reported. */
  TRIGGER_STATUS("the triggers raised in it, open or overdue at its end, or closed or withdrawn in it") {
    @Override
    Column reported(YearMonth m) {
      return col("raised_month").equalTo(m.toString())
          .or(col("status").isin(CadreTriggerTable.OPEN, CadreTriggerTable.OVERDUE))
          .or(col("status").isin(CadreTriggerTable.CLOSED, CadreTriggerTable.WITHDRAWN)
              .and(date_format(col("status_on"), "yyyy-MM").equalTo(m.toString())));
    }
  },
  /**
   * cadre_grade, team_grade, award: the year M closes (December) and, in the months that follow
   * while the year's annual assessments arrive (zzb_kh and zzb_bzkh are delivered January to March,
   * extracts.md), that year again: each of those runs grades it on what has arrived by then.
   */
  GRADED_YEAR("the year it closes (December) and, from January to March while the annual assessments arrive, "
      + "the year before") {
    @Override
    Column reported(YearMonth m) {
      if (m.getMonthValue() == 12) {
        return col("year").equalTo(m.getYear());
      }
      return m.getMonthValue() <= GRADING_MONTHS ? col("year").equalTo(m.getYear() - 1) : lit(false);
    }
  };

  /** Months after a year's end in which its grades are still being made (January to March). */
  static final int GRADING_MONTHS = 3;

  private final String rows;

  ReportedPeriods(String rows) {
    this.rows = rows;
  }

  /** Which rows the run of an as-of month reports, in words (for the data dictionary). */
  public String rows() {
    return rows;
  }

  /** The rows of {@code asOfM} (a table's figures as of M) that the run of M reports. */
  public Dataset<Row> slice(Dataset<Row> asOfM, YearMonth m) {
    return asOfM.filter(reported(m));
  }

  abstract Column reported(YearMonth m);
}
