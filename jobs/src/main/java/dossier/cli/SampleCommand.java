package dossier.cli;

import dossier.sample.SampleGenerator;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier sample}: writes a simulated district's agency extracts into a landing
 * folder, and their ground truth beside it ({@code <parent>/<name>-ground-truth.json}).
 */
final class SampleCommand implements Command {
  private static final Option OUT = CliOptions.required(CliOptions.valued("out", "DIR",
      "landing folder to create (new or empty); the ground truth goes beside it as <DIR>-ground-truth.json"));
  private static final Option CADRES = CliOptions.valued("cadres", "N",
      "cadres on the roster (default: dossier.sample.cadres)");
  private static final Option MONTHS = CliOptions.valued("months", "M",
      "monthly delivery folders after the backfill folder (default: dossier.sample.months)");
  private static final Option SEED = CliOptions.valued("seed", "S",
      "seed of every random choice (default: dossier.sample.seed); the same arguments give the same bytes");

  @Override
  public String name() {
    return "sample";
  }

  @Override
  public String synopsis() {
    return "--out DIR [--cadres N] [--months M] [--seed S]";
  }

  @Override
  public String summary() {
    return "write sample agency extracts (every quirk) and their ground truth (<DIR>-ground-truth.json)";
  }

  @Override
  public Options options() {
    return new Options().addOption(OUT).addOption(CADRES).addOption(MONTHS).addOption(SEED);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) throws Exception {
    DossierSettings dossier = Settings.load(Optional.empty());
    SampleSettings defaults = SampleSettings.from(dossier.config(), dossier.datasets());
    SampleSettings settings = defaults.with(
        CliOptions.positiveInt(line, CADRES).orElse(defaults.cadres()),
        CliOptions.positiveInt(line, MONTHS).orElse(defaults.months()),
        seed(line).orElse(defaults.seed()));
    generate(dossier, settings, Path.of(line.getOptionValue(OUT.getLongOpt())), console);
    return ExitCode.OK;
  }

  /** Writes the sample into {@code out} and says so on the console (shared with {@code demo}). */
  static SampleGenerator.Result generate(DossierSettings dossier, SampleSettings settings, Path out, Console console)
      throws java.io.IOException {
    String problem = SampleGenerator.problem(settings);
    if (problem != null) {
      throw new UsageException(problem);
    }
    console.line("sample   %s cadres, backfill + %d monthly deliveries to %s, seed %d",
        Console.count(settings.cadres()), settings.months(), settings.lastDelivery(), settings.seed());
    SampleGenerator.Result result;
    try {
      result = new SampleGenerator(settings, dossier.datasets(), dossier.landing(), out, console::progress).run();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } finally {
      console.endProgress();
    }
    console.line("sample   done in %s", Console.elapsed(result.elapsed()));
    console.line("  %s files in %s (backfill %s, deliveries %s … %s)", Console.count(result.files()), result.landing(),
        result.backfill(), result.firstDelivery(), result.lastDelivery());
    console.line("  ground truth: %s", result.groundTruth());
    return result;
  }

  private static Optional<Long> seed(CommandLine line) {
    String value = line.getOptionValue(SEED.getLongOpt());
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new UsageException("--seed '" + value + "': expected a whole number");
    }
  }
}
