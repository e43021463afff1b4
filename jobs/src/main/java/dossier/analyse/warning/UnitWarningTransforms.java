package dossier.analyse.warning;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.evidence.Reasons;
import dossier.analyse.input.CadreHistory;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.time.Months;
import dossier.analyse.warning.WarningRules.EfficiencyRaise;
import dossier.analyse.warning.WarningRules.Level;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Unit warnings (rules.md §3), per unit and month; see {@link UnitWarningTable}. */
public final class UnitWarningTransforms {
  /** The record category of party and government sanctions. */
  public static final String SANCTION = "sanction";
  private static final String[] UNIT_MONTH = {"unit_code", "month_index"};

  private UnitWarningTransforms() {}

  /**
   * Warnings for every unit and month from the first record's month to M.
   *
   * @param records the restated records as of M ({@link RecordVersions#deliveredBy})
   * @param efficiencyWarnings efficiency warnings on units (warning_no, unit_code, level, issued)
   */
  public static Dataset<Row> warnings(Dataset<Row> records, Dataset<Row> cadreHistory, Dataset<Row> unitHistory,
      Dataset<Row> efficiencyWarnings, WarningRules rules, YearMonth asOf) {
    int asOfIndex = Months.index(asOf);
    Dataset<Row> placed = records.filter(col("unit_code").isNotNull()
        .and(col(RecordVersions.EVENT_MONTH).leq(asOfIndex)));
    Dataset<Row> start = placed.select(col(RecordVersions.EVENT_MONTH).as("_month"))
        .union(efficiencyWarnings.select(Months.ofDate(col("issued")).as("_month")))
        .agg(min("_month").as("_start"));
    Dataset<Row> members = members(cadreHistory, start, rules, asOfIndex);
    Dataset<Row> figures = members.groupBy(UNIT_MONTH[0], UNIT_MONTH[1]).agg(count(lit(1)).cast("int").as("cadres"))
        .join(recordFigures(placed, members, rules, asOfIndex), UNIT_MONTH, "full")
        .join(efficiencyFigures(efficiencyWarnings, rules, asOfIndex), UNIT_MONTH, "full")
        .na().fill(0, new String[] {"cadres", "cadres_with_points", "severe_records", "sanctions",
            "efficiency_warnings"})
        .withColumn("month_end", Months.lastDay(col("month_index")));
    return judged(CadreHistory.withUnitOn(figures, unitHistory, "month_end"), rules)
        .select(lit(asOf.toString()).as("as_of_month"), col("unit_code"), col("unit_name"), col("unit_type"),
            Months.text(col("month_index")).as("month"),
            Months.firstDay(col("month_index").minus(rules.windowMonths() - 1)).as("window_start"),
            col("month_end").as("window_end"), col("cadres"), col("cadres_with_points"),
            when(col("cadres").gt(0), col("cadres_with_points").divide(col("cadres"))).cast("decimal(5,4)").as("share"),
            col("severe_records"), col("sanctions"), col("efficiency_warnings"), col("small_unit"),
            col("level"), col("level_label"), col("level_rank"), col("reasons"),
            ids("member_record_ids"), ids("severe_record_ids"), ids("sanction_record_ids"),
            ids("efficiency_warning_nos"));
  }

  /**
   * (unit, cadre, month-end) for every month-end from {@code start} (one row: the first month of
   * any record or warning) whose window overlaps the cadre's time in the unit.
   */
  private static Dataset<Row> members(Dataset<Row> cadreHistory, Dataset<Row> start, WarningRules rules,
      int asOfIndex) {
    Column from = greatest(coalesce(Months.ofDate(col("valid_from")), col("_start")), col("_start"));
    Column lastMonthIn = coalesce(Months.ofDate(date_sub(col("valid_to"), 1)), lit(asOfIndex));
    return cadreHistory.filter(col("unit_code").isNotNull()).crossJoin(start)
        .select(col("unit_code"), col("person_key"),
            Months.each(from, least(lastMonthIn.plus(rules.windowMonths() - 1), lit(asOfIndex))).as("month_index"))
        .distinct();
  }

  /** m, s and sanctions per unit and month-end, with the records behind them. */
  private static Dataset<Row> recordFigures(Dataset<Row> records, Dataset<Row> members, WarningRules rules,
      int asOfIndex) {
    Column event = col(RecordVersions.EVENT_MONTH);
    Dataset<Row> inWindow = records.select(col("unit_code"), col("person_key"), col("record_id"), col("points"),
        col("severe"), col("category"),
        Months.each(event, least(event.plus(rules.windowMonths() - 1), lit(asOfIndex))).as("month_index"));
    Column memberWithPoints = col("points").gt(0).and(col("_member"));
    Column sanction = col("category").equalTo(SANCTION);
    return inWindow.join(members.withColumn("_member", lit(true)), new String[] {"unit_code", "person_key",
            "month_index"}, "left")
        .groupBy(UNIT_MONTH[0], UNIT_MONTH[1]).agg(
            count_distinct(when(memberWithPoints, col("person_key"))).cast("int").as("cadres_with_points"),
            collect_set(when(memberWithPoints, col("record_id"))).as("member_record_ids"),
            count(when(col("severe"), true)).cast("int").as("severe_records"),
            collect_set(when(col("severe"), col("record_id"))).as("severe_record_ids"),
            count(when(sanction, true)).cast("int").as("sanctions"),
            collect_set(when(sanction, col("record_id"))).as("sanction_record_ids"));
  }

