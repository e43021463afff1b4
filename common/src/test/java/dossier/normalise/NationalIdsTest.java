package dossier.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdsTest {
  /** The worked example of GB 11643: Beijing Chaoyang, born 1949-12-31, check character X. */
  private static final String STANDARD_EXAMPLE = "11010519491231002X";
  private static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

  @Test
  void acceptsAValidIdUnchanged() {
    NationalIds.Result result = NationalIds.normalise(STANDARD_EXAMPLE, TODAY);

    assertThat(result.isValid()).as("valid").isTrue();
    assertThat(result.id()).as("canonical").isEqualTo(STANDARD_EXAMPLE);
    assertThat(result.problem()).as("no problem").isNull();
  }

  @Test
  void upperCasesALowerCaseX() {
    assertThat(NationalIds.normalise("11010519491231002x", TODAY).id()).as("x to X").isEqualTo(STANDARD_EXAMPLE);
  }

  @Test
  void foldsFullWidthDigitsAndDropsSpaces() {
    assertThat(NationalIds.normalise("１１０１０５ 19491231 002Ｘ", TODAY).id()).as("full-width and spaced")
        .isEqualTo(STANDARD_EXAMPLE);
  }

  @Test
  void convertsFifteenDigitsByInsertingTheCenturyAndComputingTheCheckDigit() {
    assertThat(NationalIds.normalise("110105491231002", TODAY).id()).as("15 to 18").isEqualTo(STANDARD_EXAMPLE);
  }

  @Test
  void computesTheCheckDigitByMod11() {
    // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> X
    assertThat(NationalIds.checkDigit("11010519491231002")).as("check digit").isEqualTo('X');
  }

  @Test
  void rejectsAWrongCheckDigit() {
    assertThat(NationalIds.normalise("110105194912310021", TODAY).problem()).as("problem")
        .isEqualTo(NationalIds.WRONG_CHECK_DIGIT);
  }

  @Test
  void rejectsAWrongLength() {
    assertThat(NationalIds.normalise("1101051949123100", TODAY).problem()).as("16 characters")
        .isEqualTo(NationalIds.WRONG_LENGTH);
  }

  @Test
  void rejectsLettersInsideTheDigits() {
    assertThat(NationalIds.normalise("1101051949A231002X", TODAY).problem()).as("a letter inside")
        .isEqualTo(NationalIds.NOT_DIGITS);
    assertThat(NationalIds.normalise("11010549123100A", TODAY).problem()).as("a letter in a 15-digit ID")
        .isEqualTo(NationalIds.NOT_DIGITS);
  }

  @Test
  void rejectsABirthDateThatIsNoCalendarDay() {
    String feb30 = "1101051949023000" + "1";
    String withCheck = feb30.substring(0, 17) + NationalIds.checkDigit(feb30.substring(0, 17));
    assertThat(NationalIds.normalise(withCheck, TODAY).problem()).as("1949-02-30")
        .isEqualTo(NationalIds.IMPOSSIBLE_BIRTH_DATE);
  }

  @Test
  void rejectsABirthDateInTheFuture() {
    String first17 = "11010520240701001";
    assertThat(NationalIds.normalise(first17 + NationalIds.checkDigit(first17), TODAY).problem())
        .as("born after today").isEqualTo(NationalIds.IMPOSSIBLE_BIRTH_DATE);
  }

  @Test
  void rejectsABirthDateBefore1900() {
    String first17 = "11010518991231001";
    assertThat(NationalIds.normalise(first17 + NationalIds.checkDigit(first17), TODAY).problem())
        .as("born in 1899").isEqualTo(NationalIds.IMPOSSIBLE_BIRTH_DATE);
  }
}
