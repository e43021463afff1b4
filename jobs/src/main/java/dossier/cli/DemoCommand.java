package dossier.cli;

import dossier.job.StageArguments;
import dossier.job.Stages;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier demo}: the embedded default. Generates the sample district's extracts into
 * the configured landing folder ({@code ./work/landing}) unless they are already there, runs every
 * stage locally into the configured lake ({@code ./work/lake}), and ends with a summary and where
 * to look next. Running it again changes no data.
 */
final class DemoCommand implements Command {
  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String synopsis() {
    return "";
  }

  @Override
  public String summary() {
    return "the embedded default: sample extracts -> lake -> curated tables, locally, in ./work";
  }

  @Override
  public Options options() {
    return new Options();
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) throws Exception {
    DossierSettings settings = Settings.load(Optional.empty());
    Runs.checkSettings(settings, Stages.ordered());
    Path landing = Path.of(settings.landing().root());
    if (Files.isDirectory(landing)) {
      console.line("sample   extracts already in %s (delete %s to generate them afresh)", landing, landing.getParent());
    } else {
      SampleCommand.generate(settings, SampleSettings.from(settings.config(), settings.datasets()), landing, console);
    }
    Runs.runStages(settings, Stages.ordered(), StageArguments.asOf(Optional.empty()), false, false, console,
        context -> new DemoSummary(context, console).print());
    return ExitCode.OK;
  }
}
