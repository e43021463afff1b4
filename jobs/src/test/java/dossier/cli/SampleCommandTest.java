package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/dossier sample}: its options, their errors (exit code 2 with usage) and where it writes. */
class SampleCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Main main = new Main(new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8)));

  private ExitCode run(String... args) {
    return main.run(args);
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsExactlyTheFourOptions() {
    assertThat(run("sample", "--help")).as("exit code").isEqualTo(ExitCode.OK);
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(help).as("help").contains("bin/dossier sample --out DIR [--cadres N] [--months M] [--seed S]",
        "--out", "--cadres", "--months", "--seed", "ground-truth.json");
  }

  @Test
  void missingOutIsAUsageError() {
    assertThat(run("sample", "--cadres", "300")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("Missing required option: out");
  }

  @Test
  void nonPositiveCadresIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.resolve("l").toString(), "--cadres", "0")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("--cadres '0': expected a positive whole number");
  }

  @Test
  void nonNumericMonthsIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.resolve("l").toString(), "--months", "two")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("--months 'two': expected a positive whole number");
  }

  @Test
  void nonNumericSeedIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.resolve("l").toString(), "--seed", "x1")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("--seed 'x1': expected a whole number");
  }

  @Test
  void tooFewCadresForTheScenariosIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.resolve("l").toString(), "--cadres", "20")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("--cadres 20: the planted scenarios need at least 200");
  }

  @Test
  void monthsReachingBeforeTheFirstYearEndIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.resolve("l").toString(), "--months", "160")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("--months 160: the backfill folder");
  }

  @Test
  void unknownOptionIsAUsageError(@TempDir Path dir) {
    assertThat(run("sample", "--out", dir.toString(), "--units", "60")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("Unrecognized option: --units");
  }

  @Test
  void aFolderThatIsNotEmptyIsAUsageError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("old.csv"), "x");
    assertThat(run("sample", "--out", dir.toString())).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("is not empty");
  }

  @Test
  void writesTheLandingFolderAndTheGroundTruthBesideIt(@TempDir Path dir) {
    Path landing = dir.resolve("landing");
    assertThat(run("sample", "--out", landing.toString(), "--cadres", "200", "--months", "2")).as("exit code")
        .isEqualTo(ExitCode.OK);
    assertThat(dir.resolve("landing-ground-truth.json")).as("ground truth beside the landing folder").isRegularFile();
    assertThat(landing.resolve("2026-10/zzb")).as("last delivery folder").isDirectory();
    assertThat(out.toString(StandardCharsets.UTF_8)).as("console").contains("ground truth: ");
  }
}
