package dossier.report;

import dossier.lake.Lake;
import dossier.schema.CuratedTable;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * A small hand-made curated layer, written with the curated tables' own specs (so its schema is
 * the one publish writes): three units, three cadres, the restated tables as of 2025-03, and the
 * slices that tell which months were published (2025-02 and 2025-03) and which brought grades.
 * Values not given are null.
 */
final class CuratedFixture {
  static final YearMonth AS_OF = YearMonth.of(2025, 3);
  static final List<String> NAMES = List.of("张三", "李四", "王五");
  static final List<String> PERSON_KEYS = List.of("pk-zhang", "pk-li", "pk-wang");

  private final SparkSession spark;
  private final Lake lake;
  private final Map<CuratedTable, Map<YearMonth, List<Row>>> tables = new LinkedHashMap<>();

  CuratedFixture(SparkSession spark, Lake lake) {
    this.spark = spark;
    this.lake = lake;
  }

  /** The standard fixture: a month with a red unit, a quarter end and a year's first grades. */
  static CuratedFixture standard(SparkSession spark, Lake lake) {
    CuratedFixture f = new CuratedFixture(spark, lake);
    f.current(ReportTables.DIM_UNIT, Map.of("unit_code", "U1", "unit_name", "城关镇", "is_current", true))
        .current(ReportTables.DIM_UNIT, Map.of("unit_code", "U2", "unit_name", "发改局", "is_current", true))
        .current(ReportTables.DIM_UNIT, Map.of("unit_code", "U3", "unit_name", "教育局", "is_current", true));
    for (int i = 0; i < 3; i++) {
      f.current(ReportTables.DIM_CADRE, Map.of("person_key", PERSON_KEYS.get(i), "name", NAMES.get(i),
          "unit_code", "U" + (i + 1), "is_current", true));
    }
    f.agg("U1", "month", "2025-03", "petition", 4, 3).agg("U1", "month", "2025-03", "sanction", 1, 1)
        .agg("U1", "month", "2025-03", "all", 6, 4).agg("U2", "month", "2025-03", "petition", 3, 3)
        .agg("U2", "month", "2025-03", "all", 3, 3).agg("U3", "month", "2025-03", "all", 2, 2)
        .agg("U1", "month", "2025-02", "petition", 2, 2).agg("U1", "month", "2025-02", "all", 3, 3)
        .agg("U2", "month", "2025-02", "petition", 5, 4).agg("U2", "month", "2025-02", "all", 5, 4)
        .agg("U1", "month", "2024-05", "all", 7, 5)
        .agg("U1", "quarter", "2025-Q1", "petition", 9, 6).agg("U1", "quarter", "2025-Q1", "all", 12, 7)
        .agg("U2", "quarter", "2025-Q1", "petition", 8, 6).agg("U2", "quarter", "2025-Q1", "all", 8, 6)
        .agg("U1", "quarter", "2024-Q4", "petition", 3, 3).agg("U1", "quarter", "2024-Q4", "all", 4, 3)
        .agg("U2", "quarter", "2024-Q4", "all", 9, 5).agg("U1", "quarter", "2024-Q1", "petition", 6, 4)
        .agg("U1", "year", "2024", "petition", 20, 9).agg("U1", "year", "2024", "all", 30, 12)
        .agg("U2", "year", "2024", "all", 2, 2).agg("U1", "year", "2023", "all", 25, 10);
    for (YearMonth asOf : List.of(AS_OF.minusMonths(1), AS_OF)) {
      f.partition(ReportTables.DATA_QUALITY, asOf, Map.of("dataset", "jw_cf", "files", 3L, "rows_read", 40L,
          "rows_landed", 38L, "rows_quarantined", 2L, "rows_rejected", 0L, "quarantine_share", new BigDecimal("0.0500"),
          "hard_failures", 0, "soft_failures", 1));
      f.partition(ReportTables.UNIT_WARNING_REPORTED, asOf, Map.of("unit_code", "U1", "month", asOf.toString()));
    }
    f.warning("U1", "城关镇", "2025-03", "red", "红色预警", 3, "unit-warnings.red.share-at-least: p = 3/9 = 33.3% ≥ 30%")
        .warning("U1", "城关镇", "2025-02", "none", null, 0)
        .warning("U2", "发改局", "2025-02", "yellow", "黄色预警", 1, "unit-warnings.yellow.severe-at-least: s = 1")
        .warning("U2", "发改局", "2025-03", "none", null, 0);
    f.current(ReportTables.TEAM_GRADE, Map.of("year", 2024, "unit_code", "U1", "unit_name", "城关镇",
            "cohort", "班子", "grade", "好", "grade_rank", 1, "rank", 1))
        .current(ReportTables.TEAM_GRADE, Map.of("year", 2024, "unit_code", "U2", "unit_name", "发改局",
            "cohort", "班子", "grade", "较好", "grade_rank", 2, "rank", 2))
        .partition(ReportTables.TEAM_GRADE_REPORTED, AS_OF, Map.of("year", 2024, "unit_code", "U1"))
        .empty(ReportTables.TEAM_GRADE_REPORTED, AS_OF.minusMonths(1));
    f.grade("pk-zhang", "U1", "正职", "好", 1).grade("pk-li", "U2", "副职", "一般", 3).grade("pk-wang", "U3", "副职", "较好", 2);
    f.current(ReportTables.AWARD, Map.of("year", 2024, "award", "steed", "award_label", "骏马奖",
            "subject_type", "unit", "unit_code", "U1", "rank", 1, "reasons", List.of("composite 95")))
        .current(ReportTables.AWARD, Map.of("year", 2024, "award", "steed", "award_label", "骏马奖",
            "subject_type", "cadre", "unit_code", "U2", "person_key", "pk-li", "rank", 1,
            "reasons", List.of("composite 93")));
    f.current(ReportTables.CADRE_TRIGGER, Map.of("trigger_id", "t1", "person_key", "pk-zhang",
            "unit_code", "U1", "line", "reminder", "line_label", "提醒", "line_rank", 1, "raised_month", "2025-03",
            "score_at_raise", new BigDecimal("4.00"), "status", "open", "days_open", 0))
        .current(ReportTables.CADRE_TRIGGER, Map.of("trigger_id", "t2", "person_key", "pk-wang",
            "unit_code", "U3", "line", "inquiry", "line_label", "函询", "line_rank", 2, "raised_month", "2024-10",
            "score_at_raise", new BigDecimal("8.00"), "status", "overdue", "days_open", 151));
    f.current(ReportTables.CADRE_LIST, Map.of("period_type", "quarter", "period", "2025-Q1", "list", "talk",
            "list_label", "建议提醒谈话干部名单", "person_key", "pk-zhang", "unit_code", "U1", "role", "正职",
            "reasons", List.of("lists.talk.line: 提醒 at 2025-03")))
        .current(ReportTables.CADRE_LIST, Map.of("period_type", "year", "period", "2024", "list", "excellent",
            "list_label", "优秀干部名单", "person_key", "pk-zhang", "unit_code", "U1", "role", "正职",
            "reasons", List.of("lists.excellent.grade: 好")));
    return f;
  }

