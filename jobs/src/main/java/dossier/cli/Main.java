package dossier.cli;

import dossier.job.DataQualityException;
import dossier.job.LakeBusyException;
import dossier.job.StageArgumentException;
import dossier.job.Stages;
import dossier.settings.SettingsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The one entry point, locally ({@code bin/dossier}) and under spark-submit: the first argument
 * names the command, the rest are its options. Exit codes are {@link ExitCode}.
 */
public final class Main {
  private static final Option HELP = Option.builder("h").longOpt("help").desc("show this help").get();

  private final Console console;
  private final Map<String, Command> commands = new LinkedHashMap<>();

  Main(Console console) {
    this.console = console;
    List<Command> all = new ArrayList<>();
    all.add(new DemoCommand());
    all.add(new RunCommand());
    Stages.ordered().forEach(stage -> all.add(new StageCommand(stage)));
    all.add(new SampleCommand());
    all.add(new StagesCommand());
    all.add(new CompareCommand());
    all.add(new MaintainCommand());
    all.add(new BenchCommand());
    all.add(new DictionaryCommand());
    all.add(new SqlCommand());
    all.forEach(c -> commands.put(c.name(), c));
  }

  /**
   * Returns normally on success, as a spark-submit application should (so that several
   * submissions can share a JVM); exits with the code otherwise.
   */
  public static void main(String[] args) {
    ExitCode code = new Main(Console.system()).run(args);
    if (code != ExitCode.OK) {
      System.exit(code.code());
    }
  }

  ExitCode run(String[] args) {
    if (args.length == 0) {
      console.error("no command given");
      console.line(usage());
      return ExitCode.USAGE;
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      console.line(usage());
      return ExitCode.OK;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      console.error("unknown command '" + args[0] + "'");
      console.line(usage());
      return ExitCode.USAGE;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    if (List.of(rest).contains("--help") || List.of(rest).contains("-h")) {
      console.line(help(command));
      return ExitCode.OK;
    }
    try {
      CommandLine line = new DefaultParser().parse(command.options(), rest, false);
      if (line.getArgList().size() > command.maxArguments()) {
        throw new UsageException("unexpected argument '" + line.getArgList().get(command.maxArguments()) + "'");
      }
      return command.execute(line, console);
    } catch (ParseException | UsageException e) {
      console.error(command.name() + ": " + e.getMessage());
      console.line(help(command));
      return ExitCode.USAGE;
    } catch (StageArgumentException e) {
      console.error(command.name() + ": " + e.getMessage());
      return ExitCode.USAGE;
    } catch (SettingsException e) {
      console.error("configuration: " + e.getMessage());
      return ExitCode.CONFIGURATION;
    } catch (LakeBusyException e) {
      console.error(command.name() + ": " + e.getMessage());
      return ExitCode.LAKE_BUSY;
    } catch (DataQualityException e) {
      console.error(command.name() + ": data quality: " + e.getMessage());
      return ExitCode.DATA_QUALITY;
    } catch (Exception e) {
      console.error(command.name() + " failed: " + e);
      return ExitCode.FAILED;
    }
  }

  private String usage() {
    StringBuilder text = new StringBuilder("usage: bin/dossier <command> [options]\n\ncommands:\n");
    commands.values().forEach(c -> text.append(String.format("  %-9s %s%n", c.name(), c.summary())));
    text.append("\n`bin/dossier <command> --help` shows a command's options.\n")
        .append("exit codes: 0 ok, 1 failed, 2 usage, 3 configuration, 4 data quality, 5 lake busy (another run holds it)");
    return text.toString();
  }

  private static String help(Command command) {
    Options options = command.options();
    options.addOption(HELP);
    StringWriter text = new StringWriter();
    HelpFormatter formatter = HelpFormatter.builder().get();
    try (PrintWriter out = new PrintWriter(text)) {
      formatter.printHelp(out, 100, "bin/dossier " + command.name() + " " + command.synopsis(),
          command.summary(), options, 2, 2, null);
    }
    return text.toString().stripTrailing();
  }
}
