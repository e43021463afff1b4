package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every validation reason a cell can get, and what a valid cell becomes. */
class CellRuleTest {
  private static CellRule rule(ColumnType type, boolean required, List<String> codes, Double min, Double max,
      String pattern, boolean setAside, String defaultValue) {
    return new CellRule(new ColumnSpec("c", "列", List.of("列"), type, required, codes,
        Optional.ofNullable(defaultValue), Optional.ofNullable(min), Optional.ofNullable(max),
        Optional.ofNullable(pattern), setAside));
  }

  private static CellRule rule(ColumnType type) {
    return rule(type, false, List.of(), null, null, null, false, null);
  }

  @Test
  void requiredValueMissing() {
    assertThat(rule(ColumnType.STRING, true, List.of(), null, null, null, false, null).apply(null).reason())
        .as("reason").isEqualTo("c: required value missing");
  }

  @Test
  void aRequiredColumnWithADefaultTakesTheDefaultLater() {
    CellRule rule = rule(ColumnType.CODE, true, List.of("新增"), null, null, null, false, "新增");
    assertThat(rule.apply(null)).as("no reason: the default applies").isEqualTo(CellRule.Outcome.EMPTY);
    assertThat(rule.requiresHeader()).as("the header may be absent").isFalse();
  }

  @Test
  void typeReasons() {
    assertThat(rule(ColumnType.DATE).apply("2024-02-30").reason()).as("date").isEqualTo("c: not a date");
    assertThat(rule(ColumnType.MONTH).apply("2024-13").reason()).as("month").isEqualTo("c: not a year-month");
    assertThat(rule(ColumnType.DATE_OR_MONTH).apply("soon").reason()).as("date or month")
        .isEqualTo("c: not a date or year-month");
    assertThat(rule(ColumnType.INT).apply("2024.5").reason()).as("int").isEqualTo("c: not a whole number");
    assertThat(rule(ColumnType.DECIMAL).apply("12分").reason()).as("decimal").isEqualTo("c: not a number");
  }

  @Test
  void codeListReason() {
    assertThat(rule(ColumnType.CODE, false, List.of("是", "否"), null, null, null, false, null).apply("可能").reason())
        .as("code").isEqualTo("c: not in the code list [是, 否]");
  }

  @Test
  void minAndMaxReasons() {
    CellRule score = rule(ColumnType.DECIMAL, false, List.of(), 0.0, 100.0, null, false, null);
    assertThat(score.apply("-1").reason()).as("below").isEqualTo("c: below the minimum 0");
    assertThat(score.apply("100.5").reason()).as("above").isEqualTo("c: above the maximum 100");
    assertThat(score.apply("100").value()).as("edge is allowed").isEqualTo("100");
  }

  @Test
  void patternReason() {
    CellRule period = rule(ColumnType.STRING, false, List.of(), null, null, "[0-9]{4}(Q[1-4])?", false, null);
    assertThat(period.apply("2024Q5").reason()).as("pattern").isEqualTo("c: does not match the pattern [0-9]{4}(Q[1-4])?");
    assertThat(period.apply("2024Q2").value()).as("matching").isEqualTo("2024Q2");
  }

  @Test
  void invalidIdReasonSaysWhy() {
    assertThat(rule(ColumnType.ID).apply("110105194912310021").reason()).as("check digit")
        .isEqualTo("c: wrong check digit");
  }

  @Test
  void setAsideInvalidValueIsNulledAndFlagged() {
    CellRule optionalId = rule(ColumnType.ID, false, List.of(), null, null, null, true, null);
    CellRule.Outcome outcome = optionalId.apply("110105194912310021");
    assertThat(outcome.value()).as("value").isNull();
    assertThat(outcome.reason()).as("no reason").isNull();
    assertThat(outcome.flag()).as("flag").isEqualTo("c set aside: wrong check digit");
  }

  @Test
  void validCellsBecomeCanonicalText() {
    assertThat(rule(ColumnType.ID).apply("110105491231002").value()).as("15-digit ID").isEqualTo("11010519491231002X");
    assertThat(rule(ColumnType.NAME).apply("张 三").value()).as("name").isEqualTo("张三");
    assertThat(rule(ColumnType.MONTH).apply("2024年6月").value()).as("month").isEqualTo("2024-06");
    assertThat(rule(ColumnType.DATE_OR_MONTH).apply("1975.03").value()).as("month as date").isEqualTo("1975-03-01");
    assertThat(rule(ColumnType.DECIMAL).apply("1,234.50").value()).as("decimal").isEqualTo("1234.5");
    assertThat(rule(ColumnType.CODE, false, List.of("办结"), null, null, null, false, null).apply("办 结").value())
        .as("code with a stray space").isEqualTo("办结");
  }
}
