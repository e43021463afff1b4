package dossier.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatesTest {
  private static final LocalDate JUNE_3 = LocalDate.of(2024, 6, 3);
  private static final YearMonth JUNE = YearMonth.of(2024, 6);

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2024-06-03", "2024/6/3", "2024.6.3", "2024年6月3日", "20240603", "2024-6-3",
      "2024-06-03 00:00:00", "２０２４年６月３日", " 2024 年 6 月 3 日 ", "45446", "45446.0"})
  void readsEveryAcceptedDateSpelling(String text) {
    assertThat(Dates.parseDate(text)).as(text).contains(JUNE_3);
  }

  @Test
  void readsExcelSerialNumbersFromThe1900DateSystem() {
    assertThat(Dates.fromExcelSerial(45446)).as("serial 45446").isEqualTo(JUNE_3);
    assertThat(Dates.fromExcelSerial(45446.75)).as("time fraction dropped").isEqualTo(JUNE_3);
    assertThat(Dates.fromExcelSerial(36526)).as("serial 36526").isEqualTo(LocalDate.of(2000, 1, 1));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2024-13-01", "2024-02-30", "20241301", "2024", "2024-06", "2024/06-03", "六月三日",
      "abc", "", "123456789"})
  void refusesWhatIsNoDate(String text) {
    assertThat(Dates.parseDate(text)).as(text).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2024-06", "2024.06", "2024/6", "2024年6月", "202406", "2024.6"})
  void readsEveryAcceptedYearMonthSpelling(String text) {
    assertThat(Dates.parseYearMonth(text)).as(text).contains(JUNE);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"2024-13", "202400", "2024", "2024-06-03", "June"})
  void refusesWhatIsNoYearMonth(String text) {
    assertThat(Dates.parseYearMonth(text)).as(text).isEmpty();
  }

  @Test
  void aMonthColumnAlsoTakesAFullDate() {
    assertThat(Dates.parseMonthOrDate("2024-06-03")).as("date cell in a month column").contains(JUNE);
  }

  @Test
  void aDateOrMonthColumnReadsAMonthAsItsFirstDay() {
    assertThat(Dates.parseDateOrMonth("1975.03")).as("month").contains(LocalDate.of(1975, 3, 1));
    assertThat(Dates.parseDateOrMonth("1975-03-09")).as("date").contains(LocalDate.of(1975, 3, 9));
  }

  @Test
  void tellsAYearMonthWithoutADayFromADate() {
    assertThat(Dates.isYearMonthOnly("2019.05")).as("2019.05").isTrue();
    assertThat(Dates.isYearMonthOnly("2019年5月")).as("2019年5月").isTrue();
    assertThat(Dates.isYearMonthOnly("201905")).as("201905").isTrue();
    assertThat(Dates.isYearMonthOnly("2019-05-01")).as("a first day given in full").isFalse();
    assertThat(Dates.isYearMonthOnly("45446")).as("an Excel serial").isFalse();
    assertThat(Dates.isYearMonthOnly("无")).as("no date at all").isFalse();
    assertThat(Dates.isYearMonthOnly(null)).as("null").isFalse();
  }

  @Test
  void nullIsNoDate() {
    assertThat(Dates.parseDate(null)).as("null date").isEmpty();
    assertThat(Dates.parseYearMonth(null)).as("null month").isEmpty();
  }
}
