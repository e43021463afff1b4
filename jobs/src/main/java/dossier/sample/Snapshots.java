package dossier.sample;

import dossier.sample.District.Person;
import dossier.sample.District.Seat;
import dossier.sample.District.Unit;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The zzb_unit and zzb_roster snapshots: the state at the end of a snapshot month, written into
 * its delivery folder (the backfill folder for year ends and months before the window). Counts
 * the careers they show for the ground truth. The rosters {@link Targets#monthOnlyRoster} chooses
 * give 任职时间 as a year-month only in every row (issue 22, defect 6): the same post_since said
 * less precisely, which opens no interval.
 */
final class Snapshots {
  /** The column a month-only roster gives without its day. */
  static final String MONTH_ONLY_COLUMN = "post_since";
  private final District district;
  private final DomainCodes codes;
  private final Tables tables;
  private final Deliveries deliveries;
  private final Calendar calendar;
  private final GroundTruth truth;
  private final Targets targets;
  private final Map<Unit, String> unitNameShown = new HashMap<>();
  private final Map<Unit, Integer> unitLastSnapshot = new HashMap<>();
  private int snapshot = -1;
  private long previousRoster;

  Snapshots(District district, DomainCodes codes, Tables tables, Deliveries deliveries, Calendar calendar,
      GroundTruth truth, Targets targets) {
    this.district = district;
    this.codes = codes;
    this.tables = tables;
    this.deliveries = deliveries;
    this.calendar = calendar;
    this.truth = truth;
    this.targets = targets;
  }

  void write(YearMonth month) {
    snapshot++;
    YearMonth folder = calendar.folder(month);
    List<Unit> open = district.openUnits();
    deliveries.snapshot(folder, "zzb_unit", month, open.size(), null, rows -> open.forEach(u -> rows.accept(
        tables.row("zzb_unit").set("unit_code", u.code).set("unit_name", u.name).set("unit_type", u.type).values)));
    countUnits(open);
    long seated = 0;
    for (Unit unit : open) {
      for (Seat seat : unit.seats) {
        seated += seat.holder != null ? 1 : 0;
      }
    }
    long[] continuing = {0};
    boolean monthOnly = targets.monthOnlyRoster(month);
    Deliveries.Written roster = deliveries.snapshot(folder, "zzb_roster", month, seated,
        monthOnly ? MONTH_ONLY_COLUMN : null, rows -> {
          for (Unit unit : open) {
            for (Seat seat : unit.seats) {
              if (seat.holder != null) {
                Tables.Row row = roster(seat.holder);
                continuing[0] += count(seat.holder, row) ? 1 : 0;
                rows.accept(row.values);
              }
            }
          }
        });
    if (monthOnly) {
      truth.monthOnlyRoster(roster.sourcePath(), month, MONTH_ONLY_COLUMN, roster.dataRows());
    }
    truth.career("snapshots", 1);
    truth.career("leavers", previousRoster - continuing[0]);
    previousRoster = seated;
  }

  private Tables.Row roster(Person person) {
    Unit unit = person.seat.unit;
    return tables.row("zzb_roster").set("id_number", person.id).set("name", person.name)
        .set("gender", person.female ? codes.female() : codes.male())
        .set("birth", person.birth.withDayOfMonth(1)).set("unit_code", unit.code).set("unit_name", unit.name)
        .set("post", person.seat.post).set("rank", person.rank).set("role", district.role(person))
        .set("post_since", person.postSince)
        .set("team_member", person.seat.level == Vocabulary.Level.STAFF ? codes.no() : codes.yes());
  }

  /**
   * Counts the person's career at this snapshot; returns whether they were on the previous one. The
   * state is the canonical row (post_since the full date, however the file writes it) without the
   * unit's name, which is unit_history's: cadre_history's state columns.
   */
  private boolean count(Person person, Tables.Row row) {
    boolean continuing = snapshot > 0 && person.lastSnapshot == snapshot - 1;
    String role = district.role(person);
    long state = hash(row.with("unit_name", null).values);
    if (person.lastSnapshot < 0) {
      truth.career("persons", 1);
      truth.career("new_cadres", snapshot > 0 ? 1 : 0);
    } else if (!continuing) {
      truth.career("rejoiners", 1);
    }
    if (!continuing || state != person.lastState) {
      truth.career("intervals", 1);
    }
    if (continuing && person.lastUnit != person.seat.unit) {
      truth.career("unit_changes", 1);
    }
    if (continuing && !role.equals(person.lastRole)) {
      truth.career("role_changes", 1);
    }
    person.lastSnapshot = snapshot;
    person.lastState = state;
    person.lastUnit = person.seat.unit;
    person.lastRole = role;
    return continuing;
  }

  private void countUnits(List<Unit> open) {
    for (Unit unit : open) {
      Integer last = unitLastSnapshot.put(unit, snapshot);
      String shown = unitNameShown.put(unit, unit.name);
      if (last == null) {
        truth.unit("distinct", 1);
      } else if (!shown.equals(unit.name)) {
        truth.unit("renamed", 1);
      }
    }
    unitLastSnapshot.forEach((unit, last) -> {
      if (last == snapshot - 1 && !unit.open) {
        truth.unit("closed", 1);
      }
    });
  }

  /** A 64-bit FNV-1a hash of a row's values. */
  private static long hash(String[] values) {
    long h = 0xcbf29ce484222325L;
    for (String value : values) {
      String text = value == null ? "\u0000" : value;
      for (int i = 0; i < text.length(); i++) {
        h = (h ^ text.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ 0x1F) * 0x100000001b3L;
    }
    return h;
  }
}
