package dossier.cli;

import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.job.Stage;
import dossier.job.StageArguments;
import dossier.job.StageOption;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The options several commands share, and how they turn into settings. */
final class CliOptions {
  static final Option LANDING = valued("landing", "DIR", "landing folder: <YYYY-MM>/<source>/<file>");
  static final Option LAKE = valued("lake", "DIR", "lake folder or URI (raw/, conformed/, analysed/, curated/)");
  static final Option CONF = valued("conf", "FILE", "configuration profile layered over the defaults");
  static final Option BREAK_LEASE = Option.builder().longOpt("break-lease")
      .desc("take the lake over from the run holding its lease (only when that run is known to be dead)").get();
  static final Option AS_OF = valued("as-of", "YYYY-MM", "the month to analyse (default: the latest delivered)");

  private CliOptions() {}

  static Option valued(String name, String argName, String description) {
    return Option.builder().longOpt(name).hasArg().argName(argName).desc(description).get();
  }

  static Option required(Option option) {
    return Option.builder().longOpt(option.getLongOpt()).hasArg().argName(option.getArgName())
        .desc(option.getDescription()).required().get();
  }

  /** Settings from --conf (or the embedded profile), with --landing / --lake applied. */
  static DossierSettings settings(CommandLine line) {
    DossierSettings settings = Settings.load(Optional.ofNullable(line.getOptionValue(CONF.getLongOpt())).map(Path::of));
    return settings.withPaths(
        line.getOptionValue(LANDING.getLongOpt(), settings.landing().root()),
        line.getOptionValue(LAKE.getLongOpt(), settings.lakeRoot()));
  }

  /** The command-line options of the stages' own options (an option several stages declare, once). */
  static List<Option> stageOptions(List<Stage> stages) {
    Map<String, Option> options = new LinkedHashMap<>();
    stages.forEach(stage -> stage.options().forEach(o -> options.putIfAbsent(o.name(), toOption(o))));
    return List.copyOf(options.values());
  }

  private static Option toOption(StageOption option) {
    return option.takesValue() ? valued(option.name(), option.argName(), option.description())
        : Option.builder().longOpt(option.name()).desc(option.description()).get();
  }

  /** The as-of month and the values of the stages' own options given on the line. */
  static StageArguments stageArguments(CommandLine line, List<Stage> stages) {
    Map<String, String> given = new TreeMap<>();
    for (Option option : stageOptions(stages)) {
      if (line.hasOption(option.getLongOpt())) {
        given.put(option.getLongOpt(), option.hasArg() ? line.getOptionValue(option.getLongOpt()) : "");
      }
    }
    return new StageArguments(asOf(line), given);
  }

  static Optional<YearMonth> asOf(CommandLine line) {
    return Optional.ofNullable(line.getOptionValue(AS_OF.getLongOpt())).map(CliOptions::yearMonth);
  }

  static YearMonth yearMonth(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException("--as-of '" + value + "': expected a month as YYYY-MM, e.g. 2024-03");
    }
  }

  /** The option's value as a positive whole number, if given. */
  static Optional<Integer> positiveInt(CommandLine line, Option option) {
    String value = line.getOptionValue(option.getLongOpt());
    if (value == null) {
      return Optional.empty();
    }
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return Optional.of(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--" + option.getLongOpt() + " '" + value + "': expected a positive whole number");
  }
}
