package dossier.sample;

import dossier.sample.District.Person;
import dossier.sample.Matter.Kind;
import dossier.sample.Matter.Version;
import dossier.sample.SampleSettings.SanctionKind;
import dossier.sample.Vocabulary.Level;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The matters of one cadre in one month, each by chance at its yearly rate (or planted by a
 * scenario): annual assessment, personal-matter report check, sanction (jw_cf and often zzb_cf),
 * admonition, petition, instant report, leave, travel abroad, police, procuratorate and court
 * cases, audit, efficiency warning, rectification problem and inspection result.
 */
final class PersonMatters {
  private final MatterKit kit;
  private final Admonitions admonitions;
  private final Petitions petitions;
  private final long seed;

  PersonMatters(MatterKit kit, long seed) {
    this.kit = kit;
    this.admonitions = new Admonitions(kit);
    this.petitions = new Petitions(kit, admonitions);
    this.seed = seed;
  }

  Petitions petitions() {
    return petitions;
  }

  /** Everything that happens to {@code person} in {@code month}, planted matters included. */
  void month(Person person, YearMonth month, List<Scenarios.Plant> planted) {
    Rng rng = Rng.of(seed, 1, person.index, kit.calendar.index(month));
    Set<String> plantedKinds = Scenarios.kinds(planted);
    for (Scenarios.Plant plant : planted) {
      plant(person, month, plant, rng);
    }
    SampleSettings.Matters rates = kit.rates;
    if (month.getMonthValue() == 12 && !plantedKinds.contains(Scenarios.ASSESSMENT)) {
      assessment(person, month, null, false, rng);
    }
    if (month.getMonthValue() == 4 + person.index % 6 && rng.chance(rates.personalReportChecked())
        && !plantedKinds.contains(Scenarios.PERSONAL_REPORT)) {
      personalReport(person, month, null, false, rng);
    }
    if (MatterKit.monthly(rng, rates.sanctionRate())
        && (person.lastSanction == null || !person.lastSanction.plusMonths(6).isAfter(month))) {
      sanction(person, month, null, false, rng);
    }
    if (MatterKit.monthly(rng, rates.admonitionRate())) {
      admonitions.issue(person, month, rng.pick(rates.admonitionKinds()), false, rng);
    }
    if (MatterKit.monthly(rng, rates.petitionRate())) {
      petitions.aboutCadre(person, month, null, null, false, rng);
    }
    if (MatterKit.monthly(rng, rates.instantReportRate()) && !plantedKinds.contains(Scenarios.INSTANT_REPORT)) {
      instantReport(person, month, rng.chance(rates.instantReportLateShare()), false, rng);
    }
    if (MatterKit.monthly(rng, rates.leaveRate()) && !plantedKinds.contains(Scenarios.LEAVE)) {
      leave(person, month, randomLeaveKind(month, rng), false, rng);
    }
    travel(person, month, rng);
    if (MatterKit.monthly(rng, rates.policeRate())) {
      police(person, month, rng.pick(rates.policeCauses()), rng.pick(rates.policeOutcomes()), false, rng);
    }
    if (MatterKit.monthly(rng, rates.procuratorateRate())) {
      procuratorate(person, month, rng);
    }
    if (MatterKit.monthly(rng, rates.courtRate())) {
      court(person, month, rng);
    }
    if (person.seat.level == Level.PRINCIPAL && MatterKit.monthly(rng, rates.auditRate())) {
      audit(person, month, rng);
    }
    if (MatterKit.monthly(rng, rates.efficiencyPersonRate()) && !plantedKinds.contains(Scenarios.EFFICIENCY)) {
      efficiency(person, month, rng.pick(rates.efficiencyLevels()), false, rng);
    }
    if (MatterKit.monthly(rng, rates.rectificationRate()) && !plantedKinds.contains(Scenarios.RECTIFICATION)) {
      rectification(person, month, false, rng);
    }
    if (MatterKit.monthly(rng, rates.inspectionRate())) {
      inspection(person, month, rng);
    }
  }

