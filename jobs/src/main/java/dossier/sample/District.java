package dossier.sample;

import dossier.sample.Vocabulary.Level;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated district: its units, their seats (one principal, 2–4 deputies in the leadership
 * team, staff outside it) and the people who hold them. State only: one object per unit, seat
 * and person ever seen, nothing per record or month. {@link Careers} changes it at each change
 * point.
 */
final class District {
  private final SampleSettings.District shape;
  private final Vocabulary vocabulary;
  private final DomainCodes codes;
  private final PersonNames names;
  private final List<String> unitTypes;
  private final Map<String, Integer> unitsOfType = new HashMap<>();
  private final Set<String> unitNames = new HashSet<>();
  private final Map<Integer, Integer> idSequences = new HashMap<>();
  private final Map<String, String> staffRoles = new HashMap<>();
  private final long seed;
  final List<Unit> units = new ArrayList<>();
  final List<Seat> seats = new ArrayList<>();
  final List<Person> persons = new ArrayList<>();

  /** A unit; closed units stay in the list (they are history). */
  static final class Unit {
    final int index;
    final String code;
    final String type;
    String name;
    boolean open = true;
    final List<Seat> seats = new ArrayList<>();

    Unit(int index, String code, String name, String type) {
      this.index = index;
      this.code = code;
      this.name = name;
      this.type = type;
    }

    boolean holdsExempt() {
      return seats.stream().anyMatch(s -> s.holder != null && s.holder.exempt);
    }
  }

  /** A post in a unit at a level; its holder, or null when vacant. */
  static final class Seat {
    final int index;
    final Level level;
    final String post;
    Unit unit;
    Person holder;

    Seat(int index, Unit unit, Level level, String post) {
      this.index = index;
      this.unit = unit;
      this.level = level;
      this.post = post;
    }
  }

  /** A cadre, on the roster or not (left, retired, away until {@code rejoinAt}). */
  static final class Person {
    final int index;
    final String id;
    final LocalDate birth;
    final boolean female;
    String name;
    String rank;
    Seat seat;
    /** Since when the person holds the seat: a day of the month of the change that seated them. */
    LocalDate postSince;
    YearMonth rejoinAt;
    /** Planted scenario people and same-name pairs keep their seat for the whole history. */
    boolean exempt;
    /** One of a same-name pair: petitions about them without an ID may be ambiguous. */
    boolean sharesName;
    // Spacing of matters whose keys could otherwise collide.
    YearMonth lastSanction;
    YearMonth lastTrip;
    // What the last snapshot showed, for the ground truth's career counts.
    int lastSnapshot = -1;
    long lastState;
    Unit lastUnit;
    String lastRole;

    Person(int index, String id, LocalDate birth, boolean female, String name) {
      this.index = index;
      this.id = id;
      this.birth = birth;
      this.female = female;
      this.name = name;
    }

    boolean active() {
      return seat != null;
    }
  }

  District(SampleSettings.District shape, Vocabulary vocabulary, DomainCodes codes, long seed) {
    this.shape = shape;
    this.seed = seed;
    this.vocabulary = vocabulary;
    this.codes = codes;
    this.names = new PersonNames(vocabulary);
    this.unitTypes = shape.unitTypes().items();
    vocabulary.staffRanks().forEach(r -> staffRoles.put(r.rank(), r.role()));
  }

  PersonNames names() {
    return names;
  }

  /** Builds the units and seats for {@code cadres} and fills every seat, as of {@code start}. */
  void populate(int cadres, YearMonth start, Rng rng) {
    int unitCount = Math.max(1, Math.round((float) cadres / shape.cadresPerUnit()));
    List<int[]> teamSizes = new ArrayList<>();
    int teamSeats = 0;
    for (int u = 0; u < unitCount; u++) {
      int deputies = rng.between(shape.deputies()[0], shape.deputies()[1]);
      teamSizes.add(new int[] {deputies});
      teamSeats += 1 + deputies;
    }
    int staff = Math.max(0, cadres - teamSeats);
    for (int u = 0; u < unitCount; u++) {
      Unit unit = newUnit(rng.pick(shape.unitTypes()), rng);
      int unitStaff = staff / unitCount + (u < staff % unitCount ? 1 : 0);
      addSeats(unit, Level.PRINCIPAL, 1, rng);
      addSeats(unit, Level.DEPUTY, teamSizes.get(u)[0], rng);
      addSeats(unit, Level.STAFF, unitStaff, rng);
    }
    for (Seat seat : seats) {
      Person person = hire(shape.firstRosterBirthYears(), rng);
      person.rank = rankFor(seat.level, rng);
      assign(person, seat, YearMonth.of(start.getYear() - rng.between(1, 10), rng.between(1, 12)));
    }
  }

  Unit newUnit(String type, Rng rng) {
    int typeIndex = unitTypes.indexOf(type);
    int ordinal = unitsOfType.merge(type, 1, Integer::sum) - 1;
    String code = String.format("321202%d%04d", typeIndex + 1, ordinal + 1);
    Unit unit = new Unit(units.size(), code, freshName(type, ordinal), type);
    units.add(unit);
    return unit;
  }

