package dossier.cli;

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
    return "--lake DIR [--conf FILE]";
  }

  @Override
  public String summary() {
    return "delete uncommitted Parquet files and stale Spark scratch folders, record killed runs as interrupted";
  }

  @Override
  public Options options() {
    return new Options().addOption(CliOptions.required(CliOptions.LAKE)).addOption(CliOptions.CONF);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    DossierSettings settings = CliOptions.settings(line);
    MaintainSettings maintain = MaintainSettings.from(settings);
    RunMarkers.Settings runs = Runs.runSettings(settings);
    Maintenance.Result result = Runs.withSpark(settings, console,
        (spark, progress) -> Maintenance.run(spark, new Lake(settings.lakeRoot()), maintain, runs, Instant.now()));
    result.lines().forEach(console::line);
    return ExitCode.OK;
  }
}
