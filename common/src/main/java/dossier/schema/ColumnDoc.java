package dossier.schema;

import java.io.Serializable;
import org.apache.spark.sql.types.DataType;

/**
 * One column of a table the project writes, as the data dictionary shows it.
 *
 * @param name English snake_case column name
 * @param label Chinese label (中文名称)
 * @param type Spark SQL type
 * @param meaning what a value says, in one or two sentences (units, nulls, codes)
 */
public record ColumnDoc(String name, String label, DataType type, String meaning) implements Serializable {
  private static final long serialVersionUID = 1L;

  public ColumnDoc {
    if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column name '" + name + "' is not snake_case");
    }
    if (label == null || label.isBlank() || meaning == null || meaning.isBlank()) {
      throw new IllegalArgumentException("column '" + name + "' needs a Chinese label and a meaning");
    }
  }

  /** A column whose type is written as Spark SQL DDL, e.g. {@code decimal(9,2)} or {@code array<string>}. */
  public static ColumnDoc of(String name, String label, String ddlType, String meaning) {
    return new ColumnDoc(name, label, DataType.fromDDL(ddlType), meaning);
  }

  /** The type as the dictionary prints it, e.g. {@code decimal(9,2)}. */
  public String typeName() {
    return type.simpleString();
  }
}
