package dossier.sample;

import dossier.sample.District.Unit;
import java.time.YearMonth;
import java.util.List;

/**
 * The records about a unit in one month: team assessment (zzb_bzkh) and party-building
 * assessment (dj_kh) each year (dj_kh also each quarter from a configured year), efficiency
 * warnings on the unit, and petitions naming someone of the unit who is no cadre.
 */
final class UnitMatters {
  private final MatterKit kit;
  private final Petitions petitions;
  private final PersonNames names;
  private final long seed;

  UnitMatters(MatterKit kit, Petitions petitions, PersonNames names, long seed) {
    this.kit = kit;
    this.petitions = petitions;
    this.names = names;
    this.seed = seed;
  }

  void month(Unit unit, YearMonth month) {
    Rng rng = Rng.of(seed, 4, unit.index, kit.calendar.index(month));
    double level = Rng.of(seed, 5, unit.index).gaussian(84, 4);
    if (month.getMonthValue() == 12) {
      teamAssessment(unit, month, level, rng);
      partyBuilding(unit, month, Integer.toString(month.getYear()), month.plusMonths(1 + unit.index % 3), level, rng);
    }
    if (month.getMonthValue() % 3 == 0 && month.getYear() >= kit.rates.partyBuildingQuarterlyFrom()) {
      String period = month.getYear() + "Q" + month.getMonthValue() / 3;
      partyBuilding(unit, month, period, kit.delivery(month.plusMonths(1), rng, false), level, rng);
    }
    if (MatterKit.monthly(rng, kit.rates.efficiencyUnitRate())) {
      Tables.Row row = Efficiency.warning(kit, rng.pick(kit.rates.efficiencyLevels()), month, rng)
          .set("target_type", kit.codes.unitTarget()).set("unit_code", unit.code);
      unitRecord(kit.oneRow(null, row, month, kit.delivery(month, rng, false), false, rng,
          r -> r.with("reason", rng.pick(kit.vocabulary.efficiencyReasons())), true), "xn_yj");
    }
    if (MatterKit.monthly(rng, kit.rates.petitionAboutNobodyRate())) {
      petitions.aboutNobody(names.nobody(), unit.name, month, rng);
    }
  }

  private void teamAssessment(Unit unit, YearMonth december, double level, Rng rng) {
    Tables.Row row = kit.row("zzb_bzkh").set("unit_code", unit.code).set("year", december.getYear());
    for (String factor : List.of("score_political", "score_leadership", "score_results", "score_integrity")) {
      row.set(factor, Digits.decimal(Math.min(99.5, level + rng.gaussian(0, 3)), 1));
    }
    unitRecord(kit.oneRow(null, row, december, december.plusMonths(1 + unit.index % 3), false, rng, null, false),
        "zzb_bzkh");
  }

  private void partyBuilding(Unit unit, YearMonth month, String period, YearMonth delivered, double level, Rng rng) {
    double score = Math.max(50, Math.min(99, level + rng.gaussian(0, 5)));
    String grade = kit.rates.partyBuildingGrades().stream().filter(g -> score >= g.from()).findFirst()
        .map(SampleSettings.GradeFrom::grade).orElse(null);
    Tables.Row row = kit.row("dj_kh").set("unit_code", unit.code).set("period", period)
        .set("score", Digits.decimal(score, 1)).set("grade", grade);
    unitRecord(kit.oneRow(null, row, month, delivered, false, rng, null, false), "dj_kh");
  }

  private void unitRecord(List<Matter.Version> delivered, String dataset) {
    if (!delivered.isEmpty()) {
      kit.truth.unitRecord(dataset);
    }
  }
}
