package dossier.report;

import dossier.lake.Lake.Zone;
import dossier.report.Figures.Col;
import dossier.report.Section.Figure;
import dossier.schema.CuratedTable;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * 季度分析报告 of the latest quarter completed by the as-of month: the monthly trend, records by
 * category against the previous quarter and the same quarter last year (largest rise first),
 * the units rising fastest, and the quarter's lists (restricted report only).
 */
final class QuarterlyAnalysis {
  private final ReportContext context;
  private final Zone zone;
  /** The quarter's last month. */
  private final YearMonth end;
  private final String quarter;
  private final String previous;
  private final String lastYear;

  QuarterlyAnalysis(ReportContext context, Zone zone) {
    this.context = context;
    this.zone = zone;
    this.end = lastCompletedQuarterEnd(context.asOf());
    this.quarter = Sections.quarter(end);
    this.previous = Sections.quarter(end.minusMonths(3));
    this.lastYear = Sections.quarter(end.minusYears(1));
  }

  /** The last month of the latest quarter that has ended by the end of the month. */
  static YearMonth lastCompletedQuarterEnd(YearMonth month) {
    return month.minusMonths(month.getMonthValue() % 3);
  }

  Report build() {
    return new Report(ReportKind.QUARTER.title(), end.getYear() + "年第" + ((end.getMonthValue() - 1) / 3 + 1)
        + "季度 · " + Sections.zoneLabel(zone), Sections.facts(context, zone),
        List.of(trend(), categories(), risingUnits(), Sections.lists(context, zone, "四、本季度名单", quarter)));
  }

  private Section trend() {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    int months = context.settings().trendMonths();
    List<String> periods = Stream.iterate(end.minusMonths(months - 1L), m -> m.plusMonths(1)).limit(months)
        .map(YearMonth::toString).toList();
    FigureTable table = context.figures().table("monthly-trend", "全区逐月事项数", context.source(agg,
            "period_type=month period=" + periods.get(0) + "…" + periods.get(periods.size() - 1)
                + " category=all，各单位合计"),
        ReportTransforms.districtByPeriod(context.aggUnitPeriod(), "month", periods),
        List.of(Col.text("period", context.label(agg, "period")), Col.number("records", context.label(agg, "records")),
            Col.number("scored_records", context.label(agg, "scored_records")),
            Col.number("severe_records", context.label(agg, "severe_records")),
            Col.number("points", context.label(agg, "points")),
            Col.number(ReportTransforms.SUPPRESSED_UNITS, "被抑制单位数")));
    return new Section("一、走势", List.of("截至本季度末的 " + months + " 个月，全区每月事项数、计分事项数与严重事项数。"),
        List.of(Figure.charted(table, LineChart.of(0, 1, 2, 3))));
  }

  private Section categories() {
    return new Section("二、分类别比较", List.of(quarter + " 各类别事项数，与上季度（" + previous + "，环比）及上年同期（"
        + lastYear + "，同比）比较，增幅最大的类别在前。"),
        List.of(Sections.categories(context, "records-by-category", "各类别事项数（本季、上季、上年同季）", "quarter",
            List.of(quarter, previous, lastYear))));
  }

  private Section risingUnits() {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    int limit = context.settings().risingUnits();
    FigureTable table = context.figures().table("rising-units", "事项增加最多的单位", context.source(agg,
            "period=" + quarter + "," + previous + " category=all"),
        ReportTransforms.risingUnits(context.aggUnitPeriod(), quarter, previous, limit),
        List.of(Col.text("unit_name", context.label(agg, "unit_name")),
            Col.number(ReportTransforms.RECORDS + 0, quarter + " " + context.label(agg, "records"))
                .suppressedBy("suppressed_0"),
            Col.number(ReportTransforms.RECORDS + 1, previous + " " + context.label(agg, "records"))
                .suppressedBy("suppressed_1"),
            Col.number("change", "增减")));
    return new Section("三、增幅最大的单位", List.of("事项数较上季度增加最多的至多 " + limit
        + " 个单位（两季数字均未被抑制的单位才可比较）。"), List.of(Figure.charted(table, BarChart.of(0, 1, 2))));
  }
}
