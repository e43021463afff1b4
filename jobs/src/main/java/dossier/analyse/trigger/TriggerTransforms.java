package dossier.analyse.trigger;

import static dossier.analyse.score.ScoreTransforms.MONTH;
import static dossier.analyse.score.ScoreTransforms.REPORTED;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.evidence.Reasons;
import dossier.analyse.input.CadreHistory;
import dossier.analyse.score.LineRules;
import dossier.analyse.score.LineRules.Line;
import dossier.analyse.score.ScoreTransforms;
import dossier.analyse.time.Months;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Threshold triggers (rules.md §2): raised, then closed, withdrawn or left open; see {@link CadreTriggerTable}. */
public final class TriggerTransforms {
  /** The record category of issued reminders, inquiry letters and admonishments (zzb_txhx). */
  public static final String ADMONITION = "admonition";

  private TriggerTransforms() {}

  /**
   * The issued actions that can answer a trigger: the admonition records of the restated view as
   * of M (person_key, record_id, kind, issued, doc_no).
   */
  public static Dataset<Row> actions(Dataset<Row> records) {
    return records.filter(col("category").equalTo(ADMONITION)).select(col("person_key"), col("record_id"),
        col("attributes").getItem("kind").as("kind"), col("event_date").as("issued"),
        col("attributes").getItem("doc_no").as("doc_no"));
  }

  /**
   * Every trigger raised up to M with its status as of M. Input: the line series of
   * {@link ScoreTransforms#series}, {@link #actions}, the cadre history. Output:
   * {@link CadreTriggerTable#SPEC}.
   */
  public static Dataset<Row> triggers(Dataset<Row> series, Dataset<Row> actions, Dataset<Row> cadreHistory,
      LineRules rules, YearMonth asOf) {
    Dataset<Row> raised = raisedWithFall(series, rules);
    Dataset<Row> settled = raised.join(answers(raised, actions, rules, asOf), new String[] {"person_key", "raised_index"},
        "left");
    return CadreHistory.withPostOn(withStatus(settled, rules, asOf), cadreHistory, "raised_on")
        .select(lit(asOf.toString()).as("as_of_month"),
            substringOfHash(concat_ws("|", col("person_key"), col("line"), col("raised_month"))).as("trigger_id"),
            col("person_key"), col("unit_code"), col("role"), col("line"), col("line_label"), col("line_rank"),
            col("raised_month"), col("raised_on"), col("score_at_raise"), col("reasons"), col("evidence"),
            col("status"), col("status_on"), col("days_open"), col("closing_record_id"), col("closing_kind"),
            col("closing_doc_no"), col("withdrawn_reason"));
  }

  /**
   * The month-ends at which the reported line rose, with the figures then, and the first later
   * month-end at which the reported line was below the trigger's line ({@code fell_index}, null
   * when it has not fallen) with why.
   */
  private static Dataset<Row> raisedWithFall(Dataset<Row> series, LineRules rules) {
    var byCadre = Window.partitionBy("person_key").orderBy(MONTH);
    // The months after this one, taken from the last month back: Spark evaluates a frame that grows
    // (unbounded preceding to -1) incrementally, but one that shrinks (1 to unbounded following)
    // anew for every row, which is quadratic in a cadre's months.
    var later = Window.partitionBy("person_key").orderBy(col(MONTH).desc())
        .rowsBetween(Window.unboundedPreceding(), -1);
    Column rank = col(REPORTED + "line_rank");
    Dataset<Row> withBefore = series
        .withColumn("_before", coalesce(lag(rank, 1).over(byCadre), lit(0)))
        .withColumn("_before_records", lag(col(REPORTED + "records"), 1).over(byCadre));
    Column fall = lit(null);
    for (Line line : rules.lines()) {
      // the first later month-end below this line, with its figures: the series is dense, so rows are months
      Column firstBelow = min(when(rank.lt(line.rank()), struct(col(MONTH).as("index"),
          col(REPORTED + "score").as("score"), rank.as("rank"),
          transform(col(REPORTED + "records"), r -> r.getField("record_id")).as("ids"),
          col("_before_records").as("before")))).over(later);
      fall = when(rank.equalTo(line.rank()), firstBelow).otherwise(fall);
    }
    return withBefore.withColumn("_fall", fall)
        .filter(rank.gt(col("_before")))
        .select(col("person_key"), col(MONTH).as("raised_index"), rank.as("line_rank"),
            ScoreTransforms.lineCode(rules, rank).as("line"), ScoreTransforms.lineLabel(rules, rank).as("line_label"),
            Months.text(col(MONTH)).as("raised_month"), Months.lastDay(col(MONTH)).as("raised_on"),
            col(REPORTED + "score").as("score_at_raise"), raiseReasons(rules).as("reasons"),
            col(REPORTED + "records").as("evidence"), col("_fall.index").as("fell_index"),
            fallReason(rules).as("withdrawn_reason"));
  }

