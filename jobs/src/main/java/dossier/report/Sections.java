package dossier.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.when;

import dossier.lake.Lake.Zone;
import dossier.report.Figures.Col;
import dossier.report.Section.Figure;
import dossier.schema.CuratedTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The figures several reports share: records by category over periods, the lists, the cover facts. */
final class Sections {
  static final String ZONE_OPEN = "公开版";
  static final String ZONE_RESTRICTED = "内部版";

  private Sections() {}

  static String zoneLabel(Zone zone) {
    return zone == Zone.OPEN ? ZONE_OPEN : ZONE_RESTRICTED;
  }

  /** The lines under a report's title. */
  static List<String> facts(ReportContext context, Zone zone) {
    List<String> facts = new ArrayList<>();
    facts.add("统计截至 " + context.asOf() + "：各期数字为发布时的最新重述数据（使用截至 " + context.restatedAsOf()
        + " 月末报送的数据；各月当时报告的数字见 *_reported 表）。");
    facts.add("数据来源：curated/open/" + (zone == Zone.RESTRICTED ? " 与 curated/restricted/" : "")
        + " 下的 Parquet 表，每个图表旁的表格列出其全部数字及来源。");
    facts.add("涉及人数少于 " + context.settings().minPersons() + " 人的数字在公开区被抑制，显示为“"
        + context.settings().suppressedMark() + "”；全区合计不含被抑制的数字，“被抑制单位数”注明略去几处。");
    if (zone == Zone.RESTRICTED) {
      facts.add("内部版含干部姓名，仅限监督工作人员阅读。");
    }
    return facts;
  }

  /**
   * Records by category in the periods (the first is the one reported), with the change against
   * the second and, when a third is given, the change against it; a grouped bar chart beside.
   */
  static Figure categories(ReportContext context, String id, String caption, String periodType, List<String> periods) {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    Dataset<Row> rows = ReportTransforms.categoryChanges(context.aggUnitPeriod(), periodType, periods);
    List<Col> columns = new ArrayList<>();
    columns.add(Col.text("category", context.label(agg, "category")).shownAs(context.settings()::categoryLabel));
    for (int i = 0; i < periods.size(); i++) {
      columns.add(Col.number(ReportTransforms.RECORDS + i, periods.get(i) + " " + context.label(agg, "records")));
    }
    columns.add(Col.number("change", "较 " + periods.get(1) + " 增减"));
    if (periods.size() > 2) {
      rows = rows.withColumn("change_2", col(ReportTransforms.RECORDS + 0).minus(col(ReportTransforms.RECORDS + 2)));
      columns.add(Col.number("change_2", "较 " + periods.get(2) + " 增减"));
    }
    columns.add(Col.number(ReportTransforms.SUPPRESSED_UNITS, "被抑制单位数"));
    FigureTable table = context.figures().table(id, caption,
        context.source(agg, "period_type=" + periodType + " period=" + String.join(",", periods)
            + " category≠all，各单位合计"), rows, columns);
    return Figure.charted(table, new BarChart(0, IntStream.rangeClosed(1, periods.size()).boxed().toList()));
  }

  /** The three lists of a period: the open report says where they are; the restricted one names the cadres. */
  static Section lists(ReportContext context, Zone zone, String title, String period) {
    if (zone == Zone.OPEN) {
      return new Section(title, List.of(ReportContext.restrictedOnly("优秀干部、建议提醒谈话、建议组织调整三类名单")),
          List.of());
    }
    CuratedTable lists = ReportTables.CADRE_LIST;
    Dataset<Row> members = context.reader().table(lists).filter(col("period").equalTo(period));
    Dataset<Row> counts = members.groupBy("list", "list_label").agg(count(col("person_key")).as("cadres"))
        .orderBy("list");
    Dataset<Row> named = members.join(context.cadreNames(), "person_key", "left")
        .join(context.unitNames(), "unit_code", "left")
        .select(col("list"), col("list_label"), col("name"), col("unit_name"), col("role"),
            concat_ws("；", col("reasons")).as("reasons"))
        .orderBy(col("list"), col("unit_name"), col("name"));
    String source = context.source(lists, "period=" + period);
    FigureTable countTable = context.figures().table("lists-" + period + "-counts", "名单人数", source, counts,
        List.of(Col.text("list_label", context.label(lists, "list_label")), Col.number("cadres", "人数")));
    FigureTable memberTable = context.figures().table("lists-" + period, "名单明细", source
            + "，姓名取自 curated/restricted/dim_cadre", named,
        List.of(Col.text("list_label", context.label(lists, "list_label")),
            Col.text("name", context.label(ReportTables.DIM_CADRE, "name")),
            Col.text("unit_name", context.label(ReportTables.DIM_UNIT, "unit_name")),
            Col.text("role", context.label(lists, "role")),
            Col.text("reasons", context.label(lists, "reasons"))));
    return new Section(title, List.of(period + " 的三类名单（按 rules.md §5 评定）。"),
        List.of(Figure.charted(countTable, BarChart.of(0, 1)), Figure.table(memberTable)));
  }

  /** Month labels of a year: 2025-01 … 2025-12. */
  static List<String> months(int year) {
    return IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(year, m).toString()).toList();
  }

  /** The quarter a month is in, written as the curated tables write it: 2026-Q3. */
  static String quarter(YearMonth month) {
    return month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
  }

  /** Counts of rows matching a condition, for the bars of a status or level. */
  static Column countWhere(Column condition) {
    return count(when(condition, 1));
  }
}
