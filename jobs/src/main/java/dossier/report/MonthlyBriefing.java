package dossier.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.trigger.CadreTriggerTable;
import dossier.lake.Lake.Zone;
import dossier.report.Figures.Col;
import dossier.report.Section.Figure;
import dossier.schema.CuratedTable;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * 月度简报 of the as-of month M: new records by category and unit, the unit warnings of M with
 * their reasons and the change since M−1, new and overdue threshold triggers (restricted report
 * only), and the data quality of the publish run of M.
 */
final class MonthlyBriefing {
  /** Trigger statuses as the briefing words them. */
  private static final Map<String, String> STATUS = Map.of(CadreTriggerTable.OPEN, "待处置",
      CadreTriggerTable.OVERDUE, "逾期未处置", CadreTriggerTable.CLOSED, "已处置", CadreTriggerTable.WITHDRAWN, "已撤回");

  private final ReportContext context;
  private final Zone zone;
  private final String month;
  private final String previous;

  MonthlyBriefing(ReportContext context, Zone zone) {
    this.context = context;
    this.zone = zone;
    this.month = context.asOf().toString();
    this.previous = context.asOf().minusMonths(1).toString();
  }

  Report build() {
    YearMonth m = context.asOf();
    return new Report(ReportKind.MONTH.title(),
        m.getYear() + "年" + m.getMonthValue() + "月 · " + Sections.zoneLabel(zone), Sections.facts(context, zone),
        List.of(newRecords(), warnings(), triggers(), quality()));
  }

  private Section newRecords() {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    FigureTable units = context.figures().table("records-by-unit", "各单位本月事项", context.source(agg,
            "period=" + month + " category=all"), ReportTransforms.unitsInPeriod(context.aggUnitPeriod(), month),
        List.of(Col.text("unit_name", context.label(agg, "unit_name")),
            Col.number("records", context.label(agg, "records")).suppressedBy("suppressed"),
            Col.number("scored_records", context.label(agg, "scored_records")).suppressedBy("suppressed"),
            Col.number("severe_records", context.label(agg, "severe_records")).suppressedBy("suppressed"),
            Col.number("persons", context.label(agg, "persons")).suppressedBy("suppressed"),
            Col.number("points", context.label(agg, "points")).suppressedBy("suppressed")));
    return new Section("一、本月新增事项", List.of("按事项日期计入 " + month + " 的监督事项，按类别与单位统计，并与上月比较。"),
        List.of(Sections.categories(context, "records-by-category", "各类别事项数（本月与上月）", "month",
            List.of(month, previous)), Figure.charted(units, BarChart.of(0, 1))));
  }

  private Section warnings() {
    CuratedTable table = ReportTables.UNIT_WARNING;
    String source = context.source(table, "month=" + month + "," + previous);
    FigureTable levels = context.figures().table("warning-levels", "各预警等级单位数", source,
        ReportTransforms.warningLevels(context.unitWarning(), month, previous),
        List.of(Col.text("level_label", context.label(table, "level_label")), Col.number("units_0", month + " 单位数"),
            Col.number("units_1", previous + " 单位数")));
    FigureTable changes = context.figures().table("warnings", "本月单位预警及变化", source,
        ReportTransforms.warningChanges(context.unitWarning(), month, previous),
        List.of(Col.text("unit_name", context.label(table, "unit_name")),
            Col.text("level_label", month + " " + context.label(table, "level_label")),
            Col.text("previous_label", previous + " " + context.label(table, "level_label")),
            Col.text("change", "变化"),
            Col.number("cadres", context.label(table, "cadres")),
            Col.number("cadres_with_points", context.label(table, "cadres_with_points")).suppressedBy("suppressed"),
            Col.percent("share", context.label(table, "share")).suppressedBy("suppressed"),
            Col.number("severe_records", context.label(table, "severe_records")).suppressedBy("suppressed"),
            Col.number("sanctions", context.label(table, "sanctions")).suppressedBy("suppressed"),
            Col.text("reasons", context.label(table, "reasons"))));
    return new Section("二、单位预警", List.of("按 12 个月窗口的涉及比例、严重事项与处分判定的单位预警（rules.md §3），"
        + "列出本月或上月有预警的单位；上月等级为本次统计重述后的结果。"),
        List.of(Figure.charted(levels, BarChart.of(0, 1, 2)), Figure.table(changes)));
  }

