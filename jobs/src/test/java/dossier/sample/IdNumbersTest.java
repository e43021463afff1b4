package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.normalise.NationalIds;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Generated IDs are valid, and each defect makes exactly the invalidity it names. */
class IdNumbersTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 10, 31);
  private final String id = IdNumbers.of("321202", LocalDate.of(1975, 6, 3), 17);

  @Test
  void aGeneratedIdIsValidAndCarriesItsBirthDate() {
    assertThat(NationalIds.normalise(id, TODAY).isValid()).as(id).isTrue();
    assertThat(id).as("region, birth date, sequence").startsWith("32120219750603017");
  }

  @Test
  void theFifteenDigitFormConvertsBackToTheSameId() {
    assertThat(NationalIds.normalise(IdNumbers.fifteenDigitForm(id), TODAY).id()).as("15 -> 18").isEqualTo(id);
  }

  @Test
  void eachDefectGivesItsReason() {
    assertThat(NationalIds.normalise(IdNumbers.withWrongCheck(id), TODAY).problem()).as("wrong check")
        .isEqualTo(NationalIds.WRONG_CHECK_DIGIT);
    assertThat(NationalIds.normalise(IdNumbers.withWrongLength(id, true), TODAY).problem()).as("17 characters")
        .isEqualTo(NationalIds.WRONG_LENGTH);
    assertThat(NationalIds.normalise(IdNumbers.withWrongLength(id, false), TODAY).problem()).as("19 characters")
        .isEqualTo(NationalIds.WRONG_LENGTH);
    assertThat(NationalIds.normalise(IdNumbers.withImpossibleBirth(id), TODAY).problem()).as("month 13")
        .isEqualTo(NationalIds.IMPOSSIBLE_BIRTH_DATE);
  }
}
