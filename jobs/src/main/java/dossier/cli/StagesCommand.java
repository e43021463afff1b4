package dossier.cli;

import com.typesafe.config.Config;
import dossier.contract.DatasetContracts;
import dossier.job.ScheduleSettings;
import dossier.job.Stage;
import dossier.job.StageManifest;
import dossier.job.Stages;
import dossier.settings.ConfigReader;
import dossier.settings.Settings;
import dossier.settings.SparkSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier stages [--out FILE]}: prints the stage manifest the Airflow DAGs read. It is
 * built from the embedded configuration only, so it is the same wherever it is generated.
 */
final class StagesCommand implements Command {
  private static final Option OUT = CliOptions.valued("out", "FILE", "write the manifest to FILE instead of stdout");

  @Override
  public String name() {
    return "stages";
  }

  @Override
  public String synopsis() {
    return "[--out FILE]";
  }

  @Override
  public String summary() {
    return "print the stage manifest (task graph) the Airflow DAGs read";
  }

  @Override
  public Options options() {
    return new Options().addOption(OUT);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) throws java.io.IOException {
    String json = manifest(Settings.loadConfig(Optional.empty()));
    if (line.hasOption(OUT.getLongOpt())) {
      Path out = Path.of(line.getOptionValue(OUT.getLongOpt()));
      Files.writeString(out, json, StandardCharsets.UTF_8);
      console.line("stage manifest written to %s", out);
    } else {
      console.line(json.stripTrailing());
    }
    return ExitCode.OK;
  }

  /** The manifest of the stages registered in {@link Stages} under the given configuration. */
  static String manifest(Config config) {
    var datasets = DatasetContracts.from(config);
    ScheduleSettings schedule = ScheduleSettings.from(config,
        Stages.ordered().stream().map(Stage::name).collect(Collectors.toSet()), datasets.keySet());
    Map<String, String> sparkConf = SparkSettings.from(ConfigReader.at(config, "dossier.spark")).conf();
    return StageManifest.json(Main.class.getName(), Stages.ordered(), schedule, sparkConf, datasets);
  }
}