  private void plant(Person person, YearMonth month, Scenarios.Plant plant, Rng rng) {
    switch (plant.kind()) {
      case Scenarios.ASSESSMENT -> assessment(person, month, plant.code(), true, rng);
      case Scenarios.PERSONAL_REPORT -> personalReport(person, month, plant.code(), true, rng);
      case Scenarios.SANCTION -> sanction(person, month, plant, true, rng);
      case Scenarios.ADMONITION -> admonitions.issue(person, month, plant.code(), true, rng);
      case Scenarios.PETITION -> petitions.aboutCadre(person, month, plant.code(), plant.withId(), true, rng);
      case Scenarios.INSTANT_REPORT -> instantReport(person, month, true, true, rng);
      case Scenarios.LEAVE -> leave(person, month, LeaveKind.valueOf(plant.code()), true, rng);
      case Scenarios.UNFILED_TRAVEL -> trip(person, month, false, true, rng);
      case Scenarios.POLICE -> police(person, month, plant.code(), plant.secondCode(), true, rng);
      case Scenarios.EFFICIENCY -> efficiency(person, month, plant.code(), true, rng);
      case Scenarios.RECTIFICATION -> rectification(person, month, true, rng);
      default -> throw new IllegalArgumentException("unknown planted kind " + plant.kind());
    }
  }

  /** zzb_kh: the year's grade and five factor scores, delivered in January to March. */
  private void assessment(Person person, YearMonth december, String forcedGrade, boolean planted, Rng rng) {
    String grade = forcedGrade != null ? forcedGrade : rng.pick(kit.rates.assessmentGrades());
    List<String> grades = kit.codes("zzb_kh", "grade");
    // The contract lists grades best first: the better the grade, the higher the scores.
    double shift = (grades.size() - 1) / 2.0 - grades.indexOf(grade);
    double level = Rng.of(seed, 2, person.index).gaussian(82, 5) + shift * 5;
    Tables.Row row = kit.row("zzb_kh").set("id_number", person.id).set("name", person.name)
        .set("year", december.getYear()).set("grade", grade);
    String[] factors = {"score_de", "score_neng", "score_qin", "score_ji", "score_lian"};
    int missing = rng.chance(kit.rates.assessmentMissingScoreShare()) ? rng.below(factors.length) : -1;
    for (int i = 0; i < factors.length; i++) {
      row.set(factors[i], i == missing ? null : score(level + rng.gaussian(0, 3)));
    }
    YearMonth delivered = planted ? december.plusMonths(1) : december.plusMonths(1 + person.seat.unit.index % 3);
    String corrected = factors[missing == 0 ? 1 : 0];
    kit.oneRow("assessment", row, december, delivered, planted, rng,
        r -> r.with(corrected, score(Double.parseDouble(r.get(corrected)) + rng.between(1, 3))), false);
  }

  private static String score(double value) {
    return Digits.decimal(Math.max(40, Math.min(99.5, value)), 1);
  }

  /** zzb_grsx: the check of last year's personal-matter report. */
  private void personalReport(Person person, YearMonth month, String forcedResult, boolean planted, Rng rng) {
    String result = forcedResult != null ? forcedResult : rng.pick(kit.rates.personalReportResults());
    List<String> actions = kit.vocabulary.personalReportActions().getOrDefault(result, List.of());
    Tables.Row row = kit.row("zzb_grsx").set("id_number", person.id).set("name", person.name)
        .set("year", month.getYear() - 1).set("check_date", MatterKit.day(month, rng)).set("result", result)
        .set("action", actions.isEmpty() ? null : rng.pick(actions));
    kit.oneRow("personal_report", row, month, kit.delivery(month, rng, planted), planted, rng,
        actions.size() < 2 ? null
        : r -> r.with("action", actions.get((actions.indexOf(r.get("action")) + 1) % actions.size())), true);
  }

