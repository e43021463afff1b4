package dossier.report;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.period.PeriodStatTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The aggregations behind the reports, as pure functions of curated tables (one as-of month's
 * rows). Each output is a small table that a report prints as it is. District figures are sums
 * over units of the figures as published: a unit's suppressed figure is not in the sum, and
 * {@code suppressed_units} says how many were left out, so the open report never reveals one.
 */
public final class ReportTransforms {
  /** The column naming how many unit figures a sum left out because they were suppressed. */
  public static final String SUPPRESSED_UNITS = "suppressed_units";
  /** Column prefix of the figure of the i-th period asked for: {@code records_0}, {@code records_1}. */
  public static final String RECORDS = "records_";

  private ReportTransforms() {}

  /**
   * Records per category in each of the periods (one column {@code records_i} per period, in the
   * order given), summed over units; {@code suppressed_units} counts the unit figures of the
   * first period left out. Categories without a record in any of the periods have no row. Order:
   * most records in the first period first.
   */
  public static Dataset<Row> recordsByCategory(Dataset<Row> aggUnitPeriod, String periodType, List<String> periods) {
    List<Column> figures = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      figures.add(coalesce(sum(when(col("period").equalTo(periods.get(i)), col("records"))), lit(0L))
          .as(RECORDS + i));
    }
    figures.add(suppressedIn(periods.get(0)));
    return aggUnitPeriod
        .filter(col("period_type").equalTo(periodType).and(col("period").isin(periods.toArray()))
            .and(col("category").notEqual(PeriodStatTable.ALL_CATEGORIES)))
        .groupBy("category").agg(figures.get(0), figures.subList(1, figures.size()).toArray(Column[]::new))
        .orderBy(col(RECORDS + 0).desc(), col("category"));
  }

  /** {@link #recordsByCategory} with the change from the second period ({@code change}), largest rise first. */
  public static Dataset<Row> categoryChanges(Dataset<Row> aggUnitPeriod, String periodType, List<String> periods) {
    return recordsByCategory(aggUnitPeriod, periodType, periods)
        .withColumn("change", col(RECORDS + 0).minus(col(RECORDS + 1)))
        .orderBy(col("change").desc(), col(RECORDS + 0).desc(), col("category"));
  }

  /**
   * District totals of every category together per period, in period order: records, scored
   * and severe records and points, summed over units, and the unit figures left out as suppressed.
   */
  public static Dataset<Row> districtByPeriod(Dataset<Row> aggUnitPeriod, String periodType, List<String> periods) {
    return aggUnitPeriod
        .filter(col("period_type").equalTo(periodType).and(col("period").isin(periods.toArray()))
            .and(col("category").equalTo(PeriodStatTable.ALL_CATEGORIES)))
        .groupBy("period")
        .agg(coalesce(sum("records"), lit(0L)).as("records"),
            coalesce(sum("scored_records"), lit(0L)).as("scored_records"),
            coalesce(sum("severe_records"), lit(0L)).as("severe_records"),
            coalesce(sum("points"), lit(0)).cast("decimal(14,2)").as("points"),
            count(when(col("records").isNull(), 1)).as(SUPPRESSED_UNITS))
        .orderBy("period");
  }

  /** The units' figures of one period, every category together, most records first. */
  public static Dataset<Row> unitsInPeriod(Dataset<Row> aggUnitPeriod, String period) {
    return aggUnitPeriod
        .filter(col("period").equalTo(period).and(col("category").equalTo(PeriodStatTable.ALL_CATEGORIES)))
        .select("unit_code", "unit_name", "records", "scored_records", "severe_records", "persons", "points",
            "suppressed")
        .orderBy(col("records").desc_nulls_last(), col("unit_code").asc_nulls_last());
  }

  /**
   * The units whose records rose most from the previous period to this one (every category
   * together): records in each ({@code records_0} this, {@code records_1} previous) and the
   * change, null when either figure is suppressed. At most {@code limit} units, largest rise first.
   */
  public static Dataset<Row> risingUnits(Dataset<Row> aggUnitPeriod, String period, String previous, int limit) {
    Dataset<Row> rows = aggUnitPeriod.filter(col("period").isin(period, previous)
        .and(col("category").equalTo(PeriodStatTable.ALL_CATEGORIES)));
    return rows.groupBy("unit_code")
        .agg(max_by(col("unit_name"), col("period")).as("unit_name"),
            figureOf(period, "records").as(RECORDS + 0), suppressedOf(period).as("suppressed_0"),
            figureOf(previous, "records").as(RECORDS + 1), suppressedOf(previous).as("suppressed_1"))
        .withColumn("change", col(RECORDS + 0).minus(col(RECORDS + 1)))
        .filter(col("change").gt(0))
        .orderBy(col("change").desc(), col("unit_code"))
        .limit(limit);
  }

  /**
   * This month's unit warnings beside last month's (both as restated in this as-of month): every
   * unit warned in either month, with n, m, p, s, the level of each month, the change and this
   * month's reasons as one text. Strongest level first.
   */
  public static Dataset<Row> warningChanges(Dataset<Row> unitWarning, String month, String previousMonth) {
    Dataset<Row> now = unitWarning.filter(col("month").equalTo(month));
    Dataset<Row> before = unitWarning.filter(col("month").equalTo(previousMonth))
        .select(col("unit_code").as("_unit"), col("unit_name").as("_name"), col("level_label").as("previous_label"),
            col("level_rank").as("previous_rank"));
    Column rank = coalesce(col("level_rank"), lit(0));
    Column previousRank = coalesce(col("previous_rank"), lit(0));
    return now.join(before, now.col("unit_code").equalTo(before.col("_unit")), "full_outer")
        .filter(rank.gt(0).or(previousRank.gt(0)))
        .select(coalesce(col("unit_code"), col("_unit")).as("unit_code"),
            coalesce(col("unit_name"), col("_name")).as("unit_name"),
            col("cadres"), col("cadres_with_points"), col("share"), col("severe_records"), col("sanctions"),
            col("level_label"), col("previous_label"),
            when(previousRank.equalTo(0), "新增").when(rank.equalTo(0), "解除").when(rank.gt(previousRank), "升级")
                .when(rank.lt(previousRank), "降级").otherwise("持平").as("change"),
            concat_ws("；", col("reasons")).as("reasons"), col("suppressed"), rank.as("_rank"))
        .orderBy(col("_rank").desc(), col("unit_code"))
        .drop("_rank");
  }

  /** Units at each warning level this month and last month, strongest level first. */
  public static Dataset<Row> warningLevels(Dataset<Row> unitWarning, String month, String previousMonth) {
    return unitWarning.filter(col("month").isin(month, previousMonth).and(col("level_rank").gt(0)))
        .groupBy("level_rank", "level_label")
        .agg(count(when(col("month").equalTo(month), 1)).as("units_0"),
            count(when(col("month").equalTo(previousMonth), 1)).as("units_1"))
        .orderBy(col("level_rank").desc())
        .drop("level_rank");
  }

  /**
   * The latest value of a name column per key (e.g. a cadre's name, a unit's name) from a
   * dimension with validity intervals: the row of the latest {@code valid_from} (null = earliest).
   */
  public static Dataset<Row> latestNames(Dataset<Row> dimension, String key, String name) {
    return dimension.groupBy(key)
        .agg(max_by(col(name), coalesce(col("valid_from"), lit(java.sql.Date.valueOf("1900-01-01")))).as(name));
  }

  /**
   * The grade distribution of one year per cohort: one column per grade (in grade_rank order,
   * named by the grade), {@code ungraded} for members without a grade and {@code members}.
   */
  public static Dataset<Row> gradeDistribution(Dataset<Row> grades, int year, List<String> gradeNames) {
    List<Column> counts = new ArrayList<>();
    for (String grade : gradeNames) {
      counts.add(count(when(col("grade").equalTo(grade), 1)).as(grade));
    }
    counts.add(count(when(col("grade").isNull(), 1)).as("ungraded"));
    return grades.filter(col("year").equalTo(year)).groupBy("cohort")
        .agg(count(lit(1)).as("members"), counts.toArray(Column[]::new))
        .orderBy("cohort");
  }

  /**
   * A heat table of records: one row per unit, one column per period ({@code records_i}, with
   * {@code suppressed_i} saying whether the unit's figure was suppressed), every category together.
   */
  public static Dataset<Row> unitPeriodRecords(Dataset<Row> aggUnitPeriod, List<String> periods) {
    List<Column> cells = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      cells.add(figureOf(periods.get(i), "records").as(RECORDS + i));
      cells.add(suppressedOf(periods.get(i)).as("suppressed_" + i));
    }
    return aggUnitPeriod.filter(col("period").isin(periods.toArray())
            .and(col("category").equalTo(PeriodStatTable.ALL_CATEGORIES)))
        .groupBy("unit_code")
        .agg(max_by(col("unit_name"), col("period")).as("unit_name"), cells.toArray(Column[]::new))
        .orderBy(col("unit_code").asc_nulls_last());
  }

  private static Column figureOf(String period, String figure) {
    return first(when(col("period").equalTo(period), col(figure)), true);
  }

  private static Column suppressedOf(String period) {
    return coalesce(max(when(col("period").equalTo(period), col("suppressed"))), lit(false));
  }

  private static Column suppressedIn(String period) {
    return count(when(col("period").equalTo(period).and(col("records").isNull()), 1)).as(SUPPRESSED_UNITS);
  }
}
