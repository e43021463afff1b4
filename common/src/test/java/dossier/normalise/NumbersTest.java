package dossier.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {
  @Test
  void readsPlainSignedAndGroupedNumbers() {
    assertThat(Numbers.parseDecimal("12.50")).as("plain").contains(new BigDecimal("12.50"));
    assertThat(Numbers.parseDecimal("-3")).as("negative").contains(new BigDecimal("-3"));
    assertThat(Numbers.parseDecimal("+3")).as("plus sign").contains(new BigDecimal("3"));
    assertThat(Numbers.parseDecimal("1,234.5")).as("thousands").contains(new BigDecimal("1234.5"));
    assertThat(Numbers.parseDecimal("１２.５")).as("full-width").contains(new BigDecimal("12.5"));
  }

  @Test
  void refusesWhatIsNoNumber() {
    assertThat(Numbers.parseDecimal("12,34")).as("bad grouping").isEmpty();
    assertThat(Numbers.parseDecimal("1e5")).as("exponent").isEmpty();
    assertThat(Numbers.parseDecimal("十二")).as("Chinese numerals").isEmpty();
    assertThat(Numbers.parseDecimal("")).as("empty").isEmpty();
  }

  @Test
  void readsWholeNumbersIncludingATrailingZeroFraction() {
    assertThat(Numbers.parseWhole("2024")).as("2024").contains(2024);
    assertThat(Numbers.parseWhole("2024.0")).as("2024.0 from a numeric cell").contains(2024);
    assertThat(Numbers.parseWhole("2024.5")).as("fraction").isEmpty();
    assertThat(Numbers.parseWhole("99999999999")).as("beyond int").isEmpty();
  }

  @Test
  void canonicalTextIsPlainWithoutTrailingZeros() {
    assertThat(Numbers.canonical(new BigDecimal("12.50"))).as("12.50").isEqualTo("12.5");
    assertThat(Numbers.canonical(new BigDecimal("1E+3"))).as("1E+3").isEqualTo("1000");
  }
}
