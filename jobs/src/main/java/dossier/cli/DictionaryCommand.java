package dossier.cli;

import dossier.publish.CuratedTables;
import dossier.schema.DataDictionary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier dictionary [--out FILE]}: the data dictionary of the curated tables as
 * Markdown, generated from their specs; the repository keeps it in docs/data-dictionary.md.
 */
final class DictionaryCommand implements Command {
  private static final Option OUT = CliOptions.valued("out", "FILE", "write the Markdown here (default: print it)");

  @Override
  public String name() {
    return "dictionary";
  }

  @Override
  public String synopsis() {
    return "[--out FILE]";
  }

  @Override
  public String summary() {
    return "the data dictionary of the curated tables, as Markdown (docs/data-dictionary.md)";
  }

  @Override
  public Options options() {
    return new Options().addOption(OUT);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    String markdown = DataDictionary.markdown(CuratedTables.ALL);
    if (!line.hasOption(OUT.getLongOpt())) {
      console.line(markdown.stripTrailing());
      return ExitCode.OK;
    }
    Path out = Path.of(line.getOptionValue(OUT.getLongOpt()));
    try {
      Files.writeString(out, markdown, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    console.line("data dictionary: %d tables written to %s", CuratedTables.ALL.size(), out);
    return ExitCode.OK;
  }
}