  /** A name of the type no unit has had: from the vocabulary's list, then prefixed by place names. */
  String freshName(String type, int ordinal) {
    List<String> list = vocabulary.units().get(type);
    int n = ordinal;
    String name;
    do {
      String base = list.get(n % list.size());
      name = n < list.size() ? base : place(n / list.size() - 1) + base;
      n += list.size() > 0 ? 1 : 0;
    } while (!unitNames.add(name));
    return name;
  }

  /** A renamed unit's new name: a 镇 becomes a 街道 (撤镇设街), other units get a fresh name. */
  String renamed(Unit unit) {
    String town = vocabulary.townSuffix();
    if (unit.name.endsWith(town)) {
      String subdistrict = unit.name.substring(0, unit.name.length() - town.length()) + vocabulary.subdistrictSuffix();
      if (unitNames.add(subdistrict)) {
        return subdistrict;
      }
    }
    return freshName(unit.type, unitsOfType.get(unit.type));
  }

  /** The n-th place name: two different syllables, then more for larger n. */
  private String place(int n) {
    List<String> syllables = vocabulary.placeSyllables();
    int size = syllables.size();
    int first = n % size;
    int rest = n / size;
    StringBuilder place = new StringBuilder(syllables.get(first))
        .append(syllables.get((first + 1 + rest % (size - 1)) % size));
    for (rest /= size - 1; rest > 0; rest /= size) {
      place.append(syllables.get(rest % size));
    }
    return place.toString();
  }

  private void addSeats(Unit unit, Level level, int count, Rng rng) {
    List<String> posts = new ArrayList<>(vocabulary.posts().get(unit.type).get(level));
    int offset = rng.below(posts.size());
    for (int i = 0; i < count; i++) {
      Seat seat = new Seat(seats.size(), unit, level, posts.get((offset + i) % posts.size()));
      seats.add(seat);
      unit.seats.add(seat);
    }
  }

  /** A new person born in {@code birthYears}, not yet seated. */
  Person hire(int[] birthYears, Rng rng) {
    boolean female = rng.chance(shape.women());
    LocalDate from = LocalDate.of(birthYears[0], 1, 1);
    LocalDate birth = from.plusDays(rng.below((int) (LocalDate.of(birthYears[1], 12, 31).toEpochDay() - from.toEpochDay() + 1)));
    String name = names.next(rng, shape.minorityNames(), shape.oneCharacterGivenNames());
    Person person = new Person(persons.size(), idNumber(birth, female, rng), birth, female, name);
    persons.add(person);
    return person;
  }

  /** A unique ID: a running sequence per birth date and sex (odd for men). */
  private String idNumber(LocalDate birth, boolean female, Rng rng) {
    LocalDate day = birth;
    int sequence;
    do {
      int key = (int) day.toEpochDay() * 2 + (female ? 1 : 0);
      sequence = idSequences.merge(key, 1, Integer::sum) * 2 - (female ? 2 : 1);
      day = sequence < 1000 ? day : day.plusDays(1);
    } while (sequence >= 1000);
    return IdNumbers.of(rng.pick(shape.idRegions()), day, sequence);
  }

  String rankFor(Level level, Rng rng) {
    return switch (level) {
      case PRINCIPAL -> vocabulary.principalRank();
      case DEPUTY -> vocabulary.deputyRank();
      case STAFF -> rng.pick(vocabulary.staffRanks()).rank();
    };
  }

  /**
   * Seats the person, holding the seat since a day of {@code since}: any day of the month (not only
   * its first), drawn from a stream of its own keyed by the person and the month, so that the other
   * choices do not move and the day is the same for as long as the person holds the post.
   */
  void assign(Person person, Seat seat, YearMonth since) {
    if (person.seat != null && person.seat.holder == person) {
      person.seat.holder = null;
    }
    person.seat = seat;
    seat.holder = person;
    long month = since.getYear() * 12L + since.getMonthValue() - 1;
    person.postSince = since.atDay(Rng.of(seed, "post-since", person.index, month).between(1, since.lengthOfMonth()));
  }

  void vacate(Person person) {
    person.seat.holder = null;
    person.seat = null;
  }

  /** 正职 or 副职 of a person on the roster. */
  String role(Person person) {
    return switch (person.seat.level) {
      case PRINCIPAL -> codes.principal();
      case DEPUTY -> codes.deputy();
      case STAFF -> staffRoles.getOrDefault(person.rank, codes.deputy());
    };
  }

  boolean retires(Person person, YearMonth month) {
    return !person.birth.plusYears(shape.retirementAge()).isAfter(month.atDay(1));
  }

  /** Whether the person stays below retirement age through {@code last}. */
  boolean staysUntil(Person person, YearMonth last) {
    return !retires(person, last.plusMonths(1));
  }

  List<Unit> openUnits() {
    return units.stream().filter(u -> u.open).toList();
  }
}
