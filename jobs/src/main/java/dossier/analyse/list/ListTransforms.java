package dossier.analyse.list;

import static dossier.analyse.score.ScoreTransforms.MONTH;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dossier.analyse.evidence.Reasons;
import dossier.analyse.input.CadreHistory;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.list.ListRules.EarlySign;
import dossier.analyse.score.LineRules.Line;
import dossier.analyse.score.ScoreTransforms;
import dossier.analyse.time.Months;
import dossier.analyse.time.Periods;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The three lists (rules.md §5), quarterly and yearly; see {@link CadreListTable}. */
public final class ListTransforms {
  private static final String[] ENTRY = {"period_type", "period", "list", "person_key"};

  private ListTransforms() {}

  /**
   * Every completed quarter's and year's lists up to M.
   *
   * @param records the restated records as of M
   * @param series the line series of {@link ScoreTransforms#series} (restated columns used)
   * @param cadreGrades this run's cadre_grade rows
   */
  public static Dataset<Row> lists(Dataset<Row> records, Dataset<Row> series, Dataset<Row> cadreGrades,
      Dataset<Row> cadreHistory, ListRules rules, YearMonth asOf) {
    Dataset<Row> periods = completedPeriods(records, cadreGrades, asOf);
    Dataset<Row> entries = byGrade(periods, cadreGrades, records, rules)
        .union(byLine(periods, series, rules))
        .union(byEarlySigns(periods, records, rules))
        .union(byRepeatedLine(periods, series, rules))
        .union(bySevereRecords(periods, records, rules));
    Dataset<Row> merged = entries.groupBy(ENTRY[0], ENTRY[1], ENTRY[2], ENTRY[3]).agg(
        min("period_start").as("period_start"), min("period_end").as("period_end"),
        array_sort(collect_list("reason")).as("reasons"),
        array_sort(array_distinct(flatten(collect_list("ids")))).as("evidence_record_ids"));
    Column label = when(col("list").equalTo(CadreListTable.EXCELLENT), rules.excellent().label())
        .when(col("list").equalTo(CadreListTable.TALK), rules.talk().label())
        .otherwise(rules.adjust().label());
    return CadreHistory.withPostOn(merged, cadreHistory, "period_end")
        .select(lit(asOf.toString()).as("as_of_month"), col("period_type"), col("period"), col("period_start"),
            col("period_end"), col("list"), label.as("list_label"), col("person_key"), col("unit_code"), col("role"),
            col("reasons"), col("evidence_record_ids"));
  }

  /** Every quarter and year from the first record's or graded year's to the last that ended by M. */
  static Dataset<Row> completedPeriods(Dataset<Row> records, Dataset<Row> cadreGrades, YearMonth asOf) {
    int lastQuarterEnd = Months.index(asOf) - (asOf.getMonthValue() % 3);
    Column monthEnd = Months.lastDay(col(MONTH));
    return records.select(col(RecordVersions.EVENT_MONTH).as("_month"))
        .union(cadreGrades.select(col("year").multiply(12).as("_month")))
        .agg(min("_month").as("_first"))
        .select(Months.each(col("_first"), lit(lastQuarterEnd)).as(MONTH))
        .filter(pmod(col(MONTH), lit(3)).equalTo(2))
        .select(explode(when(pmod(col(MONTH), lit(12)).equalTo(11),
            array(Periods.quarterOf(monthEnd), Periods.yearOf(monthEnd)))
            .otherwise(array(Periods.quarterOf(monthEnd)))).as("p"))
        .select(col("p.*"), year(col("p.period_end")).as("year"));
  }

  /** The grade of the previous year for a quarter, of the year itself for a year. */
  private static Column gradeYear() {
    return when(col("period_type").equalTo(Periods.QUARTER), col("year").minus(1)).otherwise(col("year"));
  }

