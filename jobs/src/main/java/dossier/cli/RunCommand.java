package dossier.cli;

import dossier.job.Stage;
import dossier.job.Stages;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier run}: the stages in order (every stage, or those of {@code --stages}), in one
 * SparkSession: one JVM for a month's work. With {@code --resume}, stages already done for this
 * input are passed over (see {@code Runs}), so a scheduler's retry starts at the first stage not done.
 */
final class RunCommand implements Command {
  static final Option STAGES = CliOptions.valued("stages", "LIST",
      "the stages to run, comma-separated, in pipeline order (default: all)");
  static final Option RESUME = Option.builder().longOpt("resume")
      .desc("pass over the stages already done for this input (same input versions and settings; needs --as-of)")
      .get();

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String synopsis() {
    return "--landing DIR --lake DIR [--as-of YYYY-MM] [--stages LIST] [--resume] [stage options] [--break-lease] [--conf FILE]";
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
        .addOption(STAGES)
        .addOption(RESUME)
        .addOption(CliOptions.BREAK_LEASE)
        .addOption(CliOptions.CONF);
    CliOptions.stageOptions(Stages.ordered()).forEach(options::addOption);
    return options;
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    List<Stage> stages = stages(line);
    Runs.runStages(CliOptions.settings(line), stages, CliOptions.stageArguments(line, stages),
        line.hasOption(RESUME.getLongOpt()), line.hasOption(CliOptions.BREAK_LEASE.getLongOpt()), console, context -> { });
    return ExitCode.OK;
  }

  /** The stages of --stages, in pipeline order; every stage without it. */
  private static List<Stage> stages(CommandLine line) {
    List<Stage> all = Stages.ordered();
    if (!line.hasOption(STAGES.getLongOpt())) {
      return all;
    }
    List<String> named = Arrays.stream(line.getOptionValue(STAGES.getLongOpt()).split(",")).map(String::trim).toList();
    List<String> known = all.stream().map(Stage::name).toList();
    named.stream().filter(n -> !known.contains(n)).findFirst().ifPresent(n -> {
      throw new UsageException("--stages: '" + n + "' is not a stage; stages are " + String.join(", ", known));
    });
    return all.stream().filter(s -> named.contains(s.name())).toList();
  }
}