  /**
   * jw_cf, and with a share zzb_cf: one sanction, two records. zzb_cf has the same doc_no and
   * date, or no doc_no and a decision date up to the merge window apart.
   */
  private void sanction(Person person, YearMonth month, Scenarios.Plant plant, boolean planted, Rng rng) {
    SanctionKind kind = plant != null ? new SanctionKind(plant.code(), plant.secondCode()) : rng.pick(kit.rates.sanctions());
    person.lastSanction = month;
    LocalDate decided = MatterKit.day(month, rng);
    String docNo = kit.number("jw_cf", month.getYear());
    Tables.Row jw = kit.row("jw_cf").set("id_number", person.id).set("name", person.name)
        .set("unit_name", person.seat.unit.name).set("sanction_class", kind.sanctionClass())
        .set("sanction", kind.sanction()).set("opened", decided.minusDays(rng.between(20, 120)))
        .set("decided", decided).set("doc_no", docNo);
    YearMonth delivered = kit.delivery(month, rng, planted);
    Matter matter = new Matter("sanction", month, planted).add(jw, delivered, Kind.NEW);
    kit.amend(matter, jw, delivered, rng,
        r -> r.with("opened", LocalDate.parse(r.get("opened")).minusDays(rng.between(1, 9))), false);
    boolean inZzb = planted || rng.chance(kit.rates.sanctionInZzbCf());
    boolean sameDocNo = planted || rng.chance(kit.rates.zzbCfWithDocNo());
    if (inZzb) {
      int window = kit.windows.sanctionDecisionWindowDays();
      LocalDate zzbDecided = sameDocNo ? decided : decided.plusDays(rng.between(-window, window));
      Tables.Row zzb = kit.row("zzb_cf").set("id_number", person.id).set("name", person.name)
          .set("unit_name", person.seat.unit.name).set("sanction_class", kind.sanctionClass())
          .set("sanction", kind.sanction()).set("decided", zzbDecided).set("doc_no", sameDocNo ? docNo : null);
      matter.add(zzb, planted ? delivered : delivered.plusMonths(rng.between(0, 2)), Kind.NEW);
    }
    List<Version> sent = kit.emit(matter);
    boolean jwSent = MatterKit.any(sent, "jw_cf");
    boolean zzbSent = MatterKit.any(sent, "zzb_cf");
    if (jwSent && zzbSent) {
      kit.truth.sanction(sameDocNo ? "merged_by_doc_no" : "merged_by_date_window");
    } else if (jwSent || zzbSent) {
      kit.truth.sanction(jwSent ? "jw_only" : "zzb_only");
    }
    if (!planted && rng.chance(kit.rates.answeredShare())) {
      admonitions.issue(person, month.plusMonths(rng.between(1, 2)), kit.codes.admonishment(), false, rng);
    }
  }

  /** zzb_jsbg: an instant report, late (more than the window after the occurrence) by chance. */
  private void instantReport(Person person, YearMonth month, boolean late, boolean planted, Rng rng) {
    int window = kit.windows.instantReportLateDays();
    LocalDate occurred = planted ? month.atDay(3) : MatterKit.day(month, rng);
    LocalDate reported = occurred.plusDays(late ? rng.between(window + 1, window + 60) : rng.between(0, Math.min(20, window)));
    Tables.Row row = kit.row("zzb_jsbg").set("id_number", person.id).set("name", person.name)
        .set("matter", rng.pick(kit.vocabulary.instantReportMatters())).set("occurred", occurred).set("reported", reported);
    List<Version> sent = kit.oneRow("instant_report", row, month, kit.delivery(YearMonth.from(reported), rng, planted),
        planted, rng, null, false);
    if (!sent.isEmpty() && ChronoUnit.DAYS.between(occurred, reported) > window) {
      kit.truth.derived("late_instant_report");
    }
  }

  /** The irregularity a leave is generated with. */
  enum LeaveKind { REGULAR, UNAPPROVED, RETURNED_LATE, NOT_CLOSED }

  private LeaveKind randomLeaveKind(YearMonth month, Rng rng) {
    int monthsLeft = kit.calendar.index(kit.calendar.last()) - kit.calendar.index(month);
    if (rng.chance(kit.rates.leaveUnapprovedShare())) {
      return LeaveKind.UNAPPROVED;
    }
    if (monthsLeft > 2 && rng.chance(kit.rates.leaveReturnedLateShare())) {
      return LeaveKind.RETURNED_LATE;
    }
    // Never closed only long before the end, so the as-of date does not matter.
    return monthsLeft >= 6 && rng.chance(kit.rates.leaveNotClosedShare()) ? LeaveKind.NOT_CLOSED : LeaveKind.REGULAR;
  }

