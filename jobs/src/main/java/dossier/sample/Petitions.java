package dossier.sample;

import dossier.sample.District.Person;
import dossier.sample.Matter.Kind;
import dossier.sample.Matter.Version;
import java.time.YearMonth;
import java.util.List;

/**
 * xf_jb: petitions. One is received, then re-sent every month with a newer status (受理 →
 * 办理中 → 办结 with a finding) until closed. Most name the cadre by name and unit only (often
 * without an ID, sometimes with an invalid one that the landing job sets aside); some name
 * people who are no cadre (they match nobody) and some one of a same-name pair without a post
 * (they match two).
 */
final class Petitions {
  private final MatterKit kit;
  private final Admonitions admonitions;

  Petitions(MatterKit kit, Admonitions admonitions) {
    this.kit = kit;
    this.admonitions = admonitions;
  }

  /**
   * A petition about a cadre. {@code forcedFinding}/{@code withId} are for planted ones; a random
   * one has an ID, none or an invalid one by the configured shares (always a valid one for a
   * cadre who shares a name, so that only the planted ambiguous petitions are ambiguous).
   */
  void aboutCadre(Person person, YearMonth month, String forcedFinding, Boolean withId, boolean planted, Rng rng) {
    SampleSettings.Matters rates = kit.rates;
    String id;
    if (withId != null) {
      id = withId ? person.id : null;
    } else if (person.sharesName) {
      id = person.id;
    } else {
      double u = rng.uniform();
      id = u < rates.petitionWithoutId() ? null
          : u < rates.petitionWithoutId() + rates.petitionInvalidId() ? IdNumbers.withWrongCheck(person.id) : person.id;
    }
    String post = rng.chance(0.7) ? person.seat.post : null;
    Tables.Row row = row(person.name, person.seat.unit.name, post, id, month, rng);
    String finding = forcedFinding != null ? forcedFinding : rng.pick(rates.petitionFindings());
    Sent sent = send(row, month, finding, planted, rng, "petition");
    if (sent.delivered().isEmpty()) {
      return;
    }
    kit.truth.petition("resolved");
    if (id == null) {
      kit.truth.petition("without_id");
    } else if (!id.equals(person.id)) {
      kit.truth.petition("invalid_id_set_aside");
    }
    if (!planted && sent.closedWith(kit.codes.substantiated()) && rng.chance(rates.answeredShare())) {
      admonitions.issue(person, sent.closedIn().plusMonths(rng.between(1, 2)), kit.codes.inquiry(), false, rng);
    }
  }

  /** A petition naming someone who is no cadre, in a real unit: it matches nobody. */
  void aboutNobody(String name, String unitName, YearMonth month, Rng rng) {
    Tables.Row row = row(name, unitName, null, null, month, rng);
    Sent sent = send(row, month, rng.pick(kit.rates.petitionFindings()), false, rng, null);
    if (!sent.delivered().isEmpty()) {
      kit.truth.unresolved(row.get("petition_no"), "no_match", List.of());
    }
  }

  /** A petition about one of a same-name pair, by name and unit: ambiguous without the post. */
  void aboutOneOfPair(Person named, Person other, YearMonth month, Rng rng) {
    boolean withPost = rng.chance(kit.rates.petitionWithPost());
    Tables.Row row = row(named.name, named.seat.unit.name, withPost ? named.seat.post : null, null, month, rng);
    Sent sent = send(row, month, rng.pick(kit.rates.petitionFindings()), false, rng, withPost ? "petition" : null);
    if (sent.delivered().isEmpty()) {
      return;
    }
    if (withPost) {
      kit.truth.petition("resolved");
      kit.truth.petition("without_id");
    } else {
      kit.truth.petition("without_id");
      kit.truth.unresolved(row.get("petition_no"), "ambiguous", List.of(named.id, other.id));
    }
  }

  private Tables.Row row(String name, String unitName, String post, String id, YearMonth month, Rng rng) {
    return kit.row("xf_jb").set("petition_no", kit.number("xf_jb", month.getYear())).set("name", name)
        .set("unit_name", unitName).set("post", post).set("id_number", id)
        .set("topic", rng.pick(kit.codes("xf_jb", "topic"))).set("received", MatterKit.day(month, rng));
  }

  /** What was delivered of a petition, and when it closed. */
  private record Sent(List<Version> delivered, YearMonth closedIn, String lastFinding) {
    boolean closedWith(String finding) {
      return finding.equals(lastFinding);
    }
  }

  /** One row per month from the first delivery to the closing month, each with that month's status. */
  private Sent send(Tables.Row row, YearMonth received, String finding, boolean planted, Rng rng, String category) {
    int[] toClose = kit.rates.petitionMonthsToClose();
    YearMonth closed = received.plusMonths(rng.between(toClose[0], toClose[1]));
    YearMonth first = kit.delivery(received, rng, planted);
    Matter matter = new Matter(category, received, planted);
    YearMonth month = first.isAfter(closed) ? closed : first;
    for (; !month.isAfter(closed); month = month.plusMonths(1)) {
      YearMonth delivered = month.isBefore(first) ? first : month;
      String status = month.equals(closed) ? kit.codes.petitionClosed()
          : month.equals(received) ? kit.codes.petitionReceived() : kit.codes.petitionInProgress();
      matter.add(row.with("status", status).with("finding", month.equals(closed) ? finding : null), delivered, Kind.NEW);
    }
    List<Version> delivered = kit.emit(matter);
    if (!delivered.isEmpty()) {
      kit.truth.petition("distinct");
      kit.truth.petitionResends(delivered.size() - 1L);
    }
    Tables.Row last = MatterKit.last(delivered, "xf_jb");
    return new Sent(delivered, closed, last == null ? null : last.get("finding"));
  }
}