  /** Writes every table: one Parquet folder per as-of month, or the folder of a restated or current-state table. */
  void write() {
    tables.forEach((table, byMonth) -> byMonth.forEach((asOf, rows) -> {
      var data = spark.createDataFrame(rows, table.spec().schema());
      if (table.byAsOfMonth()) {
        data.drop(CuratedTable.AS_OF_MONTH).coalesce(1).write().mode("overwrite").parquet(table.partitionPath(lake, asOf));
      } else {
        data.coalesce(1).write().mode("overwrite").parquet(table.path(lake));
      }
    }));
  }

  /** A row of a table without as-of folders (restated or current state). */
  CuratedFixture current(CuratedTable table, Map<String, Object> values) {
    return add(table, AS_OF, values);
  }

  CuratedFixture partition(CuratedTable table, YearMonth asOf, Map<String, Object> values) {
    Map<String, Object> withMonth = new LinkedHashMap<>(values);
    withMonth.put(CuratedTable.AS_OF_MONTH, asOf.toString());
    return add(table, asOf, withMonth);
  }

  /** A published as-of month without rows. */
  CuratedFixture empty(CuratedTable table, YearMonth asOf) {
    tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(asOf, m -> new ArrayList<>());
    return this;
  }

  /** A restated agg_unit_period row; figures from fewer than 3 persons are suppressed, as publish does. */
  CuratedFixture agg(String unit, String periodType, String period, String category, long records,
      long persons) {
    boolean suppressed = persons < 3;
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("unit_code", unit);
    values.put("unit_name", Map.of("U1", "城关镇", "U2", "发改局", "U3", "教育局").get(unit));
    values.put("period_type", periodType);
    values.put("period", period);
    values.put("period_start", Date.valueOf("2000-01-01"));
    values.put("period_end", Date.valueOf("2000-01-01"));
    values.put("complete", true);
    values.put("category", category);
    values.put("records", suppressed ? null : records);
    values.put("scored_records", suppressed ? null : records / 2);
    values.put("severe_records", suppressed ? null : 0L);
    values.put("persons", suppressed ? null : persons);
    values.put("scored_persons", suppressed ? null : persons);
    values.put("points", suppressed ? null : BigDecimal.valueOf(records).setScale(2));
    values.put("suppressed", suppressed);
    return current(ReportTables.AGG_UNIT_PERIOD, values);
  }

  private CuratedFixture warning(String unit, String name, String month, String level, String label, int rank,
      String... reasons) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("unit_code", unit);
    values.put("unit_name", name);
    values.put("month", month);
    values.put("cadres", 9);
    values.put("cadres_with_points", 3);
    values.put("share", new BigDecimal("0.3333"));
    values.put("severe_records", rank == 1 ? 1 : 0);
    values.put("sanctions", 0);
    values.put("level", level);
    values.put("level_label", label);
    values.put("level_rank", rank);
    values.put("reasons", List.of(reasons));
    values.put("suppressed", false);
    return current(ReportTables.UNIT_WARNING, values);
  }

  private CuratedFixture grade(String personKey, String unit, String cohort, String grade, int gradeRank) {
    return current(ReportTables.CADRE_GRADE, Map.of("year", 2024, "person_key", personKey, "unit_code", unit,
        "role", cohort, "cohort", cohort, "grade", grade, "grade_rank", gradeRank));
  }

  private CuratedFixture add(CuratedTable table, YearMonth asOf, Map<String, Object> values) {
    List<String> columns = table.spec().columnNames();
    values.keySet().forEach(table.spec()::column);
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {

      row[i] = values.get(columns.get(i));
    }
    tables.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(asOf, m -> new ArrayList<>())
        .add(RowFactory.create(row));
    return this;
  }
}
