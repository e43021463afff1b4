package dossier.analyse.grade;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * Weighted factor scores graded on what exists (rules.md §4): a missing factor is left out and
 * the weights of the factors present are rescaled to sum to 1; with no factor at all there is
 * no evaluation.
 */
final class Factors {
  /** The type of a factor score (0–100). */
  static final String SCORE_TYPE = "decimal(6,2)";
  /** The type of an evaluation or composite. */
  static final String COMPOSITE_TYPE = "decimal(9,4)";

  private Factors() {}

  /** Σ w·x / Σ w over the factors present, as {@value #COMPOSITE_TYPE}; null when none is. */
  static Column evaluation(Map<String, BigDecimal> weights) {
    Column weighted = lit(BigDecimal.ZERO);
    Column present = lit(BigDecimal.ZERO);
    for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
      Column score = functions.col(w.getKey());
      weighted = weighted.plus(when(score.isNotNull(), score.multiply(lit(w.getValue()))).otherwise(BigDecimal.ZERO));
      present = present.plus(when(score.isNotNull(), lit(w.getValue())).otherwise(BigDecimal.ZERO));
    }
    return when(present.gt(0), weighted.divide(present)).cast(COMPOSITE_TYPE);
  }

  /** The names of the weighted factors whose score is missing, in name order. */
  static Column missing(Map<String, BigDecimal> weights) {
    return array_compact(array(weights.keySet().stream()
        .map(f -> when(functions.col(f).isNull(), lit(f))).toArray(Column[]::new)));
  }
}
