package dossier.normalise;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Chinese national ID numbers (GB 11643): 17 digits (region, birth date yyyyMMdd, sequence) and a
 * check digit by ISO 7064 MOD 11-2. The old 15-digit form (yyMMdd birth date, no check digit)
 * converts by inserting {@code 19} after the region and computing the check digit; a lower-case
 * {@code x} is upper-cased.
 */
public final class NationalIds {
  /** Why a value is not a valid ID; the words are quarantine reasons, so they carry no value. */
  public static final String WRONG_LENGTH = "wrong length (expected 18 or 15 characters)";
  public static final String NOT_DIGITS = "not digits (only the last character may be X)";
  public static final String WRONG_CHECK_DIGIT = "wrong check digit";
  public static final String IMPOSSIBLE_BIRTH_DATE = "impossible birth date";

  /** The weights of the first 17 digits in the check digit's sum (ISO 7064 MOD 11-2), first digit first. */
  public static final List<Integer> CHECK_WEIGHTS = List.of(7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
  /** The check character of a weighted sum, at the sum's remainder modulo 11. */
  public static final String CHECK_CHARACTERS = "10X98765432";
  private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private NationalIds() {}

  /**
   * The outcome of normalising one ID: exactly one of {@code id} (18 characters, canonical) and
   * {@code problem} is non-null.
   */
  public record Result(String id, String problem) {
    public boolean isValid() {
      return id != null;
    }

    static Result valid(String id) {
      return new Result(id, null);
    }

    static Result invalid(String problem) {
      return new Result(null, problem);
    }
  }

  /** Normalises and validates an ID, judging birth dates against today's date in China. */
  public static Result normalise(String value) {
    return normalise(value, LocalDate.now(CHINA));
  }

  /** As {@link #normalise(String)}, with a birth date after {@code today} impossible. */
  public static Result normalise(String value, LocalDate today) {
    String id = Values.removeSpaces(Values.fold(value)).toUpperCase(java.util.Locale.ROOT);
    if (id.length() == 15) {
      if (!allDigits(id, 15)) {
        return Result.invalid(NOT_DIGITS);
      }
      id = id.substring(0, 6) + "19" + id.substring(6);
      id = id + checkDigit(id);
    } else if (id.length() != 18) {
      return Result.invalid(WRONG_LENGTH);
    }
    if (!allDigits(id, 17) || !(Character.isDigit(id.charAt(17)) || id.charAt(17) == 'X')) {
      return Result.invalid(NOT_DIGITS);
    }
    if (!plausibleBirth(id.substring(6, 14), today)) {
      return Result.invalid(IMPOSSIBLE_BIRTH_DATE);
    }
    return id.charAt(17) == checkDigit(id.substring(0, 17)) ? Result.valid(id) : Result.invalid(WRONG_CHECK_DIGIT);
  }

  /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
  public static char checkDigit(String first17) {
    int sum = 0;
    for (int i = 0; i < CHECK_WEIGHTS.size(); i++) {
      sum += (first17.charAt(i) - '0') * CHECK_WEIGHTS.get(i);
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  private static boolean allDigits(String s, int count) {
    for (int i = 0; i < count; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean plausibleBirth(String yyyyMMdd, LocalDate today) {
    try {
      LocalDate birth = LocalDate.of(Integer.parseInt(yyyyMMdd.substring(0, 4)),
          Integer.parseInt(yyyyMMdd.substring(4, 6)), Integer.parseInt(yyyyMMdd.substring(6, 8)));
      return !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(today);
    } catch (DateTimeException e) {
      return false;
    }
  }
}