  /**
   * zzb_qj: a leave. Delivered in its month; if the cadre returns after that month, the return
   * date comes later as a correction (更正). Leaves of the last months end and return within
   * their month.
   */
  private void leave(Person person, YearMonth month, LeaveKind kind, boolean planted, Rng rng) {
    boolean lastMonths = kit.calendar.index(kit.calendar.last()) - kit.calendar.index(month) <= 2;
    String type = rng.pick(kit.rates.leaveTypes());
    LocalDate start = MatterKit.day(month, rng, 1, lastMonths || planted ? 12 : 25);
    LocalDate end = start.plusDays(rng.between(0, lastMonths ? 5 : 9));
    int lateDays = kit.windows.leaveReturnedLateDays();
    LocalDate returned = switch (kind) {
      case REGULAR, UNAPPROVED -> end.plusDays(rng.between(0, Math.min(2, lateDays)));
      case RETURNED_LATE -> end.plusDays(rng.between(lateDays + 1, lateDays + 12));
      case NOT_CLOSED -> null;
    };
    Tables.Row row = kit.row("zzb_qj").set("id_number", person.id).set("name", person.name).set("leave_type", type)
        .set("start", start).set("end", end)
        .set("approval", kind == LeaveKind.UNAPPROVED ? kit.codes.leaveRefused() : kit.codes.leaveApproved());
    YearMonth delivered = kit.delivery(month, rng, planted);
    boolean returnedByThen = returned != null && !returned.isAfter(Calendar.lastDay(delivered));
    Matter matter = new Matter("leave", month, planted)
        .add(row.with("returned", returnedByThen ? returned : null), delivered, Kind.NEW);
    if (returned != null && !returnedByThen) {
      matter.add(row.with("returned", returned), YearMonth.from(returned), Kind.CORRECTION);
    }
    Tables.Row last = MatterKit.last(kit.emit(matter), "zzb_qj");
    if (last != null) {
      leaveIrregularities(last);
    }
  }

  private void leaveIrregularities(Tables.Row leave) {
    LocalDate end = LocalDate.parse(leave.get("end"));
    String returned = leave.get("returned");
    SampleSettings.Windows windows = kit.windows;
    if (leave.get("approval").equals(kit.codes.leaveRefused())) {
      kit.truth.leaveIrregularity("未经批准离岗");
    }
    if (returned != null && ChronoUnit.DAYS.between(end, LocalDate.parse(returned)) > windows.leaveReturnedLateDays()) {
      kit.truth.leaveIrregularity("逾期销假");
    }
    if (returned == null && ChronoUnit.DAYS.between(end, kit.asOf) > windows.leaveNotClosedDays()) {
      kit.truth.leaveIrregularity("超期未销假");
    }
  }

  /** A trip abroad with a filing, or one without, at most one every two months. */
  private void travel(Person person, YearMonth month, Rng rng) {
    if (person.lastTrip != null && person.lastTrip.plusMonths(2).isAfter(month)) {
      return;
    }
    if (MatterKit.monthly(rng, kit.rates.travelRate())) {
      trip(person, month, true, false, rng);
    } else if (MatterKit.monthly(rng, kit.rates.unfiledTravelRate())) {
      trip(person, month, false, false, rng);
    }
  }

