package dossier.publish;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.upper;

import dossier.normalise.NationalIds;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * ID numbers in text. The curated layer never holds one: delivered text that reaches it
 * (quarantined values and reasons, unresolved business keys) is masked, and every curated table
 * is checked before it is written (the no-id-numbers-in-curated expectation), whatever
 * characters stand around an ID.
 */
final class IdNumbers {
  /** What an ID-shaped run of characters becomes. */
  static final String MASK = "[身份证号]";
  /**
   * ID-shaped text, masked in delivered text: 15 or more ID characters (digits, the last one
   * also X), half- or full-width, wherever they stand. This covers valid IDs, old 15-digit ones
   * and the IDs invalid rows deliver (a wrong check digit, a digit short or long), also inside
   * longer runs of letters and digits.
   */
  static final String SHAPED = "[0-9０-９]{14,}[0-9０-９XxＸｘ]";
  /**
   * A record_id (24) or a person_key (64): lower-case hex standing alone, no ID even when its
   * digits happen to form one. The check passes over these tokens, the masking does not.
   */
  private static final String DIGEST = "(?<![0-9A-Za-z])([0-9a-f]{24}|[0-9a-f]{64})(?![0-9A-Za-z])";
  /** Every 18-character window of 17 digits and a check character (zero-width, so windows overlap). */
  private static final String EIGHTEEN = "(?=([0-9]{17}[0-9X]))";
  /** An old 15-digit ID: region, yyMMdd birth date with a real month and day, sequence. */
  private static final String FIFTEEN = "[0-9]{8}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}";
  private static final String FULL_WIDTH = "０１２３４５６７８９Ｘｘ";
  private static final String HALF_WIDTH = "0123456789XX";

  private IdNumbers() {}

  static Column masked(Column text) {
    return regexp_replace(text, SHAPED, MASK);
  }

  /** A map<string,string> with every value masked. */
  static Column maskedValues(Column map) {
    return transform_values(map, (key, value) -> masked(value));
  }

  /** An array<string> with every element masked. */
  static Column maskedElements(Column texts) {
    return transform(texts, IdNumbers::masked);
  }

  /**
   * True for a text holding an ID number anywhere in it: 17 digits followed by their check
   * character (a digit or X), or an old 15-digit ID (a real month and day where its birth date
   * stands), which also finds an 18-digit ID with a wrong check digit (its digits from the third
   * on read as an old ID); full-width digits and a lower-case x count. Null text holds none.
   */
  static Column holdsIdNumber(Column text) {
    Column folded = upper(translate(regexp_replace(text, DIGEST, ""), FULL_WIDTH, HALF_WIDTH));
    Column eighteen = exists(regexp_extract_all(folded, lit(EIGHTEEN), lit(1)), IdNumbers::hasItsCheckCharacter);
    return coalesce(folded.rlike("[0-9]{15}").and(eighteen.or(folded.rlike(FIFTEEN))), lit(false));
  }

  /** Whether the 18th character of an 18-character window is the check character of its first 17 digits. */
  private static Column hasItsCheckCharacter(Column id) {
    Column weights = array(NationalIds.CHECK_WEIGHTS.stream().map(w -> lit(w)).toArray(Column[]::new));
    Column sum = aggregate(sequence(lit(1), lit(NationalIds.CHECK_WEIGHTS.size())), lit(0),
        (total, i) -> total.plus(id.substr(i, lit(1)).cast("int").multiply(element_at(weights, i))));
    return lit(NationalIds.CHECK_CHARACTERS).substr(pmod(sum, lit(11)).plus(1), lit(1))
        .equalTo(id.substr(lit(18), lit(1)));
  }

  /**
   * True for a row holding an ID number in any of its texts (string columns, and strings nested
   * in arrays, maps, keys included, and structs); empty when the rows have no text at all.
   */
  static Optional<Column> inRow(StructType schema) {
    return anyText(schema, IdNumbers::holdsIdNumber);
  }

  /** The rows holding an ID number (0 without a scan when they hold no text). */
  static long rowsHoldingIdNumbers(Dataset<Row> rows) {
    return inRow(rows.schema()).map(condition -> rows.filter(condition).count()).orElse(0L);
  }

  /** True for a row in which {@code test} holds for a text anywhere; empty when the rows have no text. */
  static Optional<Column> anyText(StructType schema, UnaryOperator<Column> test) {
    return Arrays.stream(schema.fields())
        .map(f -> anyText(new Column("`" + f.name().replace("`", "``") + "`"), f.dataType(), test))
        .filter(Objects::nonNull).reduce(Column::or);
  }

  /** The test over every text in a value of this type, or null when the type holds none. */
  private static Column anyText(Column value, DataType type, UnaryOperator<Column> test) {
    if (!holdsText(type)) {
      return null;
    }
    if (type instanceof StringType) {
      return coalesce(test.apply(value), lit(false));
    }
    if (type instanceof ArrayType array) {
      return coalesce(exists(value, e -> anyText(e, array.elementType(), test)), lit(false));
    }
    if (type instanceof MapType map) {
      return Objects.requireNonNullElse(anyText(map_keys(value), new ArrayType(map.keyType(), true), test), lit(false))
          .or(Objects.requireNonNullElse(anyText(map_values(value), new ArrayType(map.valueType(), true), test),
              lit(false)));
    }
    StructType struct = (StructType) type;
    return Arrays.stream(struct.fields()).map(f -> anyText(value.getField(f.name()), f.dataType(), test))
        .filter(Objects::nonNull).reduce(Column::or).orElseThrow();
  }

  private static boolean holdsText(DataType type) {
    return type instanceof StringType
        || type instanceof ArrayType array && holdsText(array.elementType())
        || type instanceof MapType map && (holdsText(map.keyType()) || holdsText(map.valueType()))
        || type instanceof StructType struct && Arrays.stream(struct.fields()).map(StructField::dataType)
            .anyMatch(IdNumbers::holdsText);
  }
}