  private Section triggers() {
    String title = "三、触线提醒";
    if (zone == Zone.OPEN) {
      return new Section(title, List.of(ReportContext.restrictedOnly("触线提醒")), List.of());
    }
    CuratedTable table = ReportTables.CADRE_TRIGGER;
    Dataset<Row> due = context.reader().table(table)
        .filter(col("raised_month").equalTo(month).or(col("status").equalTo(CadreTriggerTable.OVERDUE)))
        .withColumn("kind", when(col("raised_month").equalTo(month), lit("本月新增")).otherwise(lit("逾期未处置")));
    Dataset<Row> counts = due.groupBy("line_rank", "line_label")
        .agg(Sections.countWhere(col("raised_month").equalTo(month)).as("new"),
            Sections.countWhere(col("status").equalTo(CadreTriggerTable.OVERDUE)).as("overdue"))
        .orderBy(col("line_rank").desc());
    Dataset<Row> listed = due.join(context.cadreNames(), "person_key", "left")
        .join(context.unitNames(), "unit_code", "left")
        .orderBy(col("kind"), col("line_rank").desc(), col("days_open").desc(), col("name"));
    String source = context.source(table, "raised_month=" + month + " 或 status=overdue");
    FigureTable countTable = context.figures().table("trigger-counts", "触线提醒数", source, counts,
        List.of(Col.text("line_label", context.label(table, "line_label")), Col.number("new", "本月新增"),
            Col.number("overdue", "逾期未处置")));
    FigureTable list = context.figures().table("triggers", "本月新增与逾期未处置的触线提醒",
        source + "，姓名取自 curated/restricted/dim_cadre", listed,
        List.of(Col.text("kind", "类别"), Col.text("name", context.label(ReportTables.DIM_CADRE, "name")),
            Col.text("unit_name", context.label(ReportTables.DIM_UNIT, "unit_name")),
            Col.text("line_label", context.label(table, "line_label")),
            Col.text("raised_month", context.label(table, "raised_month")),
            Col.number("score_at_raise", context.label(table, "score_at_raise")),
            Col.text("status", context.label(table, "status")).shownAs(s -> STATUS.getOrDefault(s, s)),
            Col.number("days_open", context.label(table, "days_open"))));
    return new Section(title, List.of("本月新触及提醒、函询、诫勉线的干部，以及超过处置期限仍未处置的触线提醒（rules.md §2）。"),
        List.of(Figure.charted(countTable, BarChart.of(0, 1, 2)), Figure.table(list)));
  }

  private Section quality() {
    CuratedTable table = ReportTables.DATA_QUALITY;
    Dataset<Row> rows = context.reader().asOf(table, context.asOf())
        .orderBy(col("dataset").equalTo("all"), col("dataset"));
    List<String> numbers = List.of("files", "files_rejected", "rows_read", "rows_landed", "rows_quarantined",
        "rows_rejected");
    List<Col> columns = new java.util.ArrayList<>();
    columns.add(Col.text("dataset", context.label(table, "dataset")));
    numbers.forEach(n -> columns.add(Col.number(n, context.label(table, n))));
    columns.add(Col.percent("quarantine_share", context.label(table, "quarantine_share")));
    columns.add(Col.number("unresolved", context.label(table, "unresolved")));
    columns.add(Col.number("hard_failures", context.label(table, "hard_failures")));
    columns.add(Col.number("soft_failures", context.label(table, "soft_failures")));
    FigureTable quality = context.figures().table("data-quality", "各数据集报送质量", context.source(table, ""), rows,
        columns);
    return new Section("四、数据质量", List.of("本月发布时各数据集的文件、读取、入库与隔离行数（按每个文件的最新版本累计），"
        + "拒收文件（如缺少必填列）整份退回、其行数单列，以及质量规则的检查结果；隔离的行与拒收的文件附原因见内部版 quarantine 表。"),
        List.of(Figure.charted(quality, BarChart.of(0, 5))));
  }
}
