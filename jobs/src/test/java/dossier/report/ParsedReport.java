package dossier.report;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A report read back with the JDK's XML parser (reports are well-formed XHTML): its figure
 * tables by id ({@code <table class="figures" id=…>}), each row as column key → cell.
 */
final class ParsedReport {
  private final Document document;

  private ParsedReport(Document document) {
    this.document = document;
  }

  static ParsedReport parse(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      factory.setExpandEntityReferences(false);
      return new ParsedReport(factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8))));
    } catch (Exception e) {
      throw new AssertionError("the report is not well-formed XHTML: " + e.getMessage(), e);
    }
  }

  /**
   * A figure cell as read back.
   *
   * @param text what it shows
   * @param value its data-value, when it is a figure
   * @param suppressed whether it is marked suppressed
   */
  record ParsedCell(String text, Optional<BigDecimal> value, boolean suppressed) {}

  /** The ids of every figure table, in document order. */
  List<String> tableIds() {
    List<String> ids = new ArrayList<>();
    for (Element table : elements("table")) {
      ids.add(table.getAttribute("id"));
    }
    return ids;
  }

  String source(String tableId) {
    return table(tableId).getAttribute("data-source");
  }

  /** The rows of a figure table: column key (data-column of its header) → cell. */
  List<Map<String, ParsedCell>> rows(String tableId) {
    Element table = table(tableId);
    List<String> keys = new ArrayList<>();
    NodeList headers = table.getElementsByTagName("th");
    for (int i = 0; i < headers.getLength(); i++) {
      keys.add(((Element) headers.item(i)).getAttribute("data-column"));
    }
    List<Map<String, ParsedCell>> rows = new ArrayList<>();
    NodeList trs = ((Element) table.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
    for (int r = 0; r < trs.getLength(); r++) {
      NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
      if (tds.getLength() == 1 && keys.size() > 1) {
        continue; // the "(none)" row of an empty table
      }
      Map<String, ParsedCell> row = new LinkedHashMap<>();
      for (int c = 0; c < tds.getLength(); c++) {
        Element td = (Element) tds.item(c);
        String value = td.getAttribute("data-value");
        row.put(keys.get(c), new ParsedCell(td.getTextContent(),
            value.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(value)),
            "true".equals(td.getAttribute("data-suppressed"))));
      }
      rows.add(row);
    }
    return rows;
  }

  /** Whether the figure table sits in a figure box with an inline SVG chart. */
  boolean hasChart(String tableId) {
    Element box = (Element) table(tableId).getParentNode().getParentNode();
    return box.getElementsByTagName("svg").getLength() > 0;
  }

  /** Every element of a name (e.g. script, link, img), for checks of what the page loads. */
  List<Element> elements(String name) {
    NodeList nodes = document.getElementsByTagName(name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  /** The visible text of the whole page. */
  String text() {
    return document.getDocumentElement().getTextContent();
  }

  private Element table(String tableId) {
    return elements("table").stream().filter(t -> t.getAttribute("id").equals(tableId)).findFirst()
        .orElseThrow(() -> new AssertionError("the report has no table " + tableId + " (it has " + tableIds() + ")"));
  }
}
