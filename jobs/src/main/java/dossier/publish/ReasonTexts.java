package dossier.publish;

import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Reasons (array of struct rule, detail) as BI tools read them best: one text per reason,
 * {@code "unit-warnings.red.share-at-least: p = 3/9 = 33.3% ≥ 30%"}.
 */
final class ReasonTexts {
  private ReasonTexts() {}

  static Column of(Column reasons) {
    return withFiguresUnless(reasons, lit(false));
  }

  /** The texts, with only the rules (their figures left out) where {@code hideFigures} holds. */
  static Column withFiguresUnless(Column reasons, Column hideFigures) {
    return transform(reasons, r -> when(hideFigures, r.getField("rule"))
        .otherwise(concat_ws(": ", r.getField("rule"), r.getField("detail"))));
  }
}
