package dossier.cli;

import dossier.lake.TableComparison;
import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier compare --left LAKE --right LAKE [--layers curated,...]}: do two lakes hold
 * the same tables? Exit 0 when every table is the same, 1 otherwise. Proves a cluster run equals a
 * local one, or a backfill equals month-by-month runs; useful after moving a lake too.
 */
final class CompareCommand implements Command {
  private static final Option LEFT = CliOptions.required(CliOptions.valued("left", "LAKE", "first lake"));
  private static final Option RIGHT = CliOptions.required(CliOptions.valued("right", "LAKE", "second lake"));
  private static final Option LAYERS = CliOptions.valued("layers", "LIST",
      "comma-separated layers among raw, conformed, analysed, curated (default: curated)");
  private static final Set<String> KNOWN_LAYERS = Set.of("raw", "conformed", "analysed", "curated");

  @Override
  public String name() {
    return "compare";
  }

  @Override
  public String synopsis() {
    return "--left LAKE --right LAKE [--layers curated,analysed] [--conf FILE]";
  }

  @Override
  public String summary() {
    return "check that two lakes hold the same tables and rows (run columns ignored)";
  }

  @Override
  public Options options() {
    return new Options().addOption(LEFT).addOption(RIGHT).addOption(LAYERS).addOption(CliOptions.CONF);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    List<String> layers = List.of(line.getOptionValue(LAYERS.getLongOpt(), "curated").split(","));
    layers.stream().filter(l -> !KNOWN_LAYERS.contains(l)).findFirst().ifPresent(l -> {
      throw new UsageException("--layers '" + l + "': expected some of " + KNOWN_LAYERS);
    });
    String left = line.getOptionValue(LEFT.getLongOpt());
    String right = line.getOptionValue(RIGHT.getLongOpt());
    DossierSettings settings = CliOptions.settings(line);
    Set<String> ignored = new HashSet<>(ConfigReader.at(settings.config(), "dossier.compare").strings("ignored-columns"));
    List<TableComparison.Difference> differences = Runs.withSpark(settings.withPaths(settings.landing().root(), left),
        console, (spark, progress) -> {
          List<TableComparison.Difference> all = new ArrayList<>();
          layers.forEach(layer -> all.addAll(TableComparison.compare(spark, left, right, layer, ignored)));
          return all;
        });
    differences.forEach(d -> console.line("  " + d));
    long different = differences.stream().filter(d -> !d.same()).count();
    if (differences.isEmpty()) {
      console.error("compare: no tables found in " + layers + " of either lake");
      return ExitCode.FAILED;
    }
    console.line("%d of %d tables differ", different, differences.size());
    return different == 0 ? ExitCode.OK : ExitCode.FAILED;
  }
}
