package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of every stage of a command is checked before the first stage starts: a bad
 * rule of a later stage (analyse) stops the run with exit code 3 before landing writes anything.
 */
class RunSettingsTest {
  private final CliRunner cli = new CliRunner();

  private ExitCode run(Path dir, String rule) throws Exception {
    Path conf = dir.resolve("district.conf");
    Files.writeString(conf, "include required(classpath(\"application.conf\"))\n" + rule + "\n");
    Path landing = Files.createDirectories(dir.resolve("landing").resolve("2024-01"));
    return cli.run("run", "--landing", landing.getParent().toString(), "--lake", dir.resolve("lake").toString(),
        "--conf", conf.toString());
  }

  @Test
  void aNegativeThresholdStopsTheRunBeforeAnyTableIsWritten(@TempDir Path dir) throws Exception {
    ExitCode exit = run(dir, "dossier.rules.unit-warnings.red.share-at-least = -0.3");

    assertThat(exit).as("exit code").isEqualTo(ExitCode.CONFIGURATION);
    assertThat(cli.err()).as("error output").contains("dossier.rules.unit-warnings.red.share-at-least", "-0.3");
    assertThat(dir.resolve("lake")).as("the lake folder").doesNotExist();
  }

  @Test
  void aNonNumberStopsTheRunBeforeAnyTableIsWritten(@TempDir Path dir) throws Exception {
    ExitCode exit = run(dir, "dossier.rules.lines.reminder.score-at-least = three");

    assertThat(exit).as("exit code").isEqualTo(ExitCode.CONFIGURATION);
    assertThat(cli.err()).as("error output").contains("dossier.rules.lines.reminder.score-at-least", "three");
    assertThat(dir.resolve("lake")).as("the lake folder").doesNotExist();
  }

  @Test
  void aBadPublishSettingStopsTheRunBeforeAnyTableIsWritten(@TempDir Path dir) throws Exception {
    ExitCode exit = run(dir, "dossier.publish.min-persons = 0");

    assertThat(exit).as("exit code").isEqualTo(ExitCode.CONFIGURATION);
    assertThat(cli.err()).as("error output").contains("dossier.publish.min-persons = '0'");
    assertThat(dir.resolve("lake")).as("the lake folder").doesNotExist();
  }
}
