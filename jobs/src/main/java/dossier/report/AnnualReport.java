package dossier.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.max;

import dossier.analyse.award.AwardTable;
import dossier.lake.Lake.Zone;
import dossier.report.Figures.Col;
import dossier.report.Section.Figure;
import dossier.schema.CuratedTable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * 数据年报 of the latest year graded by the as-of month (the year whose assessments are in; the
 * year before the as-of month's when none is): the year in figures against the year before, the
 * grade distribution by cohort ("4+1" teams; "5+1" principals and deputies in the restricted
 * report), the three lists (restricted), the steed and snail awards, and a unit × month heat
 * table of records.
 */
final class AnnualReport {
  private static final Map<String, String> SUBJECT = Map.of(AwardTable.UNIT, "单位", AwardTable.CADRE, "干部");

  private final ReportContext context;
  private final Zone zone;
  private final int year;

  AnnualReport(ReportContext context, Zone zone) {
    this.context = context;
    this.zone = zone;
    this.year = latestGradedYear(context);
  }

  /** The latest year graded by the as-of month in team_grade, else the year before the as-of month's. */
  static int latestGradedYear(ReportContext context) {
    Row latest = graded(context, ReportTables.TEAM_GRADE).agg(max("year")).first();
    return latest.isNullAt(0) ? context.asOf().getYear() - 1 : latest.getInt(0);
  }

  /** A restated table by year (grades, awards): the years that have ended by the as-of month. */
  static Dataset<Row> graded(ReportContext context, CuratedTable table) {
    YearMonth asOf = context.asOf();
    int lastEnded = asOf.getMonthValue() == 12 ? asOf.getYear() : asOf.getYear() - 1;
    return context.reader().table(table).filter(col("year").leq(lastEnded));
  }

  Report build() {
    return new Report(ReportKind.YEAR.title(), year + "年度 · " + Sections.zoneLabel(zone), Sections.facts(context, zone),
        List.of(yearInFigures(), grades(), Sections.lists(context, zone, "三、年度名单", String.valueOf(year)),
            awards(), heat()));
  }

  private Section yearInFigures() {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    List<String> years = List.of(String.valueOf(year - 1), String.valueOf(year));
    FigureTable totals = context.figures().table("year-totals", "全年事项概况", context.source(agg,
            "period_type=year period=" + String.join(",", years) + " category=all，各单位合计"),
        ReportTransforms.districtByPeriod(context.aggUnitPeriod(), "year", years),
        List.of(Col.text("period", context.label(agg, "period")), Col.number("records", context.label(agg, "records")),
            Col.number("scored_records", context.label(agg, "scored_records")),
            Col.number("severe_records", context.label(agg, "severe_records")),
            Col.number("points", context.label(agg, "points")),
            Col.number(ReportTransforms.SUPPRESSED_UNITS, "被抑制单位数")));
    return new Section("一、全年概况", List.of(year + " 年全区监督事项，与上年比较。"),
        List.of(Figure.charted(totals, BarChart.of(0, 1, 2, 3)),
            Sections.categories(context, "records-by-category", "各类别事项数（本年与上年）", "year",
                List.of(years.get(1), years.get(0)))));
  }

  private Section grades() {
    Dataset<Row> graded = graded(context, ReportTables.TEAM_GRADE)
        .select(col("year"), col("cohort"), col("grade"), col("grade_rank"));
    String source = context.source(ReportTables.TEAM_GRADE, "year=" + year);
    if (zone == Zone.RESTRICTED) {
      graded = graded.unionByName(graded(context, ReportTables.CADRE_GRADE)
          .select(col("year"), col("cohort"), col("grade"), col("grade_rank")));
      source += "；" + context.source(ReportTables.CADRE_GRADE, "year=" + year);
    }
    graded = graded.filter(col("year").equalTo(year));
    // The grade names in rank order: a handful of rows.
    List<String> names = graded.filter(col("grade").isNotNull()).select("grade_rank", "grade").distinct()
        .orderBy("grade_rank").collectAsList().stream().map(r -> r.getString(1)).toList();
    List<Col> columns = new ArrayList<>();
    columns.add(Col.text("cohort", ReportTables.label(ReportTables.TEAM_GRADE, "cohort")));
    columns.add(Col.number("members", "人数/班子数"));
    names.forEach(n -> columns.add(Col.number(n, n)));
    columns.add(Col.number("ungraded", "未评定"));
    FigureTable table = context.figures().table("grade-distribution", "等次分布（按评定序列）", source,
        ReportTransforms.gradeDistribution(graded, year, names), columns);
    String note = zone == Zone.OPEN ? "“4+1”领导班子等次分布；干部“5+1”等次为人员层面数据，见内部版。"
        : "“4+1”领导班子（班子）与“5+1”干部（正职、副职分别排名）的等次分布。";
    return new Section("二、等次分布", List.of(year + " 年：" + note),
        List.of(Figure.charted(table, new BarChart(0, IntStream.range(2, 2 + names.size()).boxed().toList()))));
  }

  private Section awards() {
    CuratedTable table = ReportTables.AWARD;
    Dataset<Row> awards = context.reader().table(table).filter(col("year").equalTo(year))
        .join(context.unitNames(), "unit_code", "left");
    List<Col> columns = new ArrayList<>(List.of(Col.text("award_label", context.label(table, "award_label")),
        Col.text("subject_type", context.label(table, "subject_type")).shownAs(s -> SUBJECT.getOrDefault(s, s)),
        Col.text("unit_name", context.label(ReportTables.DIM_UNIT, "unit_name"))));
    String source = context.source(table, "year=" + year) + "，单位名称取自 curated/open/dim_unit";
    if (zone == Zone.RESTRICTED) {
      awards = awards.join(context.cadreNames(), "person_key", "left");
      columns.add(Col.text("name", context.label(ReportTables.DIM_CADRE, "name")));
      source += "，姓名取自 curated/restricted/dim_cadre";
    }
    columns.add(Col.number("rank", context.label(table, "rank")));
    columns.add(Col.text("reasons", context.label(table, "reasons")));
    Dataset<Row> rows = awards.withColumn("reasons", concat_ws("；", col("reasons")))
        .orderBy(col("award"), col("subject_type").desc(), col("rank"), col("unit_code"));
    String note = zone == Zone.OPEN ? "获奖干部在公开版中不具名。" : "";
    return new Section("四、骏马奖与蜗牛奖", List.of(year + " 年度评选结果（rules.md §6）。" + note),
        List.of(Figure.table(context.figures().table("awards", "获奖名单", source, rows, columns))));
  }

  private Section heat() {
    CuratedTable agg = ReportTables.AGG_UNIT_PERIOD;
    List<String> months = Sections.months(year);
    List<Col> columns = new ArrayList<>();
    columns.add(Col.text("unit_name", context.label(agg, "unit_name")));
    for (int i = 0; i < months.size(); i++) {
      columns.add(Col.number(ReportTransforms.RECORDS + i, (i + 1) + "月").suppressedBy("suppressed_" + i));
    }
    FigureTable table = context.figures().table("unit-month-heat", "各单位逐月事项数", context.source(agg,
            "period_type=month period=" + months.get(0) + "…" + months.get(11) + " category=all"),
        ReportTransforms.unitPeriodRecords(context.aggUnitPeriod(), months), columns);
    return new Section("五、单位×月份事项热力表", List.of(year + " 年各单位每月事项数，颜色越深事项越多；灰色为被抑制的数字。"),
        List.of(Figure.charted(table, HeatChart.of(0, IntStream.rangeClosed(1, 12).boxed().toList()))));
  }
}