  /**
   * zzb_crjbb (when filed) and ga_crj: a filing, and the exit and entry if the trip happens (a
   * refused filing is sometimes ignored). An exit not covered by an approved, delivered filing is
   * unfiled travel.
   */
  private void trip(Person person, YearMonth month, boolean filed, boolean planted, Rng rng) {
    person.lastTrip = month;
    int early = kit.windows.travelExitEarlyDays();
    LocalDate plannedExit = MatterKit.day(month, rng, 5, 18);
    LocalDate plannedEntry = plannedExit.plusDays(rng.between(3, 12));
    String destination = rng.pick(kit.vocabulary.travelDestinations());
    boolean approved = filed && !rng.chance(kit.rates.travelRefusedShare());
    boolean covered = false;
    if (filed) {
      Tables.Row filing = kit.row("zzb_crjbb").set("id_number", person.id).set("name", person.name)
          .set("planned_exit", plannedExit).set("planned_entry", plannedEntry).set("destination", destination)
          .set("approval", approved ? kit.codes.filingApproved() : kit.codes.filingRefused());
      List<Version> sent = kit.oneRow("travel_filing", filing, month, kit.delivery(month, rng, planted), planted, rng,
          null, false);
      covered = approved && !sent.isEmpty();
      if (!approved && !rng.chance(0.2)) {
        return;
      }
    }
    LocalDate exit = plannedExit.plusDays(rng.between(-Math.min(2, early), 1));
    LocalDate entry = plannedEntry.plusDays(rng.between(-1, 0));
    String port = rng.pick(kit.vocabulary.travelPorts());
    boolean exitSent = crossing(person, kit.codes.exit(), exit, port, destination, planted, rng);
    crossing(person, kit.codes.entry(), entry, port, destination, planted, rng);
    boolean inWindow = !exit.isBefore(plannedExit.minusDays(early)) && !exit.isAfter(plannedEntry);
    if (exitSent && !(covered && inWindow)) {
      kit.truth.derived("unfiled_travel");
    }
  }

  private boolean crossing(Person person, String direction, LocalDate crossed, String port, String destination,
      boolean planted, Rng rng) {
    Tables.Row row = kit.row("ga_crj").set("id_number", person.id).set("name", person.name).set("direction", direction)
        .set("crossed", crossed).set("port", port).set("destination", destination);
    YearMonth month = YearMonth.from(crossed);
    return !kit.oneRow("border_crossing", row, month, kit.delivery(month, rng, planted), planted, rng, null, false)
        .isEmpty();
  }

  /** ga_wf: a police case. */
  private void police(Person person, YearMonth month, String cause, String outcome, boolean planted, Rng rng) {
    Tables.Row row = kit.row("ga_wf").set("id_number", person.id).set("name", person.name).set("cause", cause)
        .set("outcome", outcome).set("occurred", MatterKit.day(month, rng))
        .set("case_no", kit.number("ga_wf", month.getYear()));
    kit.oneRow("police", row, month, kit.delivery(month, rng, planted), planted, rng,
        r -> r.with("outcome", rng.pick(kit.rates.policeOutcomes())), true);
  }

  /** jcy_aj: a case accepted for review, and months later its outcome (the latest stage wins). */
  private void procuratorate(Person person, YearMonth month, Rng rng) {
    Tables.Row row = kit.row("jcy_aj").set("id_number", person.id).set("name", person.name)
        .set("category", rng.pick(kit.vocabulary.procuratorateCategories()))
        .set("stage", kit.rates.procuratorateFirstStage()).set("dated", MatterKit.day(month, rng))
        .set("case_no", kit.number("jcy_aj", month.getYear()));
    YearMonth outcomeMonth = month.plusMonths(rng.between(2, 5));
    YearMonth first = kit.delivery(month, rng, false);
    YearMonth outcomeDelivered = kit.delivery(outcomeMonth, rng, false);
    Matter matter = new Matter("procuratorate", month, false).add(row, first, Kind.NEW)
        .add(row.with("stage", rng.pick(kit.rates.procuratorateOutcomes())).with("dated", MatterKit.day(outcomeMonth, rng)),
            outcomeDelivered.isBefore(first) ? first : outcomeDelivered, Kind.NEW);
    kit.emit(matter);
  }

