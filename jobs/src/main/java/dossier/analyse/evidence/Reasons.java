package dossier.analyse.evidence;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dossier.schema.ColumnDoc;
import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * Why a warning, trigger, grade veto, list entry or award holds: a list of reasons, each naming
 * the rule (its key below {@code dossier.rules} in rules.conf) and the figures it compared, e.g.
 * {@code {rule: "unit-warnings.red.share-at-least", detail: "p = 3/9 = 33.3% ≥ 30%"}}.
 */
public final class Reasons {
  /** The type of a {@code reasons} column. */
  public static final String TYPE = "array<struct<rule:string,detail:string>>";

  private Reasons() {}

  /** A {@code reasons} column of a table, with what its reasons explain. */
  public static ColumnDoc column(String name, String label, String explains) {
    return ColumnDoc.of(name, label, TYPE, explains + " Each reason names the rule (its key below dossier.rules in "
        + "rules.conf, e.g. unit-warnings.red.share-at-least) and the figures it compared.");
  }

  /** A reason that holds when {@code condition} does (else null, dropped by {@link #of}). */
  public static Column ifHolds(Column condition, String rule, Column detail) {
    return when(condition, reason(rule, detail));
  }

  public static Column reason(String rule, Column detail) {
    return struct(lit(rule).as("rule"), detail.as("detail"));
  }

  /** The reasons that hold, in the given order. */
  public static Column of(Column... reasons) {
    if (reasons.length == 0) {
      return array().cast(TYPE);
    }
    return array_compact(array(Arrays.stream(reasons).map(r -> r.cast("struct<rule:string,detail:string>"))
        .toArray(Column[]::new)));
  }
}
