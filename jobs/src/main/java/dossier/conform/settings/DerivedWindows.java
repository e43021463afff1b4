package dossier.conform.settings;

import dossier.settings.ConfigReader;
import java.io.Serializable;

/**
 * The day windows of the derived records ({@code dossier.rules.derived}, rules.md §1). "More than
 * N days" is strict; "A … B" includes both ends.
 *
 * @param travelExitEarlyDays an exit is covered by an approved filing when
 *     planned_exit − N ≤ crossed ≤ planned_entry
 * @param leaveReturnedLateDays leave returned more than N days after its end is returned late
 * @param leaveNotClosedDays leave still not returned more than N days after its end (as of the
 *     last day of the latest data month) is not closed
 * @param instantReportLateDays an instant report more than N days after the occurrence is late
 */
public record DerivedWindows(
    int travelExitEarlyDays, int leaveReturnedLateDays, int leaveNotClosedDays, int instantReportLateDays)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  static DerivedWindows from(ConfigReader c) {
    return new DerivedWindows(c.nonNegativeInt("travel-exit-early-days"), c.nonNegativeInt("leave-returned-late-days"),
        c.nonNegativeInt("leave-not-closed-days"), c.nonNegativeInt("instant-report-late-days"));
  }
}
