package dossier.conform.records;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** As-of lookups on version timelines: what was delivered by the end of a month. */
public final class Timelines {
  private Timelines() {}

  /**
   * For each row of {@code at} (columns {@code joinKeys} and {@code at_month}), the latest version
   * of each member ({@code memberKeys}) of {@code versions} joined on {@code joinKeys} whose
   * {@code version_month} is at most {@code at_month}. The result has the columns of {@code at}
   * and of {@code versions} (join keys once).
   */
  public static Dataset<Row> latestAt(Dataset<Row> at, Dataset<Row> versions, List<String> joinKeys, List<String> memberKeys) {
    // Aliases: "at" is often derived from "versions" itself.
    Column condition = col("v.version_month").leq(col("a.at_month"));
    for (String key : joinKeys) {
      condition = condition.and(col("a." + key).equalTo(col("v." + key)));
    }
    List<Column> partition = new ArrayList<>();
    joinKeys.forEach(k -> partition.add(col(k)));
    partition.add(col("at_month"));
    memberKeys.forEach(k -> partition.add(col(k)));
    List<Column> columns = new ArrayList<>();
    for (String c : at.columns()) {
      columns.add(col("a." + c).as(c));
    }
    for (String c : versions.columns()) {
      if (!joinKeys.contains(c)) {
        columns.add(col("v." + c).as(c));
      }
    }
    return at.as("a").join(versions.as("v"), condition)
        .select(columns.toArray(Column[]::new))
        .withColumn("latest", row_number().over(Window.partitionBy(partition.toArray(Column[]::new)).orderBy(desc("version_month"))))
        .where(col("latest").equalTo(1))
        .drop("latest");
  }
}
