package dossier.sample;

import dossier.contract.DatasetContract;
import dossier.sample.District.Person;
import dossier.sample.District.Seat;
import dossier.sample.District.Unit;
import dossier.sample.Vocabulary.Level;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The planted cases that make the last months worth analysing: a showcase cadre with records of
 * many kinds, cadres touching each threshold line (some answered by a matching zzb_txhx action),
 * units with enough cadres on record for red, orange and yellow warnings, and same-name pairs in
 * one unit. Planted people keep their seat for the whole history; their planted matters are
 * delivered on time and never corrected or revoked. Random matters still come on top, so a
 * planted case is a floor, not an exact figure.
 */
final class Scenarios {
  static final String ASSESSMENT = "assessment";
  static final String PERSONAL_REPORT = "personal_report";
  static final String SANCTION = "sanction";
  static final String ADMONITION = "admonition";
  static final String PETITION = "petition";
  static final String INSTANT_REPORT = "instant_report";
  static final String LEAVE = "leave";
  static final String UNFILED_TRAVEL = "unfiled_travel";
  static final String POLICE = "police";
  static final String EFFICIENCY = "efficiency";
  static final String RECTIFICATION = "rectification";

  private final Map<Integer, List<Plant>> plants = new HashMap<>();
  private final List<Person[]> pairs = new ArrayList<>();
  private final Set<Unit> usedUnits = new HashSet<>();

  /**
   * A planted matter: its month and kind, and the codes it needs (grade, result, class and
   * sanction, finding, kind, cause and outcome, level, leave irregularity).
   */
  record Plant(YearMonth month, String kind, String code, String secondCode, Boolean withId) {}

  static Set<String> kinds(List<Plant> plants) {
    if (plants.isEmpty()) {
      return Set.of();
    }
    Set<String> kinds = new HashSet<>();
    plants.forEach(p -> kinds.add(p.kind()));
    return kinds;
  }

  List<Plant> plants(Person person, YearMonth month) {
    List<Plant> all = plants.get(person.index);
    return all == null ? List.of() : all.stream().filter(p -> p.month().equals(month)).toList();
  }

  List<Person[]> pairs() {
    return pairs;
  }

  /** Chooses and plants every case in the populated district and reports them to the ground truth. */
  void choose(District district, Map<String, DatasetContract> contracts, YearMonth last, int cadres,
      double pairsPerThousand, Rng rng, GroundTruth truth) {
    Codes c = new Codes(contracts);
    String town = c.get("zzb_unit", "unit_type", "镇街");
    boolean towns = district.units.stream().anyMatch(u -> u.type.equals(town));
    Person showcase = person(district, last, rng, s -> s.level == Level.DEPUTY && (!towns || s.unit.type.equals(town)));
    List<Plant> showcasePlants = List.of(
        new Plant(last.minusMonths(14), LEAVE, PersonMatters.LeaveKind.RETURNED_LATE.name(), null, null),
        new Plant(last.minusMonths(11), UNFILED_TRAVEL, null, null, null),
        new Plant(last.minusMonths(10), PETITION, c.get("xf_jb", "finding", "查实"), null, false),
        new Plant(last.minusMonths(8), SANCTION, c.get("jw_cf", "sanction_class", "党纪处分"), c.get("jw_cf", "sanction", "警告"), null),
        new Plant(last.minusMonths(6), ADMONITION, c.get("zzb_txhx", "kind", "诫勉"), null, null),
        new Plant(last.minusMonths(5), EFFICIENCY, c.get("xn_yj", "level", "扣分预警"), null, null),
        new Plant(last.minusMonths(4), INSTANT_REPORT, null, null, null),
        new Plant(last.minusMonths(3), PERSONAL_REPORT, c.get("zzb_grsx", "result", "漏报"), null, null),
        new Plant(YearMonth.of(last.getYear() - 1, 12), ASSESSMENT, c.get("zzb_kh", "grade", "基本称职"), null, null));
    plant(showcase, showcasePlants);
    truth.showcase(describe("showcase: records of many kinds", List.of(showcase), showcasePlants));

    String reminder = c.get("zzb_txhx", "kind", "提醒");
    String inquiry = c.get("zzb_txhx", "kind", "函询");
    String admonishment = c.get("zzb_txhx", "kind", "诫勉");
    String omission = c.get("zzb_grsx", "result", "漏报");
    String earlySign = c.get("xn_yj", "level", "苗头预警");
    single(district, last, rng, truth, "reminder line (score >= 3), answered by 提醒", List.of(
        new Plant(last.minusMonths(5), PERSONAL_REPORT, omission, null, null),
        new Plant(last.minusMonths(4), EFFICIENCY, earlySign, null, null),
        new Plant(last.minusMonths(2), ADMONITION, reminder, null, null)));
    single(district, last, rng, truth, "inquiry line (score >= 6), not answered", List.of(
        new Plant(last.minusMonths(6), SANCTION, c.get("jw_cf", "sanction_class", "党纪处分"), c.get("jw_cf", "sanction", "严重警告"), null)));
    single(district, last, rng, truth, "admonishment line (score >= 10), answered by 诫勉", List.of(
        new Plant(last.minusMonths(7), SANCTION, c.get("jw_cf", "sanction_class", "政务处分"), c.get("jw_cf", "sanction", "记大过"), null),
        new Plant(last.minusMonths(6), PETITION, c.get("xf_jb", "finding", "部分查实"), null, true),
        new Plant(last.minusMonths(2), ADMONITION, admonishment, null, null)));
    single(district, last, rng, truth, "inquiry line by a substantiated petition (查实), answered by 函询", List.of(
        new Plant(last.minusMonths(8), PETITION, c.get("xf_jb", "finding", "查实"), null, true),
        new Plant(last.minusMonths(3), ADMONITION, inquiry, null, null)));
    single(district, last, rng, truth, "admonishment line by a severe record (醉酒驾驶), not answered", List.of(
        new Plant(last.minusMonths(5), POLICE, c.get("ga_wf", "cause", "醉酒驾驶"), c.get("ga_wf", "outcome", "行政拘留"), null)));

    unitCase(district, last, rng, truth, "red unit: three cadres on record in the last 12 months", List.of(
        new Plant(last.minusMonths(6), RECTIFICATION, null, null, null),
        new Plant(last.minusMonths(5), PERSONAL_REPORT, omission, null, null),
        new Plant(last.minusMonths(4), EFFICIENCY, earlySign, null, null)));
    unitCase(district, last, rng, truth, "orange unit: two cadres on record in the last 12 months", List.of(
        new Plant(last.minusMonths(5), RECTIFICATION, null, null, null),
        new Plant(last.minusMonths(3), EFFICIENCY, earlySign, null, null)));
    unitCase(district, last, rng, truth, "yellow unit: one cadre on record in the last 12 months", List.of(
        new Plant(last.minusMonths(4), PERSONAL_REPORT, omission, null, null)));

    int pairCount = Math.max(1, (int) Math.round(cadres * pairsPerThousand / 1000));
    for (int i = 0; i < pairCount; i++) {
      pair(district, last, rng, truth);
    }
  }