  /** fy_aj: a court case the cadre is party to. */
  private void court(Person person, YearMonth month, Rng rng) {
    SampleSettings.Matters rates = kit.rates;
    String type = rng.pick(rates.courtCaseTypes());
    LocalDate filed = MatterKit.day(month, rng);
    YearMonth delivered = kit.delivery(month, rng, false);
    LocalDate closed = filed.plusDays(rng.between(30, 200));
    boolean closedByThen = !closed.isAfter(Calendar.lastDay(delivered));
    boolean dishonest = type.equals(rates.courtDishonestDebtorCaseType()) && rng.chance(rates.courtDishonestDebtorShare());
    Tables.Row row = kit.row("fy_aj").set("name", person.name).set("id_number", person.id).set("case_type", type)
        .set("party_role", rng.pick(rates.courtRoles().get(type))).set("filed", filed)
        .set("closed", closedByThen ? closed : null)
        .set("verdict", closedByThen ? rng.pick(kit.vocabulary.courtVerdicts()) : null)
        .set("dishonest_debtor", dishonest ? kit.codes.yes() : kit.codes.no())
        .set("case_no", kit.number("fy_aj", month.getYear()));
    kit.oneRow("court", row, month, delivered, false, rng, null, false);
  }

  /** sj_jzsj: an economic-responsibility audit of a principal. */
  private void audit(Person person, YearMonth month, Rng rng) {
    String rating = rng.pick(kit.rates.auditRatings());
    // The contract lists ratings best first: worse ratings find larger amounts.
    int worse = kit.codes("sj_jzsj", "rating").indexOf(rating) + 1;
    Tables.Row row = kit.row("sj_jzsj").set("id_number", person.id).set("name", person.name)
        .set("unit_name", person.seat.unit.name)
        .set("period_start", month.minusMonths(rng.between(24, 48)).atDay(1))
        .set("period_end", month.minusMonths(rng.between(1, 6)).atDay(1))
        .set("reported", MatterKit.day(month, rng)).set("rating", rating)
        .set("amount_wan", amount(worse * worse * rng.uniform() * 20))
        .set("referred", rng.chance(kit.rates.auditReferredShare()) ? kit.codes.yes() : kit.codes.no())
        .set("doc_no", kit.number("sj_jzsj", month.getYear()));
    kit.oneRow("audit", row, month, kit.delivery(month, rng, false), false, rng,
        r -> r.with("amount_wan", amount(rng.uniform() * 50)), true);
  }

  private static String amount(double value) {
    return Digits.decimal(value, 2);
  }

  /** xn_yj on a person: a warning with points by level (the contract lists levels weakest first). */
  private void efficiency(Person person, YearMonth month, String level, boolean planted, Rng rng) {
    Tables.Row row = Efficiency.warning(kit, level, month, rng).set("target_type", kit.codes.personTarget())
        .set("unit_code", person.seat.unit.code).set("id_number", person.id);
    kit.oneRow("efficiency", row, month, kit.delivery(month, rng, planted), planted, rng,
        r -> r.with("reason", rng.pick(kit.vocabulary.efficiencyReasons())), true);
  }

  /** zx_wt without a rating: a problem found by a special rectification campaign. */
  private void rectification(Person person, YearMonth month, boolean planted, Rng rng) {
    String remedy = rng.pick(kit.rates.rectificationRemedies());
    Tables.Row row = kit.row("zx_wt").set("id_number", person.id).set("name", person.name)
        .set("campaign", rng.pick(kit.vocabulary.rectificationCampaigns()))
        .set("problem", rng.pick(kit.vocabulary.rectificationProblems()))
        .set("found", planted ? month.atDay(20) : MatterKit.day(month, rng)).set("remedy", remedy);
    kit.oneRow("rectification", row, month, kit.delivery(month, rng, planted), planted, rng,
        r -> r.with("remedy", rng.pick(kit.rates.rectificationRemedies())), true);
  }

  /** zx_wt with a rating: a research-style inspection's verdict on the cadre. */
  private void inspection(Person person, YearMonth month, Rng rng) {
    Tables.Row row = kit.row("zx_wt").set("id_number", person.id).set("name", person.name)
        .set("campaign", month.getYear() + "年" + rng.pick(kit.vocabulary.inspectionCampaigns()))
        .set("problem", rng.pick(kit.vocabulary.inspectionProblems()))
        .set("found", MatterKit.day(month, rng)).set("rating", rng.pick(kit.rates.inspectionRatings()));
    kit.oneRow("rectification", row, month, kit.delivery(month, rng, false), false, rng, null, false);
  }
}