  private static Dataset<Row> byGrade(Dataset<Row> periods, Dataset<Row> cadreGrades, Dataset<Row> records,
      ListRules rules) {
    Dataset<Row> graded = periods.withColumn("_grade_year", gradeYear())
        .join(cadreGrades.select(col("year").as("_grade_year"), col("person_key"), col("grade"), col("rank"),
            col("cohort"), col("cohort_size")), "_grade_year");
    Column gradeText = format_string("grade of %d: %s", col("_grade_year"), col("grade"));
    Dataset<Row> scoredSoFar = records.filter(col("points").gt(0)).select(col("person_key").as("_p"),
        col("event_date"));
    Dataset<Row> excellent = graded.filter(col("grade").equalTo(rules.excellent().grade().grade()))
        .join(scoredSoFar, col("person_key").equalTo(col("_p")).and(col("event_date")
            .between(trunc(col("period_end"), "year"), col("period_end"))), "left_anti")
        .select(entry(CadreListTable.EXCELLENT, Reasons.reason(rules.excellent().ruleKey() + ".grade",
            concat(gradeText, format_string(" (rank %d of %d %s); no record with points in %d up to %s",
                col("rank"), col("cohort_size"), col("cohort"), col("year"), col("period_end").cast("string")))),
            array().cast("array<string>")));
    Dataset<Row> talk = graded.filter(col("grade").equalTo(rules.talk().grade().grade()))
        .select(entry(CadreListTable.TALK, Reasons.reason(rules.talk().ruleKey() + ".grade", gradeText),
            array().cast("array<string>")));
    Dataset<Row> adjust = graded.filter(col("grade").equalTo(rules.adjust().grade().grade()))
        .select(entry(CadreListTable.ADJUST, Reasons.reason(rules.adjust().ruleKey() + ".grade", gradeText),
            array().cast("array<string>")));
    return excellent.union(talk).union(adjust);
  }

  /** Talk: a named line reached (restated) at a month-end of the period. */
  private static Dataset<Row> byLine(Dataset<Row> periods, Dataset<Row> series, ListRules rules) {
    Object[] ranks = rules.talk().lines().stream().map(Line::rank).toArray();
    Column label = lit(null).cast("string");
    for (Line line : rules.talk().lines()) {
      label = when(col("line_rank").equalTo(line.rank()), line.label()).otherwise(label);
    }
    Column monthEnd = Months.lastDay(col(MONTH));
    Dataset<Row> reached = series.filter(col("line_rank").isin(ranks))
        .select(col("person_key"), explode(array(Periods.quarterOf(monthEnd), Periods.yearOf(monthEnd))).as("p"),
            format_string("%s %s (S = %s)", Months.text(col(MONTH)), label, col("score").cast("string")).as("_seen"),
            col("records"));
    return inPeriods(reached, periods)
        .groupBy(ENTRY[0], ENTRY[1], "person_key", "period_start", "period_end")
        .agg(array_sort(collect_list("_seen")).as("_seen"),
            flatten(collect_list(transform(col("records"),
                r -> r.getField("record_id")))).as("_ids"))
        .select(entry(CadreListTable.TALK, Reasons.reason(rules.talk().ruleKey() + ".lines",
                concat(lit("line reached at month-ends: "), array_join(col("_seen"), "; "))),
            col("_ids")));
  }

  /** Talk: at least the configured number of early signs in one quarter of the period. */
  private static Dataset<Row> byEarlySigns(Dataset<Row> periods, Dataset<Row> records, ListRules rules) {
    Column sign = lit(null).cast("string");
    List<EarlySign> signs = rules.talk().earlySigns();
    for (int i = signs.size() - 1; i >= 0; i--) {
      sign = when(expr(signs.get(i).when()), signs.get(i).name()).otherwise(sign);
    }
    Dataset<Row> quarters = records.withColumn("_sign", sign).filter(col("_sign").isNotNull())
        .groupBy(col("person_key"), Periods.quarterOf(col("event_date")).as("_q"))
        .agg(count(lit(1)).as("_signs"), array_sort(collect_list(concat(col("_sign"), lit(" "), col("record_id"))))
            .as("_named"), collect_list("record_id").as("_ids"))
        .filter(col("_signs").geq(rules.talk().earlySignsAtLeast()));
    Dataset<Row> inQuarterOrYear = quarters.select(col("person_key"), col("_named"), col("_ids"), col("_signs"),
        col("_q.period").as("_quarter"), explode(array(col("_q"), Periods.yearOf(col("_q.period_end")))).as("p"));
    return inPeriods(inQuarterOrYear, periods)
        .select(entry(CadreListTable.TALK, Reasons.reason(rules.talk().ruleKey() + ".early-signs-at-least",
            format_string("%d early signs in %s ≥ %d: %s", col("_signs"), col("_quarter"),
                lit(rules.talk().earlySignsAtLeast()), array_join(col("_named"), ", "))), col("_ids")));
  }

