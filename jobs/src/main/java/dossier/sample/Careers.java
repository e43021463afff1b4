package dossier.sample;

import dossier.sample.District.Person;
import dossier.sample.District.Seat;
import dossier.sample.District.Unit;
import dossier.sample.Vocabulary.Level;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Career events at a change point (the first day of the month after a snapshot): units renamed
 * or closed (a closed unit's seats pass to a new unit), retirements, leavers (some come back
 * later), moves between units, post changes within a unit, and vacancies filled upwards: a
 * principal's seat by a deputy, a deputy's by staff, staff by a returning or new cadre. Rates
 * are per year, scaled to the months until the next snapshot.
 */
final class Careers {
  private static final int TRIES = 40;
  private final District district;
  private final SampleSettings.Careers rates;
  private final int[] newCadreBirthYears;
  private final List<Person> away = new ArrayList<>();

  Careers(District district, SampleSettings.Careers rates, int[] newCadreBirthYears) {
    this.district = district;
    this.rates = rates;
    this.newCadreBirthYears = newCadreBirthYears;
  }

  void change(YearMonth month, int periodMonths, Rng rng) {
    double years = periodMonths / 12.0;
    changeUnits(rng, years);
    leave(month, rng, years);
    move(month, rng, years);
    changePosts(month, rng, years);
    fillVacancies(month, rng);
  }

  private void changeUnits(Rng rng, double years) {
    for (Unit unit : district.openUnits()) {
      if (unit.holdsExempt()) {
        continue;
      }
      if (rng.chance(rates.unitCloseRate() * years)) {
        Unit successor = district.newUnit(unit.type, rng);
        unit.open = false;
        for (Seat seat : unit.seats) {
          seat.unit = successor;
          successor.seats.add(seat);
        }
        unit.seats.clear();
      } else if (rng.chance(rates.unitRenameRate() * years)) {
        unit.name = district.renamed(unit);
      }
    }
  }

  private void leave(YearMonth month, Rng rng, double years) {
    for (Seat seat : district.seats) {
      Person person = seat.holder;
      if (person == null || person.exempt) {
        continue;
      }
      if (district.retires(person, month)) {
        district.vacate(person);
      } else if (rng.chance(rates.leaveRate() * years)) {
        district.vacate(person);
        if (rng.chance(rates.rejoinShare())) {
          person.rejoinAt = month.plusYears(rng.between(rates.rejoinAfterYears()[0], rates.rejoinAfterYears()[1]));
          away.add(person);
        }
      }
    }
  }

  private void move(YearMonth month, Rng rng, double years) {
    for (Seat seat : district.seats) {
      if (movable(seat.holder) && rng.chance(rates.moveRate() * years)) {
        Seat other = randomSeat(rng, seat.level, s -> s.unit != seat.unit && (s.holder == null || movable(s.holder)));
        if (other != null) {
          swap(seat, other, month);
        }
      }
    }
  }

  private void changePosts(YearMonth month, Rng rng, double years) {
    for (Seat seat : district.seats) {
      if (movable(seat.holder) && rng.chance(rates.postChangeRate() * years)) {
        List<Seat> others = seat.unit.seats.stream()
            .filter(s -> s != seat && s.level == seat.level && !s.post.equals(seat.post)
                && (s.holder == null || movable(s.holder)))
            .toList();
        if (!others.isEmpty()) {
          swap(seat, rng.pick(others), month);
        }
      }
    }
  }

  private void swap(Seat a, Seat b, YearMonth month) {
    Person first = a.holder;
    Person second = b.holder;
    if (first != null) {
      first.seat = null;
    }
    if (second != null) {
      second.seat = null;
    }
    a.holder = null;
    b.holder = null;
    if (first != null) {
      district.assign(first, b, month);
    }
    if (second != null) {
      district.assign(second, a, month);
    }
  }

  /** Principals first, then deputies, then staff: each promotion opens the seat below. */
  private void fillVacancies(YearMonth month, Rng rng) {
    Deque<Seat> principals = new ArrayDeque<>();
    Deque<Seat> deputies = new ArrayDeque<>();
    Deque<Seat> staff = new ArrayDeque<>();
    for (Seat seat : district.seats) {
      if (seat.holder == null) {
        (seat.level == Level.PRINCIPAL ? principals : seat.level == Level.DEPUTY ? deputies : staff).add(seat);
      }
    }
    while (!principals.isEmpty()) {
      Seat seat = principals.poll();
      List<Seat> sameUnit = seat.unit.seats.stream()
          .filter(s -> s.level == Level.DEPUTY && movable(s.holder)).toList();
      Seat from = rng.chance(rates.principalFromOtherUnit()) || sameUnit.isEmpty()
          ? randomSeat(rng, Level.DEPUTY, s -> movable(s.holder) && s.unit != seat.unit)
          : rng.pick(sameUnit);
      promote(from, seat, month, deputies, staff, rng);
    }
    while (!deputies.isEmpty()) {
      Seat seat = deputies.poll();
      promote(randomSeat(rng, Level.STAFF, s -> movable(s.holder)), seat, month, staff, staff, rng);
    }
    while (!staff.isEmpty()) {
      Seat seat = staff.poll();
      Person person = returning(month);
      if (person == null) {
        person = district.hire(newCadreBirthYears, rng);
      }
      person.rank = district.rankFor(seat.level, rng);
      district.assign(person, seat, month);
    }
  }

  /** Moves the holder of {@code from} up into {@code seat}; without a candidate the seat goes to staff filling. */
  private void promote(Seat from, Seat seat, YearMonth month, Deque<Seat> opened, Deque<Seat> fallback, Rng rng) {
    if (from == null) {
      fallback.add(seat);
      return;
    }
    Person person = from.holder;
    from.holder = null;
    person.seat = null;
    person.rank = district.rankFor(seat.level, rng);
    district.assign(person, seat, month);
    opened.add(from);
  }

  private Person returning(YearMonth month) {
    for (int i = 0; i < away.size(); i++) {
      Person person = away.get(i);
      if (!person.rejoinAt.isAfter(month) && !district.retires(person, month)) {
        away.remove(i);
        person.rejoinAt = null;
        return person;
      }
    }
    return null;
  }

  private static boolean movable(Person person) {
    return person != null && !person.exempt;
  }

  private Seat randomSeat(Rng rng, Level level, java.util.function.Predicate<Seat> wanted) {
    List<Seat> seats = district.seats;
    for (int i = 0; i < TRIES; i++) {
      Seat seat = seats.get(rng.below(seats.size()));
      if (seat.level == level && wanted.test(seat)) {
        return seat;
      }
    }
    return null;
  }
}
