package dossier.analyse.score;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.input.CadreHistory;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.score.LineRules.Line;
import dossier.analyse.time.Months;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * rules.md §2: a cadre's 12-month score S and the line it reaches at every month-end, seen two
 * ways. <b>Restated</b>: from the records as delivered by the as-of month M (what the figures are
 * now). <b>Reported</b>: at each month-end K, from the records as delivered by K (what the data
 * said then); triggers are dated by the reported view, so they do not depend on how often the
 * pipeline ran.
 */
public final class ScoreTransforms {
  /** The month-end, as a month index. */
  public static final String MONTH = "month_index";
  /** Prefix of the reported view's columns in {@link #series}. */
  public static final String REPORTED = "reported_";
  /** The type of a {@code records} column: the records behind a score. */
  public static final String RECORDS_TYPE = "array<struct<record_id:string,category:string,sub_category:string,"
      + "event_date:date,points:decimal(9,2),severe:boolean,finding:string>>";
  static final String PETITION = "petition";

  private ScoreTransforms() {}

  /**
   * The dense line series of every cadre with a record that counts towards a line: one row per
   * cadre and month-end from the cadre's first such month to M, with the restated figures
   * ({@code score, line_rank, severe_records, petition_findings, records}) and the reported ones
   * (the same names prefixed {@value #REPORTED}). A month without records has score 0 and line 0.
   *
   * @param countedIntervals {@link RecordVersions#countedIntervals} as of M
   */
  public static Dataset<Row> series(Dataset<Row> countedIntervals, LineRules rules, YearMonth asOf) {
    Dataset<Row> monthly = monthly(inWindow(countedIntervals.filter(countsTowardsALine()), rules, asOf));
    Dataset<Row> months = monthly.groupBy("person_key").agg(min(MONTH).as("_first"))
        .select(col("person_key"), Months.each(col("_first"), lit(Months.index(asOf))).as(MONTH));
    return withLines(months.join(monthly, new String[] {"person_key", MONTH}, "left"), rules);
  }

  /** The strongest line (its rank, 0 = none) that the figures reach. */
  public static Column lineRank(LineRules rules, Column score, Column severeRecords, Column findings) {
    Column rank = lit(0);
    for (Line line : rules.lines()) {
      rank = when(reaches(line, score, severeRecords, findings), line.rank()).otherwise(rank);
    }
    return rank;
  }

  /** Whether the figures reach this line. */
  public static Column reaches(Line line, Column score, Column severeRecords, Column findings) {
    Column reached = lit(false);
    if (line.scoreAtLeast().isPresent()) {
      reached = reached.or(score.geq(lit(line.scoreAtLeast().get())));
    }
    if (!line.petitionFindings().isEmpty()) {
      reached = reached.or(arrays_overlap(findings, findingsOf(line)));
    }
    if (line.anySevere()) {
      reached = reached.or(severeRecords.gt(0));
    }
    return reached;
  }

  /** A line's code from its rank ({@code none} for 0). */
  public static Column lineCode(LineRules rules, Column rank) {
    Column code = lit("none");
    for (Line line : rules.lines()) {
      code = when(rank.equalTo(line.rank()), line.code()).otherwise(code);
    }
    return code;
  }

  /** A line's Chinese label from its rank (null for 0). */
  public static Column lineLabel(LineRules rules, Column rank) {
    Column label = lit(null).cast("string");
    for (Line line : rules.lines()) {
      label = when(rank.equalTo(line.rank()), line.label()).otherwise(label);
    }
    return label;
  }

  /**
   * The {@code cadre_score} rows: the month-ends at which either view has a score or a line, with
   * the cadre's unit and role at that month-end. Output: {@link CadreScoreTable#SPEC}.
   */
  public static Dataset<Row> cadreScores(Dataset<Row> series, Dataset<Row> cadreHistory, LineRules rules,
      YearMonth asOf) {
    Dataset<Row> shown = series.filter(col("score").gt(0).or(col("line_rank").gt(0))
            .or(col(REPORTED + "score").gt(0)).or(col(REPORTED + "line_rank").gt(0)))
        .withColumn("month_end", Months.lastDay(col(MONTH)));
    return CadreHistory.withPostOn(shown, cadreHistory, "month_end")
        .select(lit(asOf.toString()).as("as_of_month"), col("person_key"), Months.text(col(MONTH)).as("month"),
            col("unit_code"), col("role"),
            col("score"), lineCode(rules, col("line_rank")).as("line"),
            lineLabel(rules, col("line_rank")).as("line_label"), col("line_rank"),
            col("severe_records"), col("petition_findings"),
            transform(col("records"), r -> r.getField("record_id")).as("record_ids"),
            col(REPORTED + "score"), lineCode(rules, col(REPORTED + "line_rank")).as(REPORTED + "line"),
            col(REPORTED + "line_rank"));
  }

