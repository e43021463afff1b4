package dossier.sample;

import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monthly files chosen in advance for the file-level quirks that replace or reject a whole
 * file: re-delivered next month with new bytes, or missing a required column (re-sent next month
 * as a {@code _n} file). They are chosen among datasets whose matters have one row each (no
 * re-sends, corrections or revocations), so which version of a matter wins never depends on the
 * order of two files of one delivery month. Also the monthly rosters that give 任职时间 as a
 * year-month only (issue 22, defect 6): window months before the last, so that a roster with full
 * dates comes before and after each.
 */
final class Targets {
  /** Datasets with one row per matter: border crossings, travel filings, instant reports. */
  static final List<String> SINGLE_ROW_DATASETS = List.of("ga_crj", "zzb_crjbb", "zzb_jsbg");
  /**
   * Per dataset a re-delivery with new bytes may come from: the column it changes in one row, a
   * free text no rule reads, so that only the matter's content from the replacement's month moves.
   */
  static final Map<String, String> CHANGED_COLUMN = Map.of("ga_crj", "port", "zzb_crjbb", "destination");
  private final Set<FileId> changed = new LinkedHashSet<>();
  private final Set<FileId> rejected = new LinkedHashSet<>();
  private final Set<YearMonth> monthOnlyRosters = new LinkedHashSet<>();

  /** A monthly file: its delivery month and dataset. */
  record FileId(YearMonth month, String dataset) {}

  Targets(Calendar calendar, SampleSettings.Delivery delivery, long seed) {
    Rng rng = Rng.of(seed, "targets");
    int window = calendar.length() - calendar.index(calendar.firstMonthly()) - 1;
    if (window < 1) {
      return;
    }
    int wanted = delivery.changedRedeliveries() + delivery.rejectedFiles();
    Set<FileId> chosen = new LinkedHashSet<>();
    for (int tries = 0; chosen.size() < Math.min(wanted, window * SINGLE_ROW_DATASETS.size()) && tries < 1000; tries++) {
      chosen.add(new FileId(calendar.firstMonthly().plusMonths(rng.below(window)), rng.pick(SINGLE_ROW_DATASETS)));
    }
    for (FileId id : chosen) {
      boolean changeable = CHANGED_COLUMN.containsKey(id.dataset()) && changed.size() < delivery.changedRedeliveries();
      (changeable || rejected.size() >= delivery.rejectedFiles() ? changed : rejected).add(id);
    }
    Rng months = Rng.of(seed, "month-only-rosters");
    for (int tries = 0; monthOnlyRosters.size() < Math.min(delivery.monthOnlyRosters(), window) && tries < 1000; tries++) {
      monthOnlyRosters.add(calendar.firstMonthly().plusMonths(months.below(window)));
    }
  }

  /** Whether the roster of {@code month} gives 任职时间 as a year-month only. */
  boolean monthOnlyRoster(YearMonth month) {
    return monthOnlyRosters.contains(month);
  }

  boolean changed(YearMonth month, String dataset) {
    return changed.contains(new FileId(month, dataset));
  }

  boolean rejected(YearMonth month, String dataset) {
    return rejected.contains(new FileId(month, dataset));
  }

  boolean special(YearMonth month, String dataset) {
    return changed(month, dataset) || rejected(month, dataset);
  }
}
