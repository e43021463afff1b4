package dossier.sample;

import dossier.sample.District.Person;
import java.time.YearMonth;

/**
 * zzb_txhx: reminders, inquiry letters and admonishments issued, by chance or in answer to a
 * sanction or a substantiated petition (which closes the pipeline's trigger).
 */
final class Admonitions {
  private final MatterKit kit;

  Admonitions(MatterKit kit) {
    this.kit = kit;
  }

  void issue(Person person, YearMonth month, String kind, boolean planted, Rng rng) {
    Tables.Row row = kit.row("zzb_txhx").set("id_number", person.id).set("name", person.name).set("kind", kind)
        .set("reason", rng.pick(kit.vocabulary.admonitionReasons())).set("issued", MatterKit.day(month, rng))
        .set("doc_no", kit.number("zzb_txhx", month.getYear()));
    kit.oneRow("admonition", row, month, kit.delivery(month, rng, planted), planted, rng,
        r -> r.with("reason", rng.pick(kit.vocabulary.admonitionReasons())), true);
  }
}
