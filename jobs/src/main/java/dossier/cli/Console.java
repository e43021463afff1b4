package dossier.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Output for people: one line per stage and dataset with counts and elapsed time. Spark's own
 * logging goes to a file (see {@link LogFiles}), never here. The input is read by {@code sql} only.
 */
public final class Console {
  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;

  /** A console without input (reading it gives end of input at once). */
  public Console(PrintStream out, PrintStream err) {
    this(InputStream.nullInputStream(), out, err);
  }

  public Console(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  public static Console system() {
    return new Console(System.in, System.out, System.err);
  }

  /** The input as UTF-8 lines. */
  public BufferedReader input() {
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** Whether a person types the input at a terminal (then prompts help; piped input gets none). */
  public boolean interactive() {
    return in == System.in && System.console() != null;
  }

  /** Text as it is, no line end added: a prompt, or CSV records that bring their own line ends. */
  public void text(String text) {
    out.print(text);
    out.flush();
  }

  public void line(String text) {
    out.println(text);
    out.flush();
  }

  public void line(String format, Object... args) {
    line(String.format(Locale.ROOT, format, args));
  }

  public void error(String text) {
    err.println("dossier: " + text);
    err.flush();
  }

  /** A transient progress line (overwritten in place on a terminal). */
  public void progress(String text) {
    if (System.console() != null) {
      err.print("\r  … " + text + "\033[K");
    } else {
      err.println("  … " + text);
    }
    err.flush();
  }

  public void endProgress() {
    if (System.console() != null) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  /** 1234567 → "1,234,567". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** "0.8s", "12.3s", "2m05s". */
  public static String elapsed(Duration d) {
    long millis = d.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%dm%02ds", millis / 60_000, (millis / 1000) % 60);
  }
}