  /** Adjust: the named line risen to (restated) the configured times within the configured months. */
  private static Dataset<Row> byRepeatedLine(Dataset<Row> periods, Dataset<Row> series, ListRules rules) {
    ListRules.Adjust adjust = rules.adjust();
    var byCadre = Window.partitionBy("person_key").orderBy(MONTH);
    Column atLine = col("line_rank").geq(adjust.line().rank());
    Dataset<Row> rises = series
        .withColumn("_rose", atLine.and(coalesce(lag(col("line_rank"), 1).over(byCadre), lit(0))
            .lt(adjust.line().rank())))
        .filter(col("_rose"))
        .select(col("person_key"), col(MONTH).as("_rise"), col("records"));
    Column periodEnd = Months.ofDate(col("period_end"));
    return periods.join(rises, col("_rise").between(periodEnd.minus(adjust.withinMonths() - 1), periodEnd))
        .groupBy(col("period_type"), col("period"), col("person_key"), col("period_start"), col("period_end"))
        .agg(count(lit(1)).as("_times"), array_sort(collect_list(Months.text(col("_rise")))).as("_months"),
            flatten(collect_list(transform(col("records"),
                r -> r.getField("record_id")))).as("_ids"))
        .filter(col("_times").geq(adjust.lineTimes()))
        .select(entry(CadreListTable.ADJUST, Reasons.reason(adjust.ruleKey() + ".line-times",
            format_string("line %s reached %d times in the %d months up to %s: %s", lit(adjust.line().label()),
                col("_times"), lit(adjust.withinMonths()), col("period_end").cast("string"),
                array_join(col("_months"), ", "))), col("_ids")));
  }

  /** Adjust: a severe record dated in the period. */
  private static Dataset<Row> bySevereRecords(Dataset<Row> periods, Dataset<Row> records, ListRules rules) {
    Dataset<Row> severe = records.filter(col("severe").and(lit(rules.adjust().anySevere())))
        .select(col("person_key"), col("record_id"),
            explode(array(Periods.quarterOf(col("event_date")), Periods.yearOf(col("event_date")))).as("p"));
    return inPeriods(severe, periods)
        .groupBy(ENTRY[0], ENTRY[1], "person_key", "period_start", "period_end")
        .agg(array_sort(collect_list("record_id")).as("_ids"))
        .select(entry(CadreListTable.ADJUST, Reasons.reason(rules.adjust().ruleKey() + ".any-severe",
            concat(lit("severe records in the period: "), array_join(col("_ids"), ", "))), col("_ids")));
  }

  /** Rows carrying a period struct {@code p}, kept when it is a completed period, with its columns. */
  private static Dataset<Row> inPeriods(Dataset<Row> rows, Dataset<Row> periods) {
    return rows.select(col("*"), col("p.period_type").as("period_type"), col("p.period").as("period")).drop("p")
        .join(periods.select("period_type", "period", "period_start", "period_end"),
            new String[] {"period_type", "period"});
  }

  /** One list entry: period, list, cadre, one reason and the records behind it. */
  private static Column[] entry(String list, Column reason, Column ids) {
    return new Column[] {col("period_type"), col("period"), lit(list).as("list"), col("person_key"),
        col("period_start"), col("period_end"), reason.as("reason"), ids.as("ids")};
  }
}
