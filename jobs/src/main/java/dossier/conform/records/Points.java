package dossier.conform.records;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dossier.conform.settings.PointsRule;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The points of a record (rules.md §1) as built-in Spark expressions composed from the configured
 * rules: the highest applicable ordinary rule plus every applicable {@code adds} rule; severe when
 * an applicable rule says so; {@code rules_fired} names every applicable rule. A rule applies when
 * its {@code when} holds and, for a rule with a field, the field's value has points.
 */
public final class Points {
  /** Points are kept with two decimals. */
  public static final String POINTS_TYPE = "decimal(9,2)";

  private Points() {}

  /** Adds {@code points}, {@code severe} and {@code rules_fired}, evaluated over the dataset's columns. */
  public static Dataset<Row> score(Dataset<Row> records, List<PointsRule> rules) {
    return records
        .withColumn("points", points(rules))
        .withColumn("severe", severe(rules))
        .withColumn("rules_fired", rulesFired(rules));
  }

  static Column points(List<PointsRule> rules) {
    List<Column> ordinary = rules.stream().filter(r -> !r.adds()).map(r -> when(applies(r), value(r))).toList();
    Column highest = switch (ordinary.size()) {
      case 0 -> lit(BigDecimal.ZERO);
      case 1 -> ordinary.get(0);
      default -> greatest(ordinary.toArray(Column[]::new));
    };
    Column total = coalesce(highest, lit(BigDecimal.ZERO));
    for (PointsRule rule : rules.stream().filter(PointsRule::adds).toList()) {
      total = total.plus(when(applies(rule), value(rule)).otherwise(lit(BigDecimal.ZERO)));
    }
    return total.cast(POINTS_TYPE);
  }

  static Column severe(List<PointsRule> rules) {
    Column severe = lit(false);
    for (PointsRule rule : rules) {
      if (rule.severeAlways()) {
        severe = severe.or(applies(rule));
      } else if (!rule.severeCodes().isEmpty()) {
        severe = severe.or(applies(rule).and(field(rule).isin(rule.severeCodes().toArray())));
      }
    }
    return severe;
  }

  static Column rulesFired(List<PointsRule> rules) {
    if (rules.isEmpty()) {
      return expr("cast(array() as array<string>)");
    }
    return array_compact(array(rules.stream().map(r -> when(applies(r), lit(r.name()))).toArray(Column[]::new)));
  }

  /** True when the rule applies (never null). */
  private static Column applies(PointsRule rule) {
    Column applies = rule.when().map(sql -> coalesce(expr(sql), lit(false))).orElse(lit(true));
    if (rule.field().isPresent()) {
      applies = applies.and(coalesce(field(rule).isin(rule.codePoints().keySet().toArray()), lit(false)));
    }
    return applies;
  }

  private static Column value(PointsRule rule) {
    if (rule.field().isEmpty()) {
      return lit(rule.points());
    }
    Column value = null;
    for (Map.Entry<String, BigDecimal> code : rule.codePoints().entrySet()) {
      Column test = field(rule).equalTo(code.getKey());
      value = value == null ? when(test, lit(code.getValue())) : value.when(test, lit(code.getValue()));
    }
    return value;
  }

  private static Column field(PointsRule rule) {
    return col(rule.field().orElseThrow()).cast("string");
  }
}
