package dossier.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * A small streaming JSON writer for the ground truth: objects, arrays, strings, numbers,
 * booleans, maps and collections; pretty-printed, or compact for JSON lines.
 */
final class Json {
  private final Writer out;
  private final boolean pretty;
  /** Per open object or array: whether it has an item yet. */
  private final Deque<Boolean> containers = new ArrayDeque<>();
  private boolean afterName;

  Json(Writer out, boolean pretty) {
    this.out = out;
    this.pretty = pretty;
  }

  Json beginObject() {
    beforeValue();
    write("{");
    containers.push(false);
    return this;
  }

  Json endObject() {
    return close("}");
  }

  Json beginArray() {
    beforeValue();
    write("[");
    containers.push(false);
    return this;
  }

  Json endArray() {
    return close("]");
  }

  /** A field name inside an object; its value follows. */
  Json name(String name) {
    nextItem();
    write(quote(name) + (pretty ? ": " : ":"));
    afterName = true;
    return this;
  }

  /** {@code "name": value}. */
  Json field(String name, Object value) {
    return name(name).value(value);
  }

  Json value(Object value) {
    if (value instanceof Map<?, ?> map) {
      beginObject();
      map.forEach((k, v) -> field(k.toString(), v));
      return endObject();
    }
    if (value instanceof Collection<?> list) {
      beginArray();
      list.forEach(this::value);
      return endArray();
    }
    beforeValue();
    if (value == null) {
      write("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      write(value.toString());
    } else {
      write(quote(value.toString()));
    }
    return this;
  }

  /** Ends a top-level value with a line break (JSON lines). */
  void endLine() {
    write("\n");
  }

  private Json close(String bracket) {
    boolean hadItems = containers.pop();
    if (pretty && hadItems) {
      write("\n" + "  ".repeat(containers.size()));
    }
    write(bracket);
    return this;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (!containers.isEmpty()) {
      nextItem();
    }
  }

  private void nextItem() {
    if (containers.peek()) {
      write(",");
    }
    containers.pop();
    containers.push(true);
    if (pretty) {
      write("\n" + "  ".repeat(containers.size()));
    }
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return quoted.append('"').toString();
  }
}