  /** Raising efficiency warnings on units per unit and month-end, with the strongest raise. */
  private static Dataset<Row> efficiencyFigures(Dataset<Row> warnings, WarningRules rules, int asOfIndex) {
    Column raiseRank = lit(null).cast("int");
    for (EfficiencyRaise raise : rules.efficiencyRaises()) {
      raiseRank = when(col("level").equalTo(raise.warningLevel()), raise.level().rank()).otherwise(raiseRank);
    }
    Column issued = Months.ofDate(col("issued"));
    return warnings.withColumn("_raise", raiseRank).filter(col("_raise").isNotNull())
        .select(col("unit_code"), col("warning_no"), col("level"), col("_raise"),
            Months.each(issued, least(issued.plus(rules.windowMonths() - 1), lit(asOfIndex))).as("month_index"))
        .groupBy(UNIT_MONTH[0], UNIT_MONTH[1]).agg(
            count(lit(1)).cast("int").as("efficiency_warnings"),
            max(struct(col("_raise"), col("level"))).as("_strongest_raise"),
            collect_set(col("warning_no")).as("efficiency_warning_nos"));
  }

  /** Adds small_unit, level, level_label, level_rank and reasons. */
  private static Dataset<Row> judged(Dataset<Row> figures, WarningRules rules) {
    Column n = col("cadres");
    Column m = col("cadres_with_points");
    Column s = col("severe_records");
    Column small = n.lt(rules.smallUnitBelow());
    Column share = lit(0);
    Column severe = lit(0);
    Column sanction = lit(0);
    for (Level level : rules.levels()) { // weakest first: a stronger level overrides
      if (level.shareAtLeast().isPresent()) {
        share = when(n.gt(0).and(m.geq(lit(level.shareAtLeast().get()).multiply(n))), level.rank()).otherwise(share);
      }
      if (level.severeAtLeast().isPresent()) {
        severe = when(s.geq(level.severeAtLeast().get()), level.rank()).otherwise(severe);
      }
      if (level.anySanction()) {
        sanction = when(col("sanctions").gt(0), level.rank()).otherwise(sanction);
      }
    }
    share = when(small, 0).otherwise(share);
    Column raise = coalesce(col("_strongest_raise._raise"), lit(0));
    Dataset<Row> ranked = figures.withColumn("small_unit", small)
        .withColumn("_share_rank", share).withColumn("_severe_rank", severe).withColumn("_sanction_rank", sanction)
        .withColumn("level_rank", greatest(col("_share_rank"), col("_severe_rank"), col("_sanction_rank"), raise));
    Column code = lit(UnitWarningTable.NONE);
    Column label = lit(null).cast("string");
    for (Level level : rules.levels()) {
      code = when(col("level_rank").equalTo(level.rank()), level.code()).otherwise(code);
      label = when(col("level_rank").equalTo(level.rank()), level.label()).otherwise(label);
    }
    return ranked.withColumn("level", code).withColumn("level_label", label)
        .withColumn("reasons", reasons(rules));
  }

  private static Column reasons(WarningRules rules) {
    Column n = col("cadres");
    Column m = col("cadres_with_points");
    List<Column> reasons = new ArrayList<>();
    for (Level level : rules.reversedLevels()) {
      level.shareAtLeast().ifPresent(at -> reasons.add(Reasons.ifHolds(col("_share_rank").equalTo(level.rank()),
          level.rule("share-at-least"), format_string("p = %d/%d = %.1f%% ≥ %s%%", m, n,
              m.multiply(100.0).divide(n), lit(percent(at))))));
      level.severeAtLeast().ifPresent(at -> reasons.add(Reasons.ifHolds(col("_severe_rank").equalTo(level.rank()),
          level.rule("severe-at-least"), format_string("s = %d ≥ %d", col("severe_records"), lit(at)))));
      if (level.anySanction()) {
        reasons.add(Reasons.ifHolds(col("_sanction_rank").equalTo(level.rank()), level.rule("any-sanction"),
            format_string("sanctions in the window = %d", col("sanctions"))));
      }
    }
    for (EfficiencyRaise raise : rules.efficiencyRaises()) {
      reasons.add(Reasons.ifHolds(col("_strongest_raise.level").equalTo(raise.warningLevel()), raise.rule(),
          format_string("%d unit efficiency warning(s) in the window, the strongest %s: at least %s",
              col("efficiency_warnings"), lit(raise.warningLevel()), lit(raise.level().code()))));
    }
    reasons.add(Reasons.ifHolds(col("small_unit"), rules.smallUnitRule(),
        format_string("n = %d < %d: p is not judged", n, lit(rules.smallUnitBelow()))));
    return Reasons.of(reasons.toArray(Column[]::new));
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  private static Column ids(String column) {
    return coalesce(array_sort(col(column)), org.apache.spark.sql.functions.array().cast("array<string>")).as(column);
  }
}
