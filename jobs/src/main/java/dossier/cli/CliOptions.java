package dossier.cli;

import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The options several commands share, and how they turn into settings. */
final class CliOptions {
  static final Option LANDING = valued("landing", "DIR", "landing folder: <YYYY-MM>/<source>/<file>");
  static final Option LAKE = valued("lake", "DIR", "lake folder or URI (raw/, conformed/, analysed/, curated/)");
  static final Option CONF = valued("conf", "FILE", "configuration profile layered over the defaults");
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
