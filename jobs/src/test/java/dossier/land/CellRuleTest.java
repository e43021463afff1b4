package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DateRange;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every validation reason a cell can get, and what a valid cell becomes. */
class CellRuleTest {
  /** Dates from 1949 to the delivery month's end + 31 days. */
  private static final DateRange RANGE = new DateRange(1949, 31);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private static CellRule rule(ColumnType type, boolean required, List<String> codes, Double min, Double max,
      String pattern, boolean setAside, String defaultValue) {
    return new CellRule(new ColumnSpec("c", "列", List.of("列"), type, required, codes,
        Optional.ofNullable(defaultValue), Optional.ofNullable(min), Optional.ofNullable(max),
        Optional.ofNullable(pattern), setAside, type.isDate() ? Optional.of(RANGE) : Optional.empty()));
  }

  private static CellRule rule(ColumnType type) {
    return rule(type, false, List.of(), null, null, null, false, null);
  }

  @Test
  void requiredValueMissing() {
    assertThat(rule(ColumnType.STRING, true, List.of(), null, null, null, false, null).apply(null, NOVEMBER).reason())
        .as("reason").isEqualTo("c: required value missing");
  }

  @Test
  void aRequiredColumnWithADefaultTakesTheDefaultLater() {
    CellRule rule = rule(ColumnType.CODE, true, List.of("新增"), null, null, null, false, "新增");
    assertThat(rule.apply(null, NOVEMBER)).as("no reason: the default applies").isEqualTo(CellRule.Outcome.EMPTY);
    assertThat(rule.requiresHeader()).as("the header may be absent").isFalse();
  }

  @Test
  void typeReasons() {
    assertThat(rule(ColumnType.DATE).apply("2024-02-30", NOVEMBER).reason()).as("date").isEqualTo("c: not a date");
    assertThat(rule(ColumnType.MONTH).apply("2024-13", NOVEMBER).reason()).as("month").isEqualTo("c: not a year-month");
    assertThat(rule(ColumnType.DATE_OR_MONTH).apply("soon", NOVEMBER).reason()).as("date or month")
        .isEqualTo("c: not a date or year-month");
    assertThat(rule(ColumnType.INT).apply("2024.5", NOVEMBER).reason()).as("int").isEqualTo("c: not a whole number");
    assertThat(rule(ColumnType.DECIMAL).apply("12分", NOVEMBER).reason()).as("decimal").isEqualTo("c: not a number");
  }

  @Test
  void aDateOutsideItsPlausibleRangeIsInvalidWithTheBoundInTheReason() {
    assertThat(rule(ColumnType.DATE).apply("2099-06-01", NOVEMBER).reason()).as("far future")
        .isEqualTo("c: implausible date, after 2026-12-31 (the delivery month's end + 31 days)");
    assertThat(rule(ColumnType.DATE).apply("1900-01-02", NOVEMBER).reason()).as("Excel's zero era")
        .isEqualTo("c: implausible date, before 1949-01-01 (the earliest year 1949)");
    assertThat(rule(ColumnType.MONTH).apply("2027-01", NOVEMBER).reason()).as("a month after the range")
        .isEqualTo("c: implausible date, after 2026-12-31 (the delivery month's end + 31 days)");
    assertThat(rule(ColumnType.DATE_OR_MONTH).apply("1948-12", NOVEMBER).reason()).as("a month before the range")
        .isEqualTo("c: implausible date, before 1949-01-01 (the earliest year 1949)");
  }

  @Test
  void theBoundsOfThePlausibleRangeAreIncluded() {
    assertThat(rule(ColumnType.DATE).apply("2026-12-31", NOVEMBER).value()).as("latest").isEqualTo("2026-12-31");
    assertThat(rule(ColumnType.DATE).apply("1949-01-01", NOVEMBER).value()).as("earliest").isEqualTo("1949-01-01");
    assertThat(rule(ColumnType.MONTH).apply("2026-12", NOVEMBER).value()).as("month").isEqualTo("2026-12");
  }

  @Test
  void codeListReason() {
    assertThat(rule(ColumnType.CODE, false, List.of("是", "否"), null, null, null, false, null).apply("可能", NOVEMBER).reason())
        .as("code").isEqualTo("c: not in the code list [是, 否]");
  }

  @Test
  void minAndMaxReasons() {
    CellRule score = rule(ColumnType.DECIMAL, false, List.of(), 0.0, 100.0, null, false, null);
    assertThat(score.apply("-1", NOVEMBER).reason()).as("below").isEqualTo("c: below the minimum 0");
    assertThat(score.apply("100.5", NOVEMBER).reason()).as("above").isEqualTo("c: above the maximum 100");
    assertThat(score.apply("100", NOVEMBER).value()).as("edge is allowed").isEqualTo("100");
  }

  @Test
  void patternReason() {
    CellRule period = rule(ColumnType.STRING, false, List.of(), null, null, "[0-9]{4}(Q[1-4])?", false, null);
    assertThat(period.apply("2024Q5", NOVEMBER).reason()).as("pattern").isEqualTo("c: does not match the pattern [0-9]{4}(Q[1-4])?");
    assertThat(period.apply("2024Q2", NOVEMBER).value()).as("matching").isEqualTo("2024Q2");
  }

  @Test
  void invalidIdReasonSaysWhy() {
    assertThat(rule(ColumnType.ID).apply("110105194912310021", NOVEMBER).reason()).as("check digit")
        .isEqualTo("c: wrong check digit");
  }

  @Test
  void setAsideInvalidValueIsNulledAndFlagged() {
    CellRule optionalId = rule(ColumnType.ID, false, List.of(), null, null, null, true, null);
    CellRule.Outcome outcome = optionalId.apply("110105194912310021", NOVEMBER);
    assertThat(outcome.value()).as("value").isNull();
    assertThat(outcome.reason()).as("no reason").isNull();
    assertThat(outcome.flag()).as("flag").isEqualTo("c set aside: wrong check digit");
  }

  @Test
  void validCellsBecomeCanonicalText() {
    assertThat(rule(ColumnType.ID).apply("110105491231002", NOVEMBER).value()).as("15-digit ID").isEqualTo("11010519491231002X");
    assertThat(rule(ColumnType.NAME).apply("张 三", NOVEMBER).value()).as("name").isEqualTo("张三");
    assertThat(rule(ColumnType.MONTH).apply("2024年6月", NOVEMBER).value()).as("month").isEqualTo("2024-06");
    assertThat(rule(ColumnType.DATE_OR_MONTH).apply("1975.03", NOVEMBER).value()).as("month as date").isEqualTo("1975-03-01");
    assertThat(rule(ColumnType.DECIMAL).apply("1,234.50", NOVEMBER).value()).as("decimal").isEqualTo("1234.5");
    assertThat(rule(ColumnType.CODE, false, List.of("办结"), null, null, null, false, null).apply("办 结", NOVEMBER).value())
        .as("code with a stray space").isEqualTo("办结");
  }
}
