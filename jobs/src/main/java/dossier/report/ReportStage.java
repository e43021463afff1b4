package dossier.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import dossier.job.JobContext;
import dossier.job.Stage;
import dossier.job.StageArgumentException;
import dossier.job.StageArguments;
import dossier.job.StageOption;
import dossier.job.StageResult;
import dossier.lake.Lake.Zone;
import dossier.settings.DossierSettings;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * {@code bin/dossier report}: the leaders' reports of an as-of month (default: the latest
 * published) from the curated layer. Without {@code --kind}, every report due that month: the
 * monthly briefing always; the quarterly analysis at a quarter's last month, or later when that
 * month was never published (so no run reported the quarter); the annual report when the as-of
 * month brought a year's grades (a year graded that the month before was not, or the month before
 * was never published). So a first run on a lake, like the demo's, writes all three. Without
 * {@code --zone}, both zones.
 */
public final class ReportStage implements Stage {
  static final StageOption KIND = StageOption.valued("kind", "KIND",
      "month, quarter or year (default: every report due for the as-of month)");
  static final StageOption ZONE = StageOption.valued("zone", "ZONE", "open or restricted (default: both)");

  @Override
  public String name() {
    return "report";
  }

  @Override
  public String summary() {
    return "leaders' reports (monthly briefing, quarterly analysis, annual data report) as HTML from the curated tables";
  }

  @Override
  public boolean takesAsOf() {
    return true;
  }

  @Override
  public List<StageOption> options() {
    return List.of(KIND, ZONE);
  }

  @Override
  public void checkSettings(DossierSettings settings) {
    ReportSettings.from(settings);
  }

  @Override
  public StageResult run(JobContext context, StageArguments arguments) {
    ReportSettings settings = ReportSettings.from(context.settings());
    CuratedReader reader = new CuratedReader(context.spark(), context.lake());
    YearMonth asOf = arguments.asOf().orElseGet(() -> reader.latestAsOf(ReportTables.UNIT_WARNING_REPORTED));
    reader.requirePublished(ReportTables.UNIT_WARNING_REPORTED, asOf);
    List<ReportKind> kinds = arguments.value(KIND).map(k -> List.of(kind(k))).orElseGet(() -> due(reader, asOf));
    List<Zone> zones = arguments.value(ZONE).map(z -> List.of(zone(z))).orElse(List.of(Zone.OPEN, Zone.RESTRICTED));
    return new ReportJob(context, settings, asOf, kinds, zones).run();
  }

  /** The reports due for an as-of month. */
  static List<ReportKind> due(CuratedReader reader, YearMonth asOf) {
    List<ReportKind> due = new ArrayList<>(List.of(ReportKind.MONTH));
    YearMonth quarterEnd = QuarterlyAnalysis.lastCompletedQuarterEnd(asOf);
    if (quarterEnd.equals(asOf) || !reader.has(ReportTables.UNIT_WARNING_REPORTED, quarterEnd)) {
      due.add(ReportKind.QUARTER);
    }
    if (bringsGrades(reader, asOf)) {
      due.add(ReportKind.YEAR);
    }
    return due;
  }

  /**
   * Whether the month brought a year's grades: its run reported a year of team grades that the
   * month before did not. A month after one never published brings them too when it is the latest
   * month published and grades exist (a first run on a lake, or the first after a gap, may be the
   * only report of them).
   */
  private static boolean bringsGrades(CuratedReader reader, YearMonth asOf) {
    YearMonth before = asOf.minusMonths(1);
    if (!reader.has(ReportTables.TEAM_GRADE_REPORTED, before)) {
      return asOf.equals(reader.latestAsOf(ReportTables.TEAM_GRADE_REPORTED))
          && !reader.table(ReportTables.TEAM_GRADE).isEmpty();
    }
    Row reported = reader.asOf(ReportTables.TEAM_GRADE_REPORTED, asOf).agg(max("year")).first();
    return !reported.isNullAt(0) && reader.asOf(ReportTables.TEAM_GRADE_REPORTED, before)
        .filter(col("year").equalTo(reported.getInt(0))).isEmpty();
  }

  private static ReportKind kind(String code) {
    try {
      return ReportKind.of(code);
    } catch (IllegalArgumentException e) {
      throw new StageArgumentException(e.getMessage());
    }
  }

  private static Zone zone(String folder) {
    return Arrays.stream(Zone.values()).filter(z -> z.folder().equals(folder)).findFirst()
        .orElseThrow(() -> new StageArgumentException("--zone " + folder + ": expected open or restricted"));
  }
}
