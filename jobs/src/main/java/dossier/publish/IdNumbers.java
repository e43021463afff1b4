package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ID-shaped text. The curated layer never holds an ID number: delivered text that reaches it
 * (quarantined values and reasons) is masked, and every curated table is checked before it is
 * written (the no-id-numbers-in-curated expectation).
 */
final class IdNumbers {
  /** What an ID-shaped run of characters becomes. */
  static final String MASK = "[身份证号]";
  /**
   * 15 to 19 ID characters (digits, the last one also X), half- or full-width, standing alone: a
   * valid ID (18, or 15 in the old form) or one a digit short or long, as invalid rows deliver
   * them. A run inside a longer run of letters and digits (a person_key's hex) is not an ID.
   */
  static final String PATTERN = "(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])[0-9０-９]{14,18}[0-9０-９XxＸｘ]"
      + "(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])";

  private IdNumbers() {}

  static Column masked(Column text) {
    return regexp_replace(text, PATTERN, MASK);
  }

  /** A map<string,string> with every value masked. */
  static Column maskedValues(Column map) {
    return transform_values(map, (key, value) -> masked(value));
  }

  /** An array<string> with every element masked. */
  static Column maskedElements(Column texts) {
    return transform(texts, IdNumbers::masked);
  }

  /** True for a row holding ID-shaped text in any value, nested ones included. */
  static Column inRow(Dataset<Row> rows) {
    return rowText(rows).rlike(PATTERN);
  }

  /** The whole row as JSON text, nested values included. */
  static Column rowText(Dataset<Row> rows) {
    return to_json(struct(Arrays.stream(rows.columns()).map(c -> col("`" + c + "`")).toArray(Column[]::new)));
  }
}
