package dossier.sample;

import dossier.contract.DatasetContract;
import dossier.sample.District.Person;
import dossier.sample.District.Seat;
import dossier.sample.District.Unit;
import dossier.settings.LandingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code bin/dossier sample}: simulates the district month by month from the history start to
 * the last delivery month and writes what its agencies deliver, one backfill folder and then one
 * folder per month, with its ground truth beside the landing folder ({@link GroundTruth}).
 * Deterministic for a seed; streams to files (rows wait in a spool on disk until their delivery
 * folder is written), so memory holds only per-cadre and per-unit state.
 */
public final class SampleGenerator {
  private final SampleSettings settings;
  private final Map<String, DatasetContract> contracts;
  private final LandingSettings landingSettings;
  private final Path landing;
  private final Consumer<String> progress;

  /** What a run produced, for the console. */
  public record Result(Path landing, Path groundTruth, YearMonth backfill, YearMonth firstDelivery,
      YearMonth lastDelivery, long files, Duration elapsed) {}

  public SampleGenerator(SampleSettings settings, Map<String, DatasetContract> contracts,
      LandingSettings landingSettings, Path landing, Consumer<String> progress) {
    this.settings = settings;
    this.contracts = contracts;
    this.landingSettings = landingSettings;
    this.landing = landing;
    this.progress = progress;
  }

  /** Why the settings cannot make a sample, or null when they can. */
  public static String problem(SampleSettings settings) {
    Calendar calendar = calendar(settings);
    if (settings.cadres() < settings.minCadres()) {
      return "--cadres " + settings.cadres() + ": the planted scenarios need at least " + settings.minCadres();
    }
    if (!calendar.valid()) {
      return "--months " + settings.months() + ": the backfill folder " + calendar.backfill()
          + " would come before the first year-end snapshot " + calendar.firstSnapshot()
          + " (history starts " + settings.historyStart() + ", the last delivery is " + settings.lastDelivery() + ")";
    }
    return null;
  }

  public Result run() throws IOException {
    Instant started = Instant.now();
    prepareLanding();
    Calendar calendar = calendar(settings);
    Vocabulary vocabulary = Vocabulary.load();
    DomainCodes codes = DomainCodes.check(contracts, vocabulary.unknownCode());
    Tables tables = new Tables(contracts);
    District district = new District(settings.district(), vocabulary, codes, settings.seed());
    district.populate(settings.cadres(), calendar.start(), Rng.of(settings.seed(), "populate"));
    Scenarios scenarios = new Scenarios();
    Path spoolDir = Files.createTempDirectory(landing.toAbsolutePath().getParent(), ".sample-spool-");
    try (GroundTruth truth = new GroundTruth(landing); Spool spool = new Spool(spoolDir)) {
      header(truth, calendar);
      scenarios.choose(district, contracts, calendar.last(), settings.cadres(),
          settings.district().sameNamePairsPerThousand(), Rng.of(settings.seed(), "scenarios"), truth);
      Targets targets = new Targets(calendar, settings.delivery(), settings.seed());
      Emitter emitter = new Emitter(calendar, spool, targets, truth, codes,
          settings.delivery().changedRedeliveryNewRows(), settings.seed());
      MatterKit kit = new MatterKit(tables, calendar, settings, codes, vocabulary, truth, emitter, targets);
      Deliveries deliveries = new Deliveries(landing, calendar, tables, settings, vocabulary,
          landingSettings.nullWords(), landingSettings.footerPrefixes(), targets, truth, spool);
      simulate(calendar, district, scenarios, kit, deliveries,
          new Snapshots(district, codes, tables, deliveries, calendar, truth, targets));
    } finally {
      deleteQuietly(spoolDir);
    }
    long files;
    try (var stream = Files.walk(landing)) {
      files = stream.filter(Files::isRegularFile).count();
    }
    return new Result(landing, GroundTruth.summaryPath(landing), calendar.backfill(), calendar.firstMonthly(),
        calendar.last(), files, Duration.between(started, Instant.now()));
  }

  /** Month by month: careers change, matters happen, snapshots are taken, due folders are written. */
  private void simulate(Calendar calendar, District district, Scenarios scenarios, MatterKit kit,
      Deliveries deliveries, Snapshots snapshots) {
    Careers careers = new Careers(district, settings.careers(), settings.district().newCadreBirthYears());
    PersonMatters people = new PersonMatters(kit, settings.seed());
    UnitMatters units = new UnitMatters(kit, people.petitions(), district.names(), settings.seed());
    for (int t = 0; t < calendar.length(); t++) {
      YearMonth month = calendar.month(t);
      if (month.getMonthValue() == 1 || t == 0) {
        progress.accept("simulating " + month + " (history " + calendar.start() + " … " + calendar.last() + ")");
      }
      if (calendar.isChangePoint(month)) {
        careers.change(month, calendar.periodMonths(month), Rng.of(settings.seed(), 3, t));
      }
      forEachCadre(district, person -> people.month(person, month, scenarios.plants(person, month)));
      for (Unit unit : district.openUnits()) {
        units.month(unit, month);
      }
      for (Person[] pair : scenarios.pairs()) {
        Rng rng = Rng.of(settings.seed(), 6, pair[0].index, t);
        if (MatterKit.monthly(rng, settings.matters().ambiguousPetitionRate())) {
          int named = rng.below(2);
          people.petitions().aboutOneOfPair(pair[named], pair[1 - named], month, rng);
        }
      }
      if (calendar.isSnapshot(month)) {
        snapshots.write(month);
      }
      if (month.equals(calendar.backfill()) || calendar.inWindow(month)) {
        deliveries.folder(month);
      }
    }
  }

  private static void forEachCadre(District district, Consumer<Person> action) {
    for (Seat seat : List.copyOf(district.seats)) {
      if (seat.holder != null) {
        action.accept(seat.holder);
      }
    }
  }

  private void header(GroundTruth truth, Calendar calendar) {
    truth.header("seed", settings.seed());
    truth.header("cadres", settings.cadres());
    truth.header("months", settings.months());
    truth.header("history_start", calendar.start().toString());
    truth.header("backfill_delivery", calendar.backfill().toString());
    truth.header("first_delivery", calendar.firstMonthly().toString());
    truth.header("last_delivery", calendar.last().toString());
    truth.header("as_of", Calendar.lastDay(calendar.last()).toString());
  }

  private void prepareLanding() throws IOException {
    if (Files.isDirectory(landing)) {
      try (var entries = Files.list(landing)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException("--out " + landing + " is not empty: choose a new folder");
        }
      }
    }
    Files.createDirectories(landing);
  }

  private static Calendar calendar(SampleSettings settings) {
    return new Calendar(settings.historyStart(), settings.lastDelivery(), settings.months());
  }

  private static void deleteQuietly(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var files = Files.walk(dir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
