package dossier.conform.history;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import dossier.conform.io.RawTables;
import dossier.contract.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Type-2 history from monthly snapshots (architecture.md "Validity intervals"). A snapshot for
 * file month M is the state at the end of M; of two files for one month the later one (its
 * {@code _n}, then its delivery) wins. A state first seen in snapshot S_k, after S_(k-1) showed
 * another state or no row, is valid from the first day of the month after S_(k-1); the first
 * snapshot's states are valid since before it (valid_from null). A key missing from a later
 * snapshot is closed (left), and opens a new interval when it comes back (re-joined). A date given
 * as a year-month only is no change from a full date in that month ({@link #withMonthsResolved}).
 */
public final class History {
  private History() {}

  /**
   * Intervals of {@code stateColumns} per {@code key} from snapshot rows (raw shape: the columns
   * plus file_month, source_file, delivery_month, row_number, and {@link RawTables#monthOnly} beside
   * each date-or-month column). Columns: key, state columns, valid_from, valid_to, is_current,
   * first_seen, last_seen.
   */
  public static Dataset<Row> intervals(Dataset<Row> snapshotRows, String key, List<String> stateColumns) {
    List<String> datesOrMonths = stateColumns.stream()
        .filter(c -> Arrays.asList(snapshotRows.columns()).contains(RawTables.monthOnly(c))).toList();
    Dataset<Row> rows = withMonthsResolved(latestSnapshotPerMonth(snapshotRows)
        .withColumn("copy", row_number().over(Window.partitionBy(col(key), col(Provenance.FILE_MONTH)).orderBy(Provenance.ROW_NUMBER)))
        .where(col("copy").equalTo(1)), key, datesOrMonths);
    Dataset<Row> months = rows.select(Provenance.FILE_MONTH).distinct()
        .withColumn("k", row_number().over(Window.orderBy(Provenance.FILE_MONTH)))
        .withColumn("previous_month", lag(Provenance.FILE_MONTH, 1).over(Window.orderBy(Provenance.FILE_MONTH)))
        .withColumn("snapshots", max("k").over(Window.partitionBy()));
    Column state = struct(stateColumns.stream().map(c -> col(c)).toArray(Column[]::new));
    WindowSpec byKey = Window.partitionBy(key).orderBy("k");
    Dataset<Row> runs = rows.join(months, Provenance.FILE_MONTH)
        .withColumn("state", state)
        .withColumn("changed", coalesce(
            lag("k", 1).over(byKey).notEqual(col("k").minus(1)).or(not(lag("state", 1).over(byKey).eqNullSafe(col("state")))),
            lit(true)))
        .withColumn("run", sum(when(col("changed"), 1).otherwise(0)).over(byKey.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    List<Column> out = new ArrayList<>();
    out.add(col(key));
    stateColumns.forEach(c -> out.add(col("state." + c).as(c)));
    Column validFrom = firstDayAfter(col("opened_after"));
    Column validTo = when(col("last_k").lt(col("snapshots")), firstDayAfter(col("last_seen")));
    out.add(validFrom.as("valid_from"));
    out.add(validTo.as("valid_to"));
    out.add(validTo.isNull().as("is_current"));
    out.add(col("first_seen"));
    out.add(col("last_seen"));
    return runs.groupBy(col(key), col("run")).agg(
            min_by(col("state"), col("k")).as("state"),
            min_by(col("previous_month"), col("k")).as("opened_after"),
            max("k").as("last_k"),
            max("snapshots").as("snapshots"),
            min(Provenance.FILE_MONTH).as("first_seen"),
            max(Provenance.FILE_MONTH).as("last_seen"))
        .select(out.toArray(Column[]::new));
  }

  /**
   * A date given as a year-month only (the month's first day) takes the full date of that month the
   * key's snapshots give, the latest one before it, else the first one after it: a value that agrees
   * with the known one at the precision given is no change (issue 22, defect 6). Taking a later full
   * date too keeps one interval when the year-month came first, and it carries the finer date, as
   * the same date said more precisely. A year-month of another month stays its first day: a change.
   */
  private static Dataset<Row> withMonthsResolved(Dataset<Row> rows, String key, List<String> datesOrMonths) {
    WindowSpec byMonth = Window.partitionBy(key).orderBy(Provenance.FILE_MONTH);
    for (String c : datesOrMonths) {
      Column monthOnly = col(RawTables.monthOnly(c));
      Column fullDate = when(not(monthOnly), col(c));
      Column before = last(fullDate, true).over(byMonth.rowsBetween(Window.unboundedPreceding(), -1));
      Column after = first(fullDate, true).over(byMonth.rowsBetween(1, Window.unboundedFollowing()));
      rows = rows.withColumn(c, when(monthOnly, coalesce(inMonth(before, col(c)), inMonth(after, col(c)), col(c)))
          .otherwise(col(c)));
    }
    return rows;
  }

  /** The date when it falls in the month of {@code firstDay}, else null. */
  private static Column inMonth(Column date, Column firstDay) {
    return when(trunc(date, "month").equalTo(firstDay), date);
  }

  /**
   * Of several files for one file month, the rows of the later one; of the versions of one file,
   * the current one's (a replaced version's rows stay in raw, see Supersession), unless it
   * landed no rows.
   */
  static Dataset<Row> latestSnapshotPerMonth(Dataset<Row> rows) {
    Dataset<Row> files = rows.select(col(Provenance.FILE_MONTH), col(Provenance.SOURCE_FILE), col(Provenance.DELIVERY_MONTH),
            RawTables.fileSequence().as("file_seq"), col(Provenance.SUPERSEDED_BY).isNull().as("current")).distinct()
        .withColumn("rank", row_number().over(Window.partitionBy(Provenance.FILE_MONTH)
            .orderBy(desc("file_seq"), desc("current"), desc(Provenance.DELIVERY_MONTH), desc(Provenance.SOURCE_FILE))))
        .where(col("rank").equalTo(1))
        .select(Provenance.SOURCE_FILE, Provenance.DELIVERY_MONTH);
    return rows.join(files, List.of(Provenance.SOURCE_FILE, Provenance.DELIVERY_MONTH).toArray(String[]::new), "left_semi");
  }

  /** The first day of the month after a yyyy-MM month (null stays null). */
  private static Column firstDayAfter(Column month) {
    return add_months(to_date(concat(month, lit("-01"))), 1);
  }

  /** Marks each key's earliest interval ({@code is_first}), which also covers dates before it. */
  public static Dataset<Row> withFirst(Dataset<Row> history, String key) {
    return history.withColumn("is_first", row_number().over(Window.partitionBy(key)
        .orderBy(col("valid_from").asc_nulls_first())).equalTo(1));
  }

  /**
   * The as-of rule: the interval contains {@code date}, or it is the key's first interval and
   * {@code date} precedes it (records dated before any snapshot take the first known state).
   * Needs the columns of {@link #withFirst}; {@code prefix} qualifies them (e.g. "h.").
   */
  public static Column validAt(Column date, String prefix) {
    Column from = col(prefix + "valid_from");
    Column to = col(prefix + "valid_to");
    Column contains = from.isNull().or(from.leq(date)).and(to.isNull().or(date.lt(to)));
    return coalesce(contains.or(col(prefix + "is_first").and(date.lt(from))), lit(false));
  }
}
