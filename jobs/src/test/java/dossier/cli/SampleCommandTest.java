package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** A bad command line: the arguments after --out DIR, and the message it must give. */
  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        Arguments.of("non-positive cadres", List.of("--cadres", "0"), "--cadres '0': expected a positive whole number"),
        Arguments.of("months not a number", List.of("--months", "two"), "--months 'two': expected a positive whole number"),
        Arguments.of("seed not a number", List.of("--seed", "x1"), "--seed 'x1': expected a whole number"),
        Arguments.of("too few cadres for the scenarios", List.of("--cadres", "20"),
            "--cadres 20: the planted scenarios need at least 200"),
        Arguments.of("months reaching before the first year end", List.of("--months", "160"),
            "--months 160: the backfill folder"),
        Arguments.of("unknown option", List.of("--units", "60"), "Unrecognized option: --units"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommandLines")
  void aBadCommandLineIsAUsageError(String what, List<String> args, String message, @TempDir Path dir) {
    List<String> all = new ArrayList<>(List.of("sample", "--out", dir.resolve("l").toString()));
    all.addAll(args);

    assertThat(run(all.toArray(String[]::new))).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains(message);
    assertThat(out.toString(StandardCharsets.UTF_8)).as("usage").contains("bin/dossier sample --out DIR");
  }

  @Test
  void missingOutIsAUsageError() {
    assertThat(run("sample", "--cadres", "300")).as("exit code").isEqualTo(ExitCode.USAGE);
    assertThat(errors()).as("message").contains("Missing required option: out");
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
