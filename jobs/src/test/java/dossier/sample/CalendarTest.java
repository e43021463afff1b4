package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snapshots at year ends then monthly, and careers changing on the day after a snapshot month. */
class CalendarTest {
  private final Calendar calendar = new Calendar(YearMonth.of(2013, 1), YearMonth.of(2026, 10), 24);

  @Test
  void theBackfillFolderIsTheMonthBeforeTheFirstMonthlyDelivery() {
    assertThat(calendar.firstMonthly()).as("first monthly delivery").isEqualTo(YearMonth.of(2024, 11));
    assertThat(calendar.backfill()).as("backfill folder").isEqualTo(YearMonth.of(2024, 10));
    assertThat(calendar.folder(YearMonth.of(2019, 5))).as("folder of a 2019 delivery").isEqualTo(YearMonth.of(2024, 10));
    assertThat(calendar.folder(YearMonth.of(2025, 5))).as("folder of a 2025 delivery").isEqualTo(YearMonth.of(2025, 5));
  }

  @Test
  void snapshotsAreYearEndsThenEveryMonthFromTheWindowsYear() {
    List<YearMonth> snapshots = new ArrayList<>();
    for (int t = 0; t < calendar.length(); t++) {
      if (calendar.isSnapshot(calendar.month(t))) {
        snapshots.add(calendar.month(t));
      }
    }
    assertThat(snapshots).as("snapshot months").startsWith(YearMonth.of(2013, 12), YearMonth.of(2014, 12))
        .contains(YearMonth.of(2023, 12), YearMonth.of(2024, 1), YearMonth.of(2024, 2))
        .doesNotContain(YearMonth.of(2023, 6)).endsWith(YearMonth.of(2026, 10)).hasSize(11 + 34);
  }

  @Test
  void careersChangeOnTheFirstMonthAfterEachSnapshot() {
    assertThat(calendar.isChangePoint(YearMonth.of(2013, 6))).as("before the first snapshot").isFalse();
    assertThat(calendar.isChangePoint(YearMonth.of(2014, 1))).as("1 January after a year-end snapshot").isTrue();
    assertThat(calendar.isChangePoint(YearMonth.of(2014, 7))).as("mid-year in the year-end era").isFalse();
    assertThat(calendar.periodMonths(YearMonth.of(2014, 1))).as("a year-end era period").isEqualTo(12);
    assertThat(calendar.isChangePoint(YearMonth.of(2024, 7))).as("every month in the monthly era").isTrue();
    assertThat(calendar.periodMonths(YearMonth.of(2024, 7))).as("a monthly era period").isEqualTo(1);
  }
}
