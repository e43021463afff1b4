package dossier.sample;

import dossier.sample.Matter.Kind;
import dossier.sample.Matter.Version;
import dossier.sample.Spool.Part;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends a matter's rows to the spool of their delivery folders and counts them in the ground
 * truth. Rows due after the last delivery month are not delivered. In the backfill folder (one
 * historical export) each dataset shows only a matter's last state before the window: one row,
 * a correction folded into it. In the window, a correction sent in the same month goes to the
 * month's {@code _2} file.
 */
final class Emitter {
  private static final String RECORD_STATE = "record_state";
  private final Calendar calendar;
  private final Spool spool;
  private final Targets targets;
  private final GroundTruth truth;
  private final DomainCodes codes;
  private final double redeliveryNewRows;
  private final Rng redeliveryRows;

  Emitter(Calendar calendar, Spool spool, Targets targets, GroundTruth truth, DomainCodes codes,
      double redeliveryNewRows, long seed) {
    this.calendar = calendar;
    this.spool = spool;
    this.targets = targets;
    this.truth = truth;
    this.codes = codes;
    this.redeliveryNewRows = redeliveryNewRows;
    this.redeliveryRows = Rng.of(seed, "redelivery-rows");
  }

  /** Spools the matter's delivered rows and returns them (backfill rows folded) in delivery order. */
  List<Version> emit(Matter matter) {
    List<Version> delivered = delivered(matter);
    if (delivered.isEmpty()) {
      return delivered;
    }
    Set<String> datasets = new LinkedHashSet<>();
    Map<String, Version> lastOfDataset = new LinkedHashMap<>();
    Set<String> corrected = new LinkedHashSet<>();
    YearMonth firstLanding = null;
    for (Version version : delivered) {
      YearMonth landing = spool(version);
      firstLanding = firstLanding == null || landing.isBefore(firstLanding) ? landing : firstLanding;
      datasets.add(version.dataset());
      lastOfDataset.put(version.dataset(), version);
      if (version.kind() == Kind.CORRECTION && calendar.inWindow(version.delivery())) {
        truth.count(version.dataset(), "correction_rows");
        corrected.add(version.dataset());
      }
    }
    for (String dataset : datasets) {
      truth.count(dataset, "matters");
      if (lastOfDataset.get(dataset).kind() == Kind.REVOCATION) {
        truth.count(dataset, "revoked_matters");
      }
    }
    corrected.forEach(dataset -> truth.count(dataset, "corrected_matters"));
    if (calendar.inWindow(firstLanding) && firstLanding.isAfter(matter.eventMonth())) {
      truth.count(delivered.get(0).dataset(), "late_matters");
    }
    if (matter.category() != null) {
      truth.category(matter.category());
    }
    return delivered;
  }

  /** The rows delivered by the last month, each dataset's backfill rows folded into its last. */
  private List<Version> delivered(Matter matter) {
    Map<String, Version> backfill = new LinkedHashMap<>();
    List<Version> window = new ArrayList<>();
    List<Version> byDelivery = new ArrayList<>(matter.versions());
    byDelivery.sort(java.util.Comparator.comparing(Version::delivery));
    for (Version version : byDelivery) {
      if (version.delivery().isAfter(calendar.last())) {
        continue;
      }
      if (version.delivery().isBefore(calendar.firstMonthly())) {
        backfill.remove(version.dataset());
        backfill.put(version.dataset(), version.kind() == Kind.CORRECTION
            ? new Version(version.row().with(RECORD_STATE, codes.newRecord()), version.delivery(), Kind.NEW, false)
            : version);
      } else if (!(version.sameMonthFile() && targets.special(version.delivery(), version.dataset()))) {
        window.add(version);
      }
    }
    List<Version> all = new ArrayList<>(backfill.values());
    all.addAll(window);
    return all;
  }

  /** Spools one row; returns the month the landing job sees it in. */
  private YearMonth spool(Version version) {
    YearMonth folder = calendar.folder(version.delivery());
    String dataset = version.dataset();
    Part part = Part.MAIN;
    YearMonth landing = folder;
    if (version.sameMonthFile() && !folder.equals(calendar.backfill())) {
      part = Part.CORRECTIONS;
    } else if (targets.rejected(folder, dataset)) {
      landing = folder.plusMonths(1);
    } else if (targets.changed(folder, dataset) && spool.count(new Spool.Key(folder, dataset, Part.MAIN)) > 0
        && redeliveryRows.chance(redeliveryNewRows)) {
      part = Part.REDELIVERY_ONLY;
      landing = folder.plusMonths(1);
    }
    Tables.Row row = version.row();
    if (row.has(RECORD_STATE)) {
      row = row.with(RECORD_STATE, switch (version.kind()) {
        case NEW -> codes.newRecord();
        case CORRECTION -> codes.correction();
        case REVOCATION -> codes.revocation();
      });
    }
    spool.add(new Spool.Key(folder, dataset, part), row.values, version.kind() != Kind.NEW);
    return landing;
  }
}
