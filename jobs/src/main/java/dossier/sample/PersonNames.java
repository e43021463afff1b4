package dossier.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Chinese names that never repeat: each kind of name (one-character given name, two-character
 * given name, minority name) numbers its people and maps the number one-to-one onto the
 * combinations of the vocabulary, scrambled so that neighbours do not look alike. Only the
 * planted same-name pairs share a name.
 */
final class PersonNames {
  private final List<String> surnames;
  private final List<String> givenFirst;
  private final List<String> givenSecond;
  private final List<String> givenSingle;
  private final List<String> minorityFirst;
  private final List<String> minorityLast;
  private final List<String> nobodySurnames;
  private long singles;
  private long doubles;
  private long minorities;
  private long nobodies;

  PersonNames(Vocabulary vocabulary) {
    surnames = distinct(vocabulary.surnames());
    givenFirst = distinct(vocabulary.givenFirst());
    givenSecond = distinct(vocabulary.givenSecond());
    givenSingle = distinct(vocabulary.givenSingle());
    minorityFirst = distinct(vocabulary.minorityFirst());
    minorityLast = distinct(vocabulary.minorityLast());
    nobodySurnames = distinct(vocabulary.nobodySurnames());
  }

  /** A new cadre's name: minority, one- or two-character given name, by chance. */
  String next(Rng rng, double minorityShare, double singleShare) {
    if (rng.chance(minorityShare)) {
      return minority(minorities++);
    }
    long singleCapacity = (long) surnames.size() * givenSingle.size();
    if (rng.chance(singleShare) && singles < singleCapacity) {
      long x = scramble(singles++, singleCapacity);
      return surnames.get((int) (x % surnames.size())) + givenSingle.get((int) (x / surnames.size()));
    }
    return twoCharacter(doubles++, surnames);
  }

  /** A name no cadre has: a compound surname (petitions about people outside the roster). */
  String nobody() {
    return twoCharacter(nobodies++, nobodySurnames);
  }

  private String twoCharacter(long n, List<String> family) {
    long pairs = (long) givenFirst.size() * givenSecond.size();
    long capacity = family.size() * pairs;
    long x = scramble(n % capacity, capacity);
    String surname = family.get((int) (x % family.size()));
    long given = x / family.size();
    String name = surname + givenFirst.get((int) (given % givenFirst.size())) + givenSecond.get((int) (given / givenFirst.size()));
    // Past the capacity, a third character keeps names apart.
    return n < capacity ? name : name + givenSingle.get((int) ((n / capacity - 1) % givenSingle.size()));
  }

  private String minority(long n) {
    StringBuilder name = new StringBuilder(minorityFirst.get((int) (n % minorityFirst.size())));
    long rest = n / minorityFirst.size();
    do {
      name.append('·').append(minorityLast.get((int) (rest % minorityLast.size())));
      rest /= minorityLast.size();
    } while (rest > 0);
    return name.toString();
  }

  /** A one-to-one scramble of [0, capacity). */
  private static long scramble(long n, long capacity) {
    long multiplier = 7_919L;
    while (gcd(multiplier, capacity) != 1) {
      multiplier += 2;
    }
    return Math.floorMod(n * multiplier + capacity / 3, capacity);
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  private static List<String> distinct(List<String> words) {
    return new ArrayList<>(new LinkedHashSet<>(words));
  }
}
