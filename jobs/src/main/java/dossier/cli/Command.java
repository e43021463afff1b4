package dossier.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code bin/dossier}. */
interface Command {
  String name();

  /** Argument synopsis, e.g. {@code --landing DIR --lake DIR [--conf FILE]}. */
  String synopsis();

  String summary();

  /** The command's options; --help is added by Main. */
  Options options();

  /** How many arguments beyond the options it takes (the query of {@code sql}); none by default. */
  default int maxArguments() {
    return 0;
  }

  ExitCode execute(CommandLine line, Console console) throws Exception;
}
