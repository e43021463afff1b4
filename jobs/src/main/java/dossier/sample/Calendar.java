package dossier.sample;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The months of a sample: history from {@code start} to {@code last}; monthly delivery folders
 * {@code firstMonthly … last}; one backfill folder, the month before, carrying all that came
 * earlier. Rosters are snapshots at each year end up to the year before the first monthly
 * delivery's year, then at every month end. A state first seen in a snapshot is valid from the
 * first day of the month after the previous snapshot, so careers change exactly on those days:
 * the change points.
 */
final class Calendar {
  private final YearMonth start;
  private final YearMonth last;
  private final YearMonth firstMonthly;
  private final YearMonth monthlySnapshotsFrom;

  Calendar(YearMonth start, YearMonth last, int months) {
    this.start = start;
    this.last = last;
    this.firstMonthly = last.minusMonths(months - 1L);
    this.monthlySnapshotsFrom = YearMonth.of(firstMonthly.getYear(), 1);
  }

  YearMonth start() {
    return start;
  }

  YearMonth last() {
    return last;
  }

  YearMonth firstMonthly() {
    return firstMonthly;
  }

  YearMonth backfill() {
    return firstMonthly.minusMonths(1);
  }

  /** The first snapshot: the end of the first year. */
  YearMonth firstSnapshot() {
    return YearMonth.of(start.getYear(), 12);
  }

  /** Whether the backfill folder holds at least the first year's snapshot. */
  boolean valid() {
    return !backfill().isBefore(firstSnapshot()) && !start.isAfter(firstSnapshot());
  }

  int index(YearMonth month) {
    return (int) (month.getYear() * 12L + month.getMonthValue() - 1 - (start.getYear() * 12L + start.getMonthValue() - 1));
  }

  YearMonth month(int index) {
    return start.plusMonths(index);
  }

  /** Number of months of history, start to last. */
  int length() {
    return index(last) + 1;
  }

  boolean isSnapshot(YearMonth month) {
    if (month.isBefore(firstSnapshot()) || month.isAfter(last)) {
      return false;
    }
    return !month.isBefore(monthlySnapshotsFrom) || month.getMonthValue() == 12;
  }

  /** The first month of a new state: the month right after a snapshot (not after the last). */
  boolean isChangePoint(YearMonth month) {
    return month.isAfter(firstSnapshot()) && isSnapshot(month.minusMonths(1)) && !month.isAfter(last);
  }

  /** Months from a change point to the snapshot that first shows its changes (12 or 1). */
  int periodMonths(YearMonth changePoint) {
    int months = 1;
    YearMonth m = changePoint;
    while (!isSnapshot(m)) {
      m = m.plusMonths(1);
      months++;
    }
    return months;
  }

  /** The delivery folder of something delivered in {@code month}: the backfill folder before the window. */
  YearMonth folder(YearMonth delivery) {
    return delivery.isBefore(firstMonthly) ? backfill() : delivery;
  }

  boolean inWindow(YearMonth month) {
    return !month.isBefore(firstMonthly) && !month.isAfter(last);
  }

  static LocalDate lastDay(YearMonth month) {
    return month.atEndOfMonth();
  }
}
