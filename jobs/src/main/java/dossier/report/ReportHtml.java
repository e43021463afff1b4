package dossier.report;

import java.util.List;

/**
 * Writes a {@link Report} as one self-contained page: the style sheet is inline, charts are
 * inline SVG, and nothing is fetched from anywhere (no fonts, scripts or images), so the file
 * opens offline and can be mailed. It prints on A4 with every section on a new page, table header
 * rows repeated and no table row split across pages.
 */
final class ReportHtml {
  /** Kept free of '&lt;', '&gt;', '&amp;' and '"': it is written as escaped text in a raw-text element. */
  private static final String STYLE = String.join("\n",
      "body { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei',",
      "  'PingFang SC', sans-serif; color: #222; max-width: 1180px; margin: 24px auto; padding: 0 24px;",
      "  font-size: 14px; line-height: 1.55; }",
      "header.cover { border-bottom: 3px solid #b8463e; padding-bottom: 10px; margin-bottom: 8px; }",
      "h1 { font-size: 28px; margin: 0; color: #b8463e; letter-spacing: 2px; }",
      "p.subtitle { font-size: 18px; margin: 4px 0 8px; }",
      "ul.facts { margin: 0; padding-left: 18px; color: #555; font-size: 12px; }",
      "h2 { font-size: 20px; border-left: 6px solid #1f5fa8; padding-left: 8px; margin: 28px 0 8px; }",
      "h3 { font-size: 15px; margin: 0 0 6px; }",
      "p.source { color: #777; font-size: 11px; margin: 4px 0 0; }",
      "div.figure { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; margin: 12px 0 22px;",
      "  break-inside: avoid; page-break-inside: avoid; }",
      "div.chart-box { flex: 0 0 auto; }",
      "div.table-box { flex: 1 1 360px; min-width: 320px; }",
      "table.figures { border-collapse: collapse; font-size: 12.5px; }",
      "table.figures caption { text-align: left; font-weight: bold; padding-bottom: 4px; }",
      "table.figures th, table.figures td { border: 1px solid #c9ced6; padding: 3px 8px; vertical-align: top; }",
      "table.figures th { background: #eef2f7; font-weight: 600; }",
      "table.figures td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
      "table.figures td.suppressed { color: #777; background: #f1f1f1; }",
      "table.figures td.empty { color: #777; font-style: italic; }",
      "thead { display: table-header-group; }",
      "tr { break-inside: avoid; page-break-inside: avoid; }",
      "svg.chart text { font-family: inherit; fill: #333; }",
      "svg.chart text.label { font-size: 12px; }",
      "svg.chart text.tick { font-size: 11px; fill: #555; }",
      "svg.chart text.value { font-size: 11px; }",
      "svg.chart text.suppressed { fill: #888; }",
      "svg.chart text.cell { font-size: 10.5px; }",
      "svg.chart text.dark { fill: #fff; }",
      "svg.chart line.axis { stroke: #555; }",
      "svg.chart line.grid { stroke: #e2e2e2; }",
      "@page { size: A4; margin: 14mm 12mm; }",
      "@media print {",
      "  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }",
      "  section { break-before: page; page-break-before: always; }",
      "  h2 { margin-top: 0; }",
      "  div.figure { gap: 12px; }",
      "}");

  private ReportHtml() {}

  static String render(Report report) {
    Tag body = Tag.of("body").add(cover(report));
    report.sections().forEach(s -> body.add(section(s)));
    Tag html = Tag.of("html").attr("xmlns", "http://www.w3.org/1999/xhtml").attr("lang", "zh-CN")
        .add(Tag.of("head")
            .add(Tag.of("meta").attr("charset", "utf-8"))
            .add(Tag.of("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1"))
            .add(Tag.of("title", report.title() + " " + report.subtitle()))
            .add(Tag.of("style", STYLE)))
        .add(body);
    return "<!DOCTYPE html>\n" + html.render() + "\n";
  }

  private static Tag cover(Report report) {
    Tag facts = Tag.of("ul").cls("facts");
    report.facts().forEach(f -> facts.add(Tag.of("li", f)));
    return Tag.of("header").cls("cover").add(Tag.of("h1", report.title()))
        .add(Tag.of("p", report.subtitle()).cls("subtitle")).add(facts);
  }

  private static Tag section(Section section) {
    Tag tag = Tag.of("section").add(Tag.of("h2", section.title()));
    section.notes().forEach(n -> tag.add(Tag.of("p", n)));
    section.figures().forEach(f -> tag.add(figure(f)));
    return tag;
  }

  private static Tag figure(Section.Figure figure) {
    Tag box = Tag.of("div").cls("figure");
    figure.chart().filter(c -> !figure.table().isEmpty())
        .ifPresent(c -> box.add(Tag.of("div").cls("chart-box").add(c.draw(figure.table()))));
    return box.add(Tag.of("div").cls("table-box").add(table(figure.table()))
        .add(Tag.of("p", "数据来源：" + figure.table().source()).cls("source")));
  }

  private static Tag table(FigureTable table) {
    Tag head = Tag.of("tr");
    table.columns().forEach(c -> head.add(Tag.of("th", c.label()).attr("data-column", c.key())));
    Tag body = Tag.of("tbody");
    if (table.isEmpty()) {
      body.add(Tag.of("tr").add(Tag.of("td", "（无）").cls("empty").attr("colspan", table.columns().size())));
    }
    for (List<Cell> row : table.rows()) {
      Tag tr = Tag.of("tr");
      row.forEach(cell -> tr.add(cell(cell)));
      body.add(tr);
    }
    return Tag.of("table").cls("figures").attr("id", table.id()).attr("data-source", table.source())
        .add(Tag.of("caption", table.caption())).add(Tag.of("thead").add(head)).add(body);
  }

  private static Tag cell(Cell cell) {
    Tag td = Tag.of("td", cell.text());
    if (cell.suppressed()) {
      return td.cls("n suppressed").attr("data-suppressed", "true");
    }
    return cell.value() == null ? td : td.cls("n").attr("data-value", cell.value().toPlainString());
  }
}