  private static Column raiseReasons(LineRules rules) {
    Column score = col(REPORTED + "score");
    Column evidence = col(REPORTED + "records");
    Column reasons = Reasons.of();
    for (Line line : rules.lines()) {
      Column[] held = new Column[3];
      held[0] = line.scoreAtLeast().map(at -> Reasons.ifHolds(score.geq(lit(at)), line.rule("score-at-least"),
          format_string("S = %s ≥ %s", score.cast("string"), lit(at.toPlainString())))).orElse(lit(null));
      Column findings = filter(evidence, r -> r.getField("finding").isin(line.petitionFindings().toArray()));
      held[1] = line.petitionFindings().isEmpty() ? lit(null) : Reasons.ifHolds(size(findings).gt(0),
          line.rule("or-petition-findings"), concat(lit("petition findings " + line.petitionFindings() + ": "),
              ids(findings)));
      Column severe = filter(evidence, r -> r.getField("severe"));
      held[2] = line.anySevere() ? Reasons.ifHolds(size(severe).gt(0), line.rule("or-any-severe"),
          concat(lit("severe records: "), ids(severe))) : lit(null);
      reasons = when(col(REPORTED + "line_rank").equalTo(line.rank()), Reasons.of(held)).otherwise(reasons);
    }
    return reasons;
  }

  /** Why the line fell: the figures at the fall and the records no longer counted. */
  private static Column fallReason(LineRules rules) {
    Column fell = col("_fall.index");
    Column windowStart = Months.firstDay(fell.minus(rules.windowMonths() - 1));
    Column gone = filter(col("_fall.before"), r -> not(array_contains(col("_fall.ids"), r.getField("record_id"))));
    Column goneText = concat_ws(", ", transform(gone, r -> concat(r.getField("record_id"),
        when(r.getField("event_date").lt(windowStart), lit(" (left the window)"))
            .otherwise(lit(" (revoked or corrected)")))));
    return concat(
        format_string("S = %s and line %s at %s, below %s", col("_fall.score").cast("string"),
            ScoreTransforms.lineCode(rules, col("_fall.rank")), Months.text(fell), ScoreTransforms.lineLabel(rules,
                col(REPORTED + "line_rank"))),
        when(size(gone).gt(0), concat(lit("; no longer counted: "), goneText))
            .otherwise(lit("; a record's points were corrected")));
  }

  /**
   * For each trigger, the earliest action of its kind or stronger issued in the month of the raise
   * or later, by M's end. The raise is dated to a month-end because deliveries are monthly: an
   * action issued during that month cannot be ordered against the data that raised the line, and
   * is taken as its answer (so an action's own points cannot raise a trigger it has answered).
   */
  private static Dataset<Row> answers(Dataset<Row> raised, Dataset<Row> actions, LineRules rules, YearMonth asOf) {
    Column kindRank = lit(0);
    for (Line line : rules.lines()) {
      kindRank = when(col("kind").equalTo(line.label()), line.rank()).otherwise(kindRank);
    }
    Dataset<Row> ranked = actions.withColumn("_kind_rank", kindRank).withColumnRenamed("person_key", "_p");
    return raised.select("person_key", "raised_index", "line_rank")
        .join(ranked, col("person_key").equalTo(col("_p")).and(col("_kind_rank").geq(col("line_rank")))
            .and(col("issued").geq(Months.firstDay(col("raised_index"))))
            .and(col("issued").leq(lit(Months.lastDay(asOf)))))
        .groupBy("person_key", "raised_index")
        .agg(min(struct(col("issued"), col("record_id"), col("kind"), col("doc_no"))).as("_action"));
  }

  private static Dataset<Row> withStatus(Dataset<Row> settled, LineRules rules, YearMonth asOf) {
    Column asOfEnd = lit(Months.lastDay(asOf));
    Column fellOn = Months.lastDay(col("fell_index"));
    Column issued = col("_action.issued");
    Column closed = col("_action").isNotNull().and(col("fell_index").isNull().or(issued.leq(fellOn)));
    Column status = when(closed, CadreTriggerTable.CLOSED)
        .when(col("fell_index").isNotNull(), CadreTriggerTable.WITHDRAWN)
        .when(datediff(asOfEnd, col("raised_on")).gt(rules.overdueAfterDays()), CadreTriggerTable.OVERDUE)
        .otherwise(CadreTriggerTable.OPEN);
    Column statusOn = when(closed, issued).when(col("fell_index").isNotNull(), fellOn);
    return settled
        .withColumn("status", status)
        .withColumn("status_on", statusOn)
        .withColumn("days_open", greatest(lit(0), datediff(coalesce(col("status_on"), asOfEnd), col("raised_on"))))
        .withColumn("closing_record_id", when(closed, col("_action.record_id")))
        .withColumn("closing_kind", when(closed, col("_action.kind")))
        .withColumn("closing_doc_no", when(closed, col("_action.doc_no")))
        .withColumn("withdrawn_reason", when(col("status").equalTo(CadreTriggerTable.WITHDRAWN), col("withdrawn_reason")));
  }

  private static Column ids(Column records) {
    return concat_ws(", ", transform(records, r -> r.getField("record_id")));
  }

  /**
   * 24 hex characters, as record ids: a shorter prefix can be all digits (16 are, once in about
   * 1,800 triggers) and then reads as an ID number to the curated layer's check.
   */
  private static Column substringOfHash(Column text) {
    return sha2(text, 256).substr(1, 24);
  }
}
