package dossier.sample;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One matter about one cadre (or one unit) and every row that will ever be delivered about it:
 * its first row, re-sends with a newer status, corrections, a revocation, and for a sanction its
 * second record in zzb_cf. The emitter keeps what is delivered by the last month.
 *
 * @param category record category of the conformed layer, or null for unit records
 * @param eventMonth the month of its event date
 * @param planted part of a planted scenario: delivered on time, never corrected or revoked
 */
record Matter(String category, YearMonth eventMonth, boolean planted, List<Version> versions) {
  Matter(String category, YearMonth eventMonth, boolean planted) {
    this(category, eventMonth, planted, new ArrayList<>());
  }

  Matter add(Tables.Row row, YearMonth delivery, Kind kind) {
    versions.add(new Version(row, delivery, kind, false));
    return this;
  }

  Matter addSameMonthCorrection(Tables.Row row, YearMonth delivery) {
    versions.add(new Version(row, delivery, Kind.CORRECTION, true));
    return this;
  }

  /** What a row does to its matter (the 记录状态 it carries). */
  enum Kind { NEW, CORRECTION, REVOCATION }

  /**
   * One row of the matter as delivered.
   *
   * @param sameMonthFile a correction sent in a {@code _2} file of its delivery month
   */
  record Version(Tables.Row row, YearMonth delivery, Kind kind, boolean sameMonthFile) {
    String dataset() {
      return row.dataset;
    }
  }
}
