package dossier.sample;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dossier.settings.ConfigReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words the generator draws from (names, units, posts, free text), read from the
 * resource {@code dossier/sample/vocabulary.conf}. Numbers live in reference.conf, header
 * spellings and code lists in the dataset contracts.
 */
record Vocabulary(
    List<String> surnames, List<String> givenFirst, List<String> givenSecond, List<String> givenSingle,
    List<String> minorityFirst, List<String> minorityLast, List<String> nobodySurnames,
    Map<String, List<String>> units, String townSuffix, String subdistrictSuffix, List<String> placeSyllables,
    Map<String, Map<Level, List<String>>> posts, String principalRank, String deputyRank, List<StaffRank> staffRanks,
    List<String> instantReportMatters, List<String> admonitionReasons, Map<String, List<String>> personalReportActions,
    List<String> procuratorateCategories, List<String> courtVerdicts, List<String> efficiencyReasons,
    List<String> rectificationCampaigns, List<String> inspectionCampaigns, List<String> rectificationProblems,
    List<String> inspectionProblems, List<String> travelDestinations, List<String> travelPorts,
    String rowCounterHeader, String remarkHeader, List<String> remarks, List<String> footerTexts,
    Map<String, String> numbers, String unknownCode, List<String> unparseableDates) {

  static final String RESOURCE = "dossier/sample/vocabulary.conf";

  /** Seat levels of a unit: the principal, the team's deputies, staff outside the team. */
  enum Level { PRINCIPAL, DEPUTY, STAFF }

  /** A staff rank and the role (正职 or 副职) it is equivalent to. */
  record StaffRank(String rank, String role) {}

  static Vocabulary load() {
    Config config = ConfigFactory.parseResources(RESOURCE).resolve();
    ConfigReader v = ConfigReader.at(config, "vocabulary");
    return new Vocabulary(
        v.strings("surnames"), v.strings("given-first"), v.strings("given-second"), v.strings("given-single"),
        v.strings("minority-first"), v.strings("minority-last"), v.strings("nobody-surnames"),
        listsByKey(v.child("units")), v.string("town-suffix"), v.string("subdistrict-suffix"),
        v.strings("place-syllables"), posts(v.child("posts")), v.string("principal-rank"), v.string("deputy-rank"),
        staffRanks(v), v.strings("instant-report-matters"), v.strings("admonition-reasons"),
        listsByKey(v.child("personal-report-actions")), v.strings("procuratorate-categories"),
        v.strings("court-verdicts"), v.strings("efficiency-reasons"), v.strings("rectification-campaigns"),
        v.strings("inspection-campaigns"), v.strings("rectification-problems"), v.strings("inspection-problems"),
        v.strings("travel-destinations"), v.strings("travel-ports"), v.string("row-counter-header"),
        v.string("remark-header"), v.strings("remarks"), v.strings("footer-texts"), numbers(v.child("numbers")),
        v.string("unknown-code"), v.strings("unparseable-dates"));
  }

  /** A document or case number of a dataset: its template with the year and a running number. */
  String number(String dataset, int year, String running) {
    return numbers.get(dataset).replace("{year}", Integer.toString(year)).replace("{n}", running);
  }

  private static Map<String, List<String>> listsByKey(ConfigReader c) {
    Map<String, List<String>> lists = new TreeMap<>();
    for (String key : new TreeMap<>(c.raw().root()).keySet()) {
      lists.put(key, c.strings(key));
    }
    return lists;
  }

  private static Map<String, Map<Level, List<String>>> posts(ConfigReader c) {
    Map<String, Map<Level, List<String>>> posts = new TreeMap<>();
    for (String unitType : new TreeMap<>(c.raw().root()).keySet()) {
      ConfigReader type = c.child(unitType);
      posts.put(unitType, Map.of(Level.PRINCIPAL, type.strings("principal"), Level.DEPUTY, type.strings("deputy"),
          Level.STAFF, type.strings("staff")));
    }
    return posts;
  }

  private static List<StaffRank> staffRanks(ConfigReader v) {
    return v.raw().getConfigList("staff-ranks").stream()
        .map(c -> new StaffRank(c.getString("rank"), c.getString("role"))).toList();
  }

  private static Map<String, String> numbers(ConfigReader c) {
    Map<String, String> numbers = new TreeMap<>();
    for (String dataset : new TreeMap<>(c.raw().root()).keySet()) {
      numbers.put(dataset, c.string(dataset));
    }
    return numbers;
  }
}
