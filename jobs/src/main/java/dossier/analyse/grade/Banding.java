package dossier.analyse.grade;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import dossier.analyse.grade.GradeRules.Band;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The four grades by composite rank within a cohort (rules.md §4).
 *
 * <p><b>Rank → band.</b> Members with a composite are ranked best first with ties sharing the
 * best rank ({@code rank()}: 90, 85, 85, 80 rank 1, 2, 2, 4). A member of rank r in a cohort of N
 * has r − 1 members strictly above it and takes the first band (best first) whose cumulative
 * share C satisfies <b>r − 1 &lt; C × N</b>, compared exactly in decimals; equivalently band b
 * holds the ranks up to ⌈C_b × N⌉. With the default shares 20/50/25/5 % (C = 0.20, 0.70, 0.95,
 * 1): N = 1: 好; N = 4: 好 1, 较好 2–3, 一般 4 (no 较差: 0.95 × 4 = 3.8, so rank 4 has 3 &lt; 3.8 above
 * it); N = 10: 好 1–2, 较好 3–7, 一般 8–10; N = 21: 好 1–5, 较好 6–15, 一般 16–20, 较差 21.
 * Ties take the better grade because tied members share the better rank: in N = 10 with ranks 1,
 * 2, 2, 4 … both rank-2 members are 好. A member without a composite (no factor score at all) is
 * not ranked and does not count in N.
 */
public final class Banding {
  private Banding() {}

  /**
   * Adds {@code cohort_size} (members with a composite), {@code rank} and {@code band_rank}
   * (1 = best band; null without a composite) within each cohort.
   */
  public static Dataset<Row> banded(Dataset<Row> members, List<String> cohort, String composite, List<Band> bands) {
    Column[] partition = cohort.stream().map(c -> col(c)).toArray(Column[]::new);
    Column ranked = col(composite).isNotNull();
    Column size = count(col(composite)).over(Window.partitionBy(partition)).cast("int");
    Column position = rank().over(Window.partitionBy(partition).orderBy(col(composite).desc_nulls_last())).cast("int");
    Dataset<Row> withRank = members.withColumn("cohort_size", size).withColumn("rank", when(ranked, position));
    Column above = col("rank").minus(1);
    Column band = lit(bands.get(bands.size() - 1).rank());
    for (int i = bands.size() - 2; i >= 0; i--) {
      Band b = bands.get(i);
      band = when(above.lt(lit(b.cumulativeShare()).multiply(col("cohort_size"))), b.rank()).otherwise(band);
    }
    return withRank.withColumn("band_rank", when(ranked, band));
  }

  /** A grade's code from its rank (null for null). */
  public static Column grade(List<Band> bands, Column bandRank) {
    Column grade = lit(null).cast("string");
    for (Band b : bands) {
      grade = when(bandRank.equalTo(b.rank()), b.grade()).otherwise(grade);
    }
    return grade;
  }
}
