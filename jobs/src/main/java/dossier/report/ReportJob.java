package dossier.report;

import dossier.job.JobContext;
import dossier.job.StageResult;
import dossier.lake.Lake;
import dossier.lake.Lake.Zone;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes the leaders' reports of one as-of month from the curated layer only, as a BI tool
 * would read it: one self-contained HTML file per kind and zone, at
 * {@code <lake>/reports/<as-of>/<kind>-<zone>.html} (e.g. {@code reports/2026-10/month-open.html};
 * the quarterly and annual reports of an as-of month cover the latest quarter completed and the
 * latest year graded by then). Writing the same as-of month again replaces its files.
 */
public final class ReportJob {
  private final JobContext context;
  private final ReportSettings settings;
  private final YearMonth asOf;
  private final List<ReportKind> kinds;
  private final List<Zone> zones;

  ReportJob(JobContext context, ReportSettings settings, YearMonth asOf, List<ReportKind> kinds, List<Zone> zones) {
    this.context = context;
    this.settings = settings;
    this.asOf = asOf;
    this.kinds = List.copyOf(kinds);
    this.zones = List.copyOf(zones);
  }

  /** The file of one report. */
  public static String path(Lake lake, YearMonth asOf, String kind, Zone zone) {
    return lake.root() + "/reports/" + asOf + "/" + kind + "-" + zone.folder() + ".html";
  }

  Result run() {
    List<Written> written = new ArrayList<>();
    try (ReportContext reports = new ReportContext(new CuratedReader(context.spark(), context.lake()), settings, asOf)) {
      for (ReportKind kind : kinds) {
        for (Zone zone : zones) {
          long start = System.nanoTime();
          Report report = build(reports, kind, zone);
          String file = path(context.lake(), asOf, kind.code(), zone);
          write(file, ReportHtml.render(report));
          written.add(new Written(kind, zone, file, report.sections().stream().mapToInt(s -> s.figures().size()).sum(),
              Duration.ofNanos(System.nanoTime() - start)));
        }
      }
    }
    return new Result(asOf, written);
  }

  private static Report build(ReportContext reports, ReportKind kind, Zone zone) {
    return switch (kind) {
      case MONTH -> new MonthlyBriefing(reports, zone).build();
      case QUARTER -> new QuarterlyAnalysis(reports, zone).build();
      case YEAR -> new AnnualReport(reports, zone).build();
    };
  }

  private void write(String file, String html) {
    Path path = new Path(file);
    try {
      FileSystem fs = path.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(path, true)) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      context.tables().recordFilesWritten(1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + file, e);
    }
  }

  /**
   * One report written.
   *
   * @param kind which report
   * @param zone for whom
   * @param file where
   * @param figures its figure tables
   * @param took how long it took to read, aggregate and write
   */
  record Written(ReportKind kind, Zone zone, String file, int figures, Duration took) {}

  /** What the report stage wrote, for the CLI. */
  record Result(YearMonth asOf, List<Written> written) implements StageResult {
    @Override
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add("as of " + asOf + ": " + written.size() + " report(s)");
      written.forEach(w -> lines.add(String.format("%-8s %-10s %s (%d figure tables, %.1f s)", w.kind().code(),
          w.zone().folder(), w.file(), w.figures(), w.took().toMillis() / 1000.0)));
      return lines;
    }

    @Override
    public Optional<YearMonth> asOfMonth() {
      return Optional.of(asOf);
    }
  }
}