  private void single(District district, YearMonth last, Rng rng, GroundTruth truth, String purpose, List<Plant> planted) {
    Person person = person(district, last, rng, s -> true);
    plant(person, planted);
    truth.scenario(describe(purpose, List.of(person), planted));
  }

  /** One plant per cadre of one unit of 5 to 10 seats (so that the shares reach the level). */
  private void unitCase(District district, YearMonth last, Rng rng, GroundTruth truth, String purpose, List<Plant> planted) {
    Unit unit = unit(district, rng, u -> u.seats.size() >= 5 && u.seats.size() <= 10);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < planted.size(); i++) {
      Person person = seated(district, unit.seats.get(i), last, rng);
      plant(person, List.of(planted.get(i)));
      people.add(person);
    }
    truth.scenario(describe(purpose, people, planted));
  }

  /** Two staff of one unit, with different posts, given one name. */
  private void pair(District district, YearMonth last, Rng rng, GroundTruth truth) {
    Unit unit = unit(district, rng, u -> u.seats.stream().filter(s -> s.level == Level.STAFF).map(s -> s.post)
        .distinct().count() >= 2);
    List<Seat> staff = unit.seats.stream().filter(s -> s.level == Level.STAFF).toList();
    Seat second = staff.stream().filter(s -> !s.post.equals(staff.get(0).post)).findFirst().orElseThrow();
    Person a = seated(district, staff.get(0), last, rng);
    Person b = seated(district, second, last, rng);
    b.name = a.name;
    a.sharesName = true;
    b.sharesName = true;
    pairs.add(new Person[] {a, b});
    truth.scenario(describe("same-name pair in one unit (petitions without ID and post are ambiguous)",
        List.of(a, b), List.of()));
  }

  private Person person(District district, YearMonth last, Rng rng, Predicate<Seat> wanted) {
    Unit unit = unit(district, rng, u -> u.seats.stream().anyMatch(wanted));
    return seated(district, unit.seats.stream().filter(wanted).findFirst().orElseThrow(), last, rng);
  }

  private Unit unit(District district, Rng rng, Predicate<Unit> wanted) {
    List<Unit> candidates = district.units.stream().filter(u -> !usedUnits.contains(u) && wanted.test(u)).toList();
    if (candidates.isEmpty()) {
      throw new IllegalStateException("the district is too small for the planted scenarios");
    }
    Unit unit = rng.pick(candidates);
    usedUnits.add(unit);
    return unit;
  }

  /** The seat's holder, exempt from career changes; replaced by a younger cadre if they would retire before the end. */
  private static Person seated(District district, Seat seat, YearMonth last, Rng rng) {
    Person person = seat.holder;
    if (!district.staysUntil(person, last)) {
      Person younger = district.hire(new int[] {1975, 1988}, rng);
      younger.rank = person.rank;
      YearMonth since = YearMonth.from(person.postSince);
      district.vacate(person);
      district.assign(younger, seat, since);
      person = younger;
    }
    person.exempt = true;
    return person;
  }

  private void plant(Person person, List<Plant> planted) {
    plants.computeIfAbsent(person.index, i -> new ArrayList<>()).addAll(planted);
  }

  private static Map<String, Object> describe(String purpose, List<Person> people, List<Plant> planted) {
    Map<String, Object> scenario = new LinkedHashMap<>();
    scenario.put("purpose", purpose);
    if (people.size() == 1) {
      Person person = people.get(0);
      scenario.put("id_number", person.id);
      scenario.put("name", person.name);
      scenario.put("unit_code", person.seat.unit.code);
    } else {
      scenario.put("id_numbers", people.stream().map(p -> p.id).toList());
      scenario.put("name", people.get(0).name);
      scenario.put("unit_code", people.get(0).seat.unit.code);
    }
    List<Map<String, Object>> plantedList = new ArrayList<>();
    for (Plant plant : planted) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("month", plant.month().toString());
      item.put("kind", plant.kind());
      item.put("code", plant.secondCode() == null ? plant.code() : plant.code() + "/" + plant.secondCode());
      plantedList.add(item);
    }
    scenario.put("planted", plantedList);
    return scenario;
  }

  /** Codes named by the scenarios, checked against the contracts. */
  private record Codes(Map<String, DatasetContract> contracts) {
    String get(String dataset, String column, String code) {
      return DomainCodes.code(contracts, dataset, column, code);
    }
  }
}
