package dossier.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
  private static final FigureTable RECORDS = new FigureTable("records", "事项数", "curated/open/agg_unit_period",
      List.of(new FigureTable.Column("category", "事项类别"), new FigureTable.Column("records", "事项数"),
          new FigureTable.Column("share", "占比")),
      List.of(List.of(Cell.label("信访举报 <A&B>"), Cell.number(12), Cell.percent(new BigDecimal("0.3333"))),
          List.of(Cell.label("党纪政务处分"), Cell.suppressed("<3"), Cell.label(null))));

  private static String page(Optional<Chart> chart) {
    return ReportHtml.render(new Report("月度简报", "2026年10月 · 公开版", List.of("统计截至 2026-10"),
        List.of(new Section("新增事项", List.of("说明"), List.of(new Section.Figure(RECORDS, chart))))));
  }

  @Test
  void figuresReadBackWithTheirPublishedValues() {
    ParsedReport report = ParsedReport.parse(page(Optional.empty()));

    assertThat(report.rows("records")).as("rows read back from the XHTML")
        .extracting(r -> r.get("category").text(), r -> r.get("records").value(), r -> r.get("share").value())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("信访举报 <A&B>", Optional.of(new BigDecimal("12")),
                Optional.of(new BigDecimal("0.3333"))),
            org.assertj.core.groups.Tuple.tuple("党纪政务处分", Optional.empty(), Optional.empty()));
  }

  @Test
  void suppressedFigureShowsItsMarkAndIsFlagged() {
    ParsedReport.ParsedCell cell = ParsedReport.parse(page(Optional.empty())).rows("records").get(1).get("records");

    assertThat(cell.text()).as("shown text").isEqualTo("<3");
    assertThat(cell.suppressed()).as("data-suppressed").isTrue();
  }

  @Test
  void percentShowsTheShareAsPercentage() {
    assertThat(ParsedReport.parse(page(Optional.empty())).rows("records").get(0).get("share").text())
        .as("0.3333 shown").isEqualTo("33.33%");
  }

  @Test
  void eachChartSitsBesideItsTable() {
    ParsedReport report = ParsedReport.parse(page(Optional.of(BarChart.of(0, 1))));

    assertThat(report.hasChart("records")).as("bar chart beside the table").isTrue();
    assertThat(report.elements("rect")).as("one bar: the suppressed figure draws none").hasSize(1);
  }

  @Test
  void pageLoadsNothingFromOutside() {
    String html = page(Optional.of(LineChart.of(0, 1)));
    ParsedReport report = ParsedReport.parse(html);

    assertThat(report.elements("script")).as("scripts").isEmpty();
    assertThat(report.elements("link")).as("linked style sheets").isEmpty();
    assertThat(report.elements("img")).as("images").isEmpty();
    assertThat(html).as("no address of anything").doesNotContain("http://cdn", "https://", "@import", "url(");
  }

  @Test
  void printStyleStartsEverySectionOnANewPageAndKeepsRowsWhole() {
    String html = page(Optional.empty());

    assertThat(html).as("print rules").contains("@media print", "break-before: page", "tr { break-inside: avoid;");
  }

  @Test
  void emptyElementsAreClosedExplicitlyForHtmlParsers() {
    String html = page(Optional.of(HeatChart.of(0, List.of(1))));

    assertThat(html).as("no self-closed non-void element").doesNotContainPattern("<(td|div|text|p|th)[^>]*/>");
  }
}
