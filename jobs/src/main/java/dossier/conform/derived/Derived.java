package dossier.conform.derived;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import dossier.conform.records.Points;
import dossier.conform.records.SourceRecords;
import dossier.conform.records.Timelines;
import dossier.conform.records.Versions;
import dossier.conform.settings.ConformSettings;
import dossier.conform.settings.DerivedWindows;
import dossier.contract.DatasetContract;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Derived records (rules.md §1): negative records no agency delivers, found in other records.
 * Each restates one source record and is evaluated at every month that could change it, on what
 * was delivered by then: a version is emitted when the outcome or the source's content changes;
 * when the condition stops holding (a late filing, a correction, a revocation of the source) the
 * derived record is revoked from that month. Windows: "more than N days" is strict, "A … B"
 * includes both ends.
 *
 * <ul>
 *   <li>unfiled travel: an exit (ga_crj 出境) that no approved (同意) zzb_crjbb filing of the same
 *       person covers: planned_exit − N days ≤ crossed ≤ planned_entry; sub_category = destination;
 *   <li>leave irregularity, two per leave: 未经批准离岗 (approval 未批准), and for the return
 *       逾期销假 (returned more than N days after the end) or 超期未销假 (not returned when the
 *       month's last day is more than N days after the end; evaluated up to the latest data month);
 *   <li>late instant report: reported more than N days after it occurred; sub_category = matter.
 * </ul>
 * Event dates are the source record's; provenance points to the source record's rows.
 *
 * <p>Output: matter versions ({@link Versions#COLUMNS}); {@code dataset} is the derived category
 * and {@code record_key} names the source dataset and key, so record ids never collide.
 */
public final class Derived {
  static final String UNAPPROVED_LEAVE = "未经批准离岗";
  static final String RETURNED_LATE = "逾期销假";
  static final String NOT_RETURNED = "超期未销假";

  private Derived() {}

  /** Every derived record's versions, from the matter versions of the source datasets. */
  public static Dataset<Row> of(Dataset<Row> matterVersions, String latestMonth, ConformSettings settings) {
    DerivedWindows windows = settings.derived();
    return unfiledTravel(matterVersions, windows, settings)
        .unionByName(leaveIrregularities(matterVersions, latestMonth, windows, settings))
        .unionByName(lateInstantReports(matterVersions, windows, settings));
  }

  /**
   * The cadres whose leave, not returned, turns 超期未销假 in a month after {@code after} up to
   * {@code upTo}: their records change with time alone, without a delivery.
   *
   * @param delivered delivered records (SourceRecords shape)
   */
  public static Dataset<Row> dueBetween(Dataset<Row> delivered, String after, String upTo, DerivedWindows windows) {
    Column due = overdueMonth(to_date(attribute("end")), windows);
    return delivered.where(col("dataset").equalTo(DerivedKind.LEAVE_IRREGULARITY.source()).and(attribute("returned").isNull()))
        .select(col("id_number"), due.as("due"))
        .where(col("due").gt(after).and(col("due").leq(upTo)))
        .select("id_number");
  }

  static Dataset<Row> unfiledTravel(Dataset<Row> versions, DerivedWindows windows, ConformSettings settings) {
    DerivedKind kind = DerivedKind.UNFILED_TRAVEL;
    Dataset<Row> exits = source(versions, kind.source());
    Dataset<Row> filings = source(versions, "zzb_crjbb")
        .select(col("id_number"), col("record_key").as("filing_key"), col("version_month"), col("revoked").as("filing_revoked"),
            to_date(attribute("planned_exit")).as("planned_exit"), to_date(attribute("planned_entry")).as("planned_entry"),
            attribute("approval").as("approval"));
    Dataset<Row> firstMonths = exits.groupBy("record_key", "id_number").agg(min("version_month").as("first_month"));
    Dataset<Row> months = exits.select(col("record_key"), col("id_number"), col("version_month").as("at_month"))
        .unionByName(firstMonths.join(filings.select("id_number", "version_month"), "id_number")
            .where(col("version_month").geq(col("first_month")))
            .select(col("record_key"), col("id_number"), col("version_month").as("at_month")))
        .distinct();
    Dataset<Row> exitAt = Timelines.latestAt(months.drop("id_number"), exits, List.of("record_key"), List.of());
    Dataset<Row> crossings = exitAt.select(col("record_key"), col("at_month"), col("id_number"),
        to_date(attribute("crossed")).as("crossed"));
    Dataset<Row> covered = Timelines.latestAt(crossings, filings, List.of("id_number"), List.of("record_key", "filing_key"))
        .where(not(col("filing_revoked")).and(col("approval").equalTo("同意"))
            .and(col("crossed").between(date_sub(col("planned_exit"), windows.travelExitEarlyDays()), col("planned_entry"))))
        .select("record_key", "at_month").distinct().withColumn("covered", lit(true));
    Dataset<Row> evaluated = exitAt.join(covered, new String[] {"record_key", "at_month"}, "left")
        .withColumn("holds", not(col("revoked")).and(coalesce(attribute("direction").equalTo("出境"), lit(false)))
            .and(col("covered").isNull()))
        .withColumn("derived_sub_category", attribute("destination"));
    return versions(evaluated, kind, lit(""), settings);
  }

  static Dataset<Row> leaveIrregularities(Dataset<Row> versions, String latestMonth, DerivedWindows windows,
      ConformSettings settings) {
    DerivedKind kind = DerivedKind.LEAVE_IRREGULARITY;
    Dataset<Row> leave = source(versions, kind.source());
    Column end = to_date(attribute("end"));
    Column returned = to_date(attribute("returned"));
    Dataset<Row> approvals = leave.withColumn("at_month", col("version_month"))
        .withColumn("holds", not(col("revoked")).and(coalesce(attribute("approval").equalTo("未批准"), lit(false))))
        .withColumn("derived_sub_category", lit(UNAPPROVED_LEAVE));
    Dataset<Row> overdueMonths = leave.where(returned.isNull())
        .select(col("record_key"), overdueMonth(end, windows).as("at_month"))
        .where(col("at_month").leq(latestMonth));
    Dataset<Row> months = leave.select(col("record_key"), col("version_month").as("at_month"))
        .unionByName(overdueMonths).distinct();
    Column monthEnd = last_day(to_date(concat(col("at_month"), lit("-01"))));
    Column late = returned.isNotNull().and(datediff(returned, end).gt(windows.leaveReturnedLateDays()));
    Column open = returned.isNull().and(datediff(monthEnd, end).gt(windows.leaveNotClosedDays()));
    Dataset<Row> returns = Timelines.latestAt(months, leave, List.of("record_key"), List.of())
        .withColumn("holds", not(col("revoked")).and(coalesce(late.or(open), lit(false))))
        .withColumn("derived_sub_category", when(open, lit(NOT_RETURNED)).when(late, lit(RETURNED_LATE)));
    return versions(approvals, kind, lit("approval"), settings)
        .unionByName(versions(returns, kind, lit("return"), settings));
  }

  static Dataset<Row> lateInstantReports(Dataset<Row> versions, DerivedWindows windows, ConformSettings settings) {
    DerivedKind kind = DerivedKind.LATE_INSTANT_REPORT;
    Column days = datediff(to_date(attribute("reported")), to_date(attribute("occurred")));
    Dataset<Row> evaluated = source(versions, kind.source()).withColumn("at_month", col("version_month"))
        .withColumn("holds", not(col("revoked")).and(coalesce(days.gt(windows.instantReportLateDays()), lit(false))))
        .withColumn("derived_sub_category", attribute("matter"));
    return versions(evaluated, kind, lit(""), settings);
  }

  /** The month whose last day is first more than N days after the leave's end. */
  private static Column overdueMonth(Column end, DerivedWindows windows) {
    return date_format(date_add(end, windows.leaveNotClosedDays() + 1), "yyyy-MM");
  }

  private static Dataset<Row> source(Dataset<Row> versions, String dataset) {
    return versions.where(col("dataset").equalTo(dataset).and(not(col("derived"))));
  }

  private static Column attribute(String name) {
    return col("attributes").getItem(name);
  }

  /**
   * Evaluations (source version columns as of {@code at_month}, plus holds and
   * derived_sub_category) to derived versions: from the first month it holds, one version per
   * month whose outcome or content differs from the month before.
   */
  private static Dataset<Row> versions(Dataset<Row> evaluated, DerivedKind kind, Column part, ConformSettings settings) {
    WindowSpec byRecord = Window.partitionBy("record_key").orderBy("at_month");
    Column signature = to_json(struct(col("holds"), col("derived_sub_category"), col("event_date"), col("attributes"),
        col("provenance")));
    WindowSpec upToHere = byRecord.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> changes = evaluated
        .withColumn("held", max(col("holds")).over(upToHere))
        .where(col("held"))
        // A revoked version keeps the sub-category of the last one that held.
        .withColumn("derived_sub_category", last(when(col("holds"), col("derived_sub_category")), true).over(upToHere))
        .withColumn("signature", signature)
        .withColumn("previous_signature", lag("signature", 1).over(byRecord))
        .where(not(col("previous_signature").eqNullSafe(col("signature"))));
    Dataset<Row> scored = Points.score(typed(changes, settings.records().get(kind.source()).contract()),
        settings.rules(kind.category()));
    Dataset<Row> shaped = scored.select(
        lit(kind.category()).as("dataset"),
        concat_ws(SourceRecords.KEY_SEPARATOR, lit(kind.source()), col(CARRIED + "record_key"), part).as("record_key"),
        col(CARRIED + "at_month").as("version_month"),
        col(CARRIED + "id_number").as("id_number"), col(CARRIED + "name").as("name"),
        lit(null).cast("string").as("unit_name"), lit(null).cast("string").as("post"),
        lit(kind.category()).as("category"), col(ConformSettings.SUB_CATEGORY), col(CARRIED + "event_date").as("event_date"),
        col("points"), col("severe"), col("rules_fired"), not(col(CARRIED + "holds")).as("revoked"),
        col(CARRIED + "attributes").as("attributes"), array_sort(col(CARRIED + "provenance")).as("provenance"),
        lit(kind.source()).as("source_dataset"), lit(true).as("derived"));
    WindowSpec derivedRecord = Window.partitionBy("record_key").orderBy("version_month")
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> withFirst = shaped
        .withColumn("first_delivery", first("version_month").over(derivedRecord))
        .withColumn("first_order", struct(col("first_delivery").as("delivery_month"), col("first_delivery").as("file_month"),
            lit(0).as("file_seq"), lit(0).as("row_number")));
    return Versions.withRevokedMonth(withFirst).select(Versions.COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** Prefix of the evaluation columns carried past the points rules, out of the rules' sight. */
  private static final String CARRIED = "carried_";

  /**
   * What the points rules see: the source's canonical columns typed back from its attributes and
   * the sub_category; the evaluation's own columns are carried along under {@link #CARRIED}.
   */
  private static Dataset<Row> typed(Dataset<Row> changes, DatasetContract contract) {
    List<Column> columns = new ArrayList<>();
    contract.columns().forEach(c -> columns.add(attribute(c.name()).cast(c.type().sparkType()).as(c.name())));
    columns.add(col("derived_sub_category").as(ConformSettings.SUB_CATEGORY));
    for (String carried : List.of("record_key", "at_month", "id_number", "name", "event_date", "holds", "attributes", "provenance")) {
      columns.add(col(carried).as(CARRIED + carried));
    }
    return changes.select(columns.toArray(Column[]::new));
  }
}
