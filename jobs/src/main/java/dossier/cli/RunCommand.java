package dossier.cli;

import dossier.job.Stages;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code bin/dossier run}: every stage in order, in one SparkSession. */
final class RunCommand implements Command {
  @Override
  public String name() {
    return "run";
  }

  @Override
  public String synopsis() {
    return "--landing DIR --lake DIR [--as-of YYYY-MM] [stage options] [--conf FILE]";
  }

  @Override
  public String summary() {
    return "all stages in order: land, conform, analyse, publish, report";
  }

  @Override
  public Options options() {
    Options options = new Options()
        .addOption(CliOptions.required(CliOptions.LANDING))
        .addOption(CliOptions.required(CliOptions.LAKE))
        .addOption(CliOptions.AS_OF)
        .addOption(CliOptions.CONF);
    CliOptions.stageOptions(Stages.ordered()).forEach(options::addOption);
    return options;
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    Runs.runStages(CliOptions.settings(line), Stages.ordered(), CliOptions.stageArguments(line, Stages.ordered()),
        console);
    return ExitCode.OK;
  }
}
