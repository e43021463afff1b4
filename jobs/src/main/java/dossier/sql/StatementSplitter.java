package dossier.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts typed or piped text, line by line, into what to run: SQL statements, each ended by a
 * {@code ;} outside quotes, and dot commands ({@code .tables}) on a line of their own between
 * statements. A {@code --} comment is dropped (an apostrophe in it would open a quote otherwise).
 */
public final class StatementSplitter {
  private final StringBuilder pending = new StringBuilder();
  private char quote;

  /** The statements and dot commands this line completes, in order. */
  public List<String> line(String line) {
    if (!inStatement() && line.strip().startsWith(".")) {
      return List.of(line.strip());
    }
    List<String> complete = new ArrayList<>();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote; // a doubled quote closes and reopens: still right
      } else if (c == '-' && line.startsWith("--", i)) {
        break;
      } else if (c == ';') {
        take().ifPresent(complete::add);
        continue;
      } else if (c == '\'' || c == '"') {
        quote = c;
      }
      pending.append(c);
    }
    pending.append('\n');
    return complete;
  }

  /** At the end of the input: the last statement, when it has no {@code ;}. */
  public Optional<String> end() {
    quote = 0;
    return take();
  }

  /** Whether a statement has begun and waits for its {@code ;}. */
  public boolean inStatement() {
    return quote != 0 || !pending.toString().isBlank();
  }

  private Optional<String> take() {
    String statement = pending.toString().strip();
    pending.setLength(0);
    return statement.isEmpty() ? Optional.empty() : Optional.of(statement);
  }
}