  private static Column countsTowardsALine() {
    return col("points").gt(0).or(col("severe")).or(finding().isNotNull());
  }

  /** A petition record's finding (核查结论, from its delivered attributes); null for any other record. */
  public static Column finding() {
    return when(col("category").equalTo(PETITION), col("attributes").getItem("finding"));
  }

  private static Column findingsOf(Line line) {
    return array(line.petitionFindings().stream().map(f -> lit(f)).toArray(Column[]::new));
  }

  /**
   * One row per record version and month-end K at which it is in K's window and counts in either
   * view, flagged {@code _restated} and {@code _reported}. The version delivered by M that still
   * counts there is the restated record, in every window holding its event date; a version is
   * reported at K when it was the record's counting version as delivered by K.
   */
  private static Dataset<Row> inWindow(Dataset<Row> versions, LineRules rules, YearMonth asOf) {
    int asOfIndex = Months.index(asOf);
    Column event = col(RecordVersions.EVENT_MONTH);
    Column current = col(RecordVersions.COUNTED_UNTIL).equalTo(asOfIndex);
    Column reportedFrom = greatest(col(RecordVersions.COUNTED_FROM), event);
    Column to = least(col(RecordVersions.COUNTED_UNTIL), event.plus(rules.windowMonths() - 1));
    return versions
        .withColumn("_reported_from", reportedFrom)
        .withColumn(MONTH, Months.each(when(current, event).otherwise(reportedFrom), to))
        .withColumn("_restated", current)
        .withColumn("_reported", col(MONTH).geq(col("_reported_from")));
  }

  /** Both views' figures per cadre and month-end (null where a view has no record). */
  private static Dataset<Row> monthly(Dataset<Row> inWindow) {
    Column record = struct(col("record_id"), col("category"), col("sub_category"), col("event_date"),
        col("points"), col("severe"), finding().as("finding"));
    List<Column> figures = new ArrayList<>();
    for (String view : List.of("", REPORTED)) {
      Column in = col(view.isEmpty() ? "_restated" : "_reported");
      figures.add(sum(when(in, col("points"))).cast("decimal(9,2)").as(view + "score"));
      figures.add(count(when(in.and(col("severe")), true)).cast("int").as(view + "severe_records"));
      figures.add(array_sort(collect_list(when(in, record))).as(view + "records"));
    }
    return inWindow.groupBy("person_key", MONTH)
        .agg(figures.get(0), figures.subList(1, figures.size()).toArray(Column[]::new));
  }

  /** Zero-fills the months without records and adds petition_findings and line_rank, for both views. */
  private static Dataset<Row> withLines(Dataset<Row> series, LineRules rules) {
    Column namedFindings = rules.lines().stream().map(ScoreTransforms::findingsOf)
        .reduce(functions::array_union).orElseThrow();
    Dataset<Row> lines = series;
    for (String view : List.of("", REPORTED)) {
      Column records = col(view + "records");
      lines = lines
          .withColumn(view + "score", coalesce(col(view + "score"), lit(0).cast("decimal(9,2)")))
          .withColumn(view + "severe_records", coalesce(col(view + "severe_records"), lit(0)))
          .withColumn(view + "records", coalesce(records, array().cast(RECORDS_TYPE)))
          .withColumn(view + "petition_findings",
              size(filter(records, r -> array_contains(namedFindings, r.getField("finding")))))
          .withColumn(view + "line_rank", lineRank(rules, col(view + "score"), col(view + "severe_records"),
              transform(records, r -> r.getField("finding"))));
    }
    return lines;
  }
}
