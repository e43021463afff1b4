package dossier.sample;

import java.time.YearMonth;
import java.util.List;

/** xn_yj rows, on persons and on units. */
final class Efficiency {
  private Efficiency() {}

  /**
   * A warning of {@code level} in {@code month}, without its target. Points grow with the level
   * (the contract lists levels weakest first): none for an early sign, 1–3 for a deduction, 5
   * for a joint warning.
   */
  static Tables.Row warning(MatterKit kit, String level, YearMonth month, Rng rng) {
    List<String> levels = kit.codes("xn_yj", "level");
    int rank = levels.indexOf(level);
    String points = rank <= 0 ? null : Integer.toString(rank == 1 ? rng.between(1, 3) : 5);
    return kit.row("xn_yj").set("warning_no", kit.number("xn_yj", month.getYear())).set("level", level)
        .set("reason", rng.pick(kit.vocabulary.efficiencyReasons())).set("issued", MatterKit.day(month, rng))
        .set("points", points);
  }
}
