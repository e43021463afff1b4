package dossier.cli;

import dossier.job.Stage;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code bin/dossier <stage> --landing DIR --lake DIR [--as-of YYYY-MM] [stage options] [--conf FILE]}: one stage. */
final class StageCommand implements Command {
  private final Stage stage;

  StageCommand(Stage stage) {
    this.stage = stage;
  }

  @Override
  public String name() {
    return stage.name();
  }

  @Override
  public String synopsis() {
    StringBuilder synopsis = new StringBuilder("--landing DIR --lake DIR");
    if (stage.takesAsOf()) {
      synopsis.append(" [--as-of YYYY-MM]");
    }
    stage.options().forEach(o -> synopsis.append(" [--").append(o.name())
        .append(o.takesValue() ? " " + o.argName() : "").append(']'));
    return synopsis.append(" [--break-lease] [--conf FILE]").toString();
  }

  @Override
  public String summary() {
    return stage.summary();
  }

  @Override
  public Options options() {
    Options options = new Options()
        .addOption(CliOptions.required(CliOptions.LANDING))
        .addOption(CliOptions.required(CliOptions.LAKE))
        .addOption(CliOptions.BREAK_LEASE)
        .addOption(CliOptions.CONF);
    if (stage.takesAsOf()) {
      options.addOption(CliOptions.AS_OF);
    }
    CliOptions.stageOptions(List.of(stage)).forEach(options::addOption);
    return options;
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    Runs.runStages(CliOptions.settings(line), List.of(stage), CliOptions.stageArguments(line, List.of(stage)),
        line.hasOption(CliOptions.BREAK_LEASE.getLongOpt()), console);
    return ExitCode.OK;
  }
}
