package dossier.analyse.input;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.time.Months;
import java.time.YearMonth;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The conformed {@code record_version} table seen from an as-of month M. A version holds from its
 * {@code version_month} until the record's next version; "the records as delivered by month-end
 * K" are, for each record, the version holding at K. A revoked version counts 0 from its
 * {@code revoked_month} on, so it is left out from then.
 */
public final class RecordVersions {
  /** Month index of the event date. */
  public static final String EVENT_MONTH = "event_month";
  /** First month index (delivery month) at which the version is the record's latest and counts. */
  public static final String COUNTED_FROM = "counted_from";
  /** Last month index (≤ M) at which it still counts; below counted_from when it never counts. */
  public static final String COUNTED_UNTIL = "counted_until";
  /** The {@code state} of a revoked record: it counts 0 from its {@code revoked_month} on. */
  public static final String REVOKED = "revoked";

  private RecordVersions() {}

  /**
   * Every version delivered by M, with the months during which it counted as delivered:
   * {@link #COUNTED_FROM} … {@link #COUNTED_UNTIL} (both included), and {@link #EVENT_MONTH}.
   */
  public static Dataset<Row> countedIntervals(Dataset<Row> recordVersion, YearMonth asOf) {
    int asOfIndex = Months.index(asOf);
    Dataset<Row> delivered = recordVersion
        .withColumn(COUNTED_FROM, Months.ofText(col("version_month")))
        .filter(col(COUNTED_FROM).leq(asOfIndex));
    var byRecord = Window.partitionBy("record_id").orderBy(COUNTED_FROM);
    var supersededAt = lead(col(COUNTED_FROM), 1).over(byRecord);
    var knownUntil = coalesce(supersededAt.minus(1), lit(asOfIndex));
    var revokedBefore = Months.ofText(col("revoked_month")).minus(1);
    return delivered
        .withColumn(COUNTED_UNTIL, when(col("state").equalTo(REVOKED), least(knownUntil, revokedBefore))
            .otherwise(knownUntil))
        .withColumn(EVENT_MONTH, Months.ofDate(col("event_date")));
  }

  /**
   * The records as they stand at the end of M (restated): for each record its latest version
   * delivered by M, unless that version is revoked. Input: {@link #countedIntervals}.
   */
  public static Dataset<Row> deliveredBy(Dataset<Row> countedIntervals, YearMonth asOf) {
    return countedIntervals.filter(col(COUNTED_UNTIL).equalTo(Months.index(asOf)));
  }
}
