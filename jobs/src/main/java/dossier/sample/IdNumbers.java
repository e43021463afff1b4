package dossier.sample;

import dossier.normalise.NationalIds;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * National ID numbers (GB 11643): six digits of region, eight of birth date, three of sequence
 * (odd for men), and an ISO 7064 MOD 11-2 check character ({@link NationalIds#checkDigit}); and the
 * ways agencies get them wrong.
 */
final class IdNumbers {
  private static final DateTimeFormatter BIRTH = DateTimeFormatter.BASIC_ISO_DATE;

  private IdNumbers() {}

  static String of(String region, LocalDate birth, int sequence) {
    String body = region + BIRTH.format(birth) + Digits.padded(sequence, 3);
    return body + checkCharacter(body);
  }

  /** The check character of the first 17 digits. */
  static char checkCharacter(String body17) {
    return NationalIds.checkDigit(body17);
  }

  /** Whether an 18-character number has a right check character (upper-case X). */
  static boolean hasValidCheck(String id) {
    return id.length() == 18 && id.substring(0, 17).chars().allMatch(Character::isDigit)
        && checkCharacter(id) == id.charAt(17);
  }

  /** The old 15-digit form of a valid ID of someone born 19xx, or null when there is none. */
  static String fifteenDigitForm(String id) {
    if (!hasValidCheck(id) || !id.startsWith("19", 6)) {
      return null;
    }
    return id.substring(0, 6) + id.substring(8, 17);
  }

  /** The same number with a wrong check character. */
  static String withWrongCheck(String id) {
    char right = checkCharacter(id);
    char wrong = right == '0' ? '1' : (right == 'X' ? '5' : (char) (right == '9' ? '0' : right + 1));
    return id.substring(0, 17) + wrong;
  }

  /** One character short (17) or one digit too many (19). */
  static String withWrongLength(String id, boolean shorter) {
    return shorter ? id.substring(0, 17) : id + "0";
  }

  /** A right check character but a birth month 13: an impossible birth date. */
  static String withImpossibleBirth(String id) {
    String body = id.substring(0, 10) + "13" + id.substring(12, 17);
    return body + checkCharacter(body);
  }
}
