package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Small-cell suppression for the open zone (outputs.md): a figure computed from at least one but
 * fewer than {@code minPersons} persons becomes null, and the row's {@code suppressed} flag says
 * so. A figure computed from no one (a zero) singles no one out and stays.
 */
final class Suppression {
  private Suppression() {}

  /**
   * Figures computed from the same persons.
   *
   * @param persons the column counting those persons
   * @param figures the figures they make (the persons column itself among them when it is published)
   */
  record Cell(String persons, List<String> figures) {
    Cell {
      figures = List.copyOf(figures);
    }
  }

  /** Nulls every figure of a small cell and adds {@link CuratedColumns#SUPPRESSED}. */
  static Dataset<Row> suppress(Dataset<Row> rows, int minPersons, List<Cell> cells) {
    Dataset<Row> flagged = rows;
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      flags.add("_small_" + i);
      flagged = flagged.withColumn(flags.get(i), isSmall(col(cells.get(i).persons()), minPersons));
    }
    for (int i = 0; i < cells.size(); i++) {
      for (String figure : cells.get(i).figures()) {
        flagged = flagged.withColumn(figure, when(not(col(flags.get(i))), col(figure)));
      }
    }
    return flagged.withColumn(CuratedColumns.SUPPRESSED, flags.stream().map(f -> col(f)).reduce(lit(false), Column::or))
        .drop(flags.toArray(String[]::new));
  }

  private static Column isSmall(Column persons, int minPersons) {
    return persons.gt(0).and(persons.lt(minPersons));
  }
}
