package dossier.cli;

import dossier.job.LakeLease;
import dossier.job.RunMarkers;
import dossier.lake.Lake;
import dossier.maintain.MaintainSettings;
import dossier.maintain.Maintenance;
import dossier.settings.DossierSettings;
import java.time.Instant;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier maintain --lake DIR [--conf FILE]}: housekeeping of a lake and of this
 * machine's Spark scratch folders ({@link Maintenance}). Run it when no run writes to the lake.
 */
final class MaintainCommand implements Command {
  @Override
  public String name() {
    return "maintain";
  }

  @Override
  public String synopsis() {
    return "--lake DIR [--break-lease] [--conf FILE]";
  }

  @Override
  public String summary() {
    return "delete uncommitted Parquet files and stale Spark scratch folders, record killed runs as interrupted";
  }

  @Override
  public Options options() {
    return new Options().addOption(CliOptions.required(CliOptions.LAKE)).addOption(CliOptions.BREAK_LEASE)
        .addOption(CliOptions.CONF);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    DossierSettings settings = CliOptions.settings(line);
    MaintainSettings maintain = MaintainSettings.from(settings);
    RunMarkers.Settings runs = Runs.runSettings(settings);
    Lake lake = new Lake(settings.lakeRoot());
    String runId = Runs.runId(Instant.now());
    // Housekeeping deletes files a run may still be writing: it holds the lake like a run.
    Maintenance.Result result = Runs.withSpark(settings, console, (spark, progress) -> {
      try (LakeLease lease = LakeLease.take(lake, spark.sparkContext().hadoopConfiguration(), runs, runId, name(),
          line.hasOption(CliOptions.BREAK_LEASE.getLongOpt()), note -> console.line("  note: %s", note))) {
        return Maintenance.run(spark, lake, maintain, runs, Instant.now());
      }
    });
    result.lines().forEach(console::line);
    return ExitCode.OK;
  }
}
