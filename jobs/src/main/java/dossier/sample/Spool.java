package dossier.sample;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Rows waiting for their delivery folder, one temporary file per future file: rows are generated
 * in the month of their matter but may be delivered months later, and nothing is kept in memory
 * but the open writers and a count per file.
 */
final class Spool implements AutoCloseable {
  private static final char SEPARATOR = '\u001F';
  /** Stands for a line break of a free-text value, so that a row stays one line of its spool file. */
  private static final char LINE_BREAK = '\u001E';
  private static final Pattern SPLIT = Pattern.compile(String.valueOf(SEPARATOR));
  private final Path dir;
  private final Map<Key, BufferedWriter> writers = new HashMap<>();
  private final Map<Key, Long> counts = new HashMap<>();
  private final java.util.Set<Key> stateful = new java.util.HashSet<>();

  /** Which file of a delivery folder a row goes to. */
  enum Part {
    /** {@code <dataset>_<YYYYMM>}. */
    MAIN,
    /** {@code <dataset>_<YYYYMM>_2}: corrections of the month's main file. */
    CORRECTIONS,
    /** Rows the first version of a changed re-delivery lacks: only its second version has them. */
    REDELIVERY_ONLY
  }

  /** A future file: delivery folder, dataset, part. */
  record Key(YearMonth folder, String dataset, Part part) {
    static final Comparator<Key> ORDER = Comparator.comparing(Key::folder).thenComparing(Key::dataset)
        .thenComparing(Key::part);
  }

  Spool(Path dir) {
    this.dir = dir;
  }

  /** Adds a row; {@code changesState}: it corrects or revokes (its file needs the 记录状态 column). */
  void add(Key key, String[] values, boolean changesState) {
    if (changesState) {
      stateful.add(key);
    }
    BufferedWriter writer = writers.computeIfAbsent(key, this::open);
    try {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          writer.write(SEPARATOR);
        }
        String value = values[i];
        if (value != null) {
          if (value.isEmpty() || value.indexOf(SEPARATOR) >= 0 || value.indexOf(LINE_BREAK) >= 0
              || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(
                "a canonical value is neither empty nor holds U+001F, U+001E or a carriage return: '" + value + "'");
          }
          writer.write(value.replace('\n', LINE_BREAK));
        }
      }
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    counts.merge(key, 1L, Long::sum);
  }

  boolean stateful(Key key) {
    return stateful.contains(key);
  }

  long count(Key key) {
    return counts.getOrDefault(key, 0L);
  }

  /** The keys of one folder, in file order. */
  List<Key> keys(YearMonth folder) {
    return counts.keySet().stream().filter(k -> k.folder().equals(folder)).sorted(Key.ORDER).toList();
  }

  /** Reads the rows of a key in the order they were added (null for null values). */
  void read(Key key, int columns, Consumer<String[]> rows) {
    if (count(key) == 0) {
      return;
    }
    flush(key);
    try (BufferedReader reader = Files.newBufferedReader(path(key), StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] values = SPLIT.split(line, -1);
        if (values.length != columns) {
          throw new IllegalStateException("spool row of " + key + " has " + values.length + " values, not " + columns);
        }
        for (int i = 0; i < values.length; i++) {
          values[i] = values[i].isEmpty() ? null : values[i].replace(LINE_BREAK, '\n');
        }
        rows.accept(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Forgets a rendered folder's rows. */
  void discard(YearMonth folder) {
    for (Key key : keys(folder)) {
      try {
        BufferedWriter writer = writers.remove(key);
        if (writer != null) {
          writer.close();
        }
        Files.deleteIfExists(path(key));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      counts.remove(key);
      stateful.remove(key);
    }
  }

  private void flush(Key key) {
    try {
      BufferedWriter writer = writers.get(key);
      if (writer != null) {
        writer.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedWriter open(Key key) {
    try {
      return Files.newBufferedWriter(path(key), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path path(Key key) {
    return dir.resolve(key.folder() + "-" + key.dataset() + "-" + key.part() + ".rows");
  }

  @Override
  public void close() throws IOException {
    for (BufferedWriter writer : writers.values()) {
      writer.close();
    }
    writers.clear();
    try (var files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(dir);
  }
}
