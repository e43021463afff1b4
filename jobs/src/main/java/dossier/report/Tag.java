package dossier.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An element of the report's markup. Reports are written as well-formed XHTML (every element
 * closed, every attribute quoted, text escaped), so that a browser shows them and any XML parser
 * reads them back: the tests parse the figures out of them with the JDK's parser. Empty elements
 * are closed explicitly ({@code <td></td>}), since a browser reads the file as HTML.
 */
final class Tag {
  /** HTML elements without content; any other element is closed explicitly, as HTML parsers need. */
  private static final Set<String> VOID = Set.of("meta", "br", "hr", "col", "img");
  private final String name;
  private final Map<String, String> attributes = new LinkedHashMap<>();
  /** Child tags and text, in order. */
  private final List<Object> children = new ArrayList<>();

  private Tag(String name) {
    this.name = name;
  }

  static Tag of(String name) {
    return new Tag(name);
  }

  /** An element holding just a text. */
  static Tag of(String name, String text) {
    return new Tag(name).text(text);
  }

  Tag attr(String attribute, Object value) {
    attributes.put(attribute, String.valueOf(value));
    return this;
  }

  Tag cls(String classes) {
    return attr("class", classes);
  }

  Tag text(String text) {
    children.add(text);
    return this;
  }

  Tag add(Tag child) {
    children.add(child);
    return this;
  }

  Tag addAll(List<Tag> tags) {
    children.addAll(tags);
    return this;
  }

  String render() {
    StringBuilder out = new StringBuilder();
    write(out);
    return out.toString();
  }

  void write(StringBuilder out) {
    out.append('<').append(name);
    attributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(escape(v)).append('"'));
    if (VOID.contains(name)) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (Object child : children) {
      if (child instanceof Tag tag) {
        tag.write(out);
      } else {
        out.append(escape((String) child));
      }
    }
    out.append("</").append(name).append('>');
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
