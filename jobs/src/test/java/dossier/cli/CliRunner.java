package dossier.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs CLI commands from tests in other packages, keeping what they print. */
public final class CliRunner {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Main main;

  /** A runner whose commands find no input. */
  public CliRunner() {
    this("");
  }

  /** A runner whose commands read this text as their standard input. */
  public CliRunner(String input) {
    main = new Main(new Console(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
  }

  public ExitCode run(String... args) {
    return main.run(args);
  }

  /** Everything printed to standard output so far. */
  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Everything printed to standard error so far. */
  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
