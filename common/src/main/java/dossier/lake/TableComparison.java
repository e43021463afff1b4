package dossier.lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Checks that two lakes hold the same tables with the same rows (any order, duplicates counted),
 * ignoring columns that name the run rather than the data. Used to prove that a cluster run equals
 * a local run and that a month-by-month backfill equals one run per month.
 */
public final class TableComparison {
  /** The column telling the two lakes' rows apart while they are fingerprinted together. */
  private static final String SIDE = "__side";

  private TableComparison() {}

  /** What differs in one table; {@link #same()} when nothing does. */
  public record Difference(String table, String problem, long onlyLeft, long onlyRight) {
    public boolean same() {
      return problem.isEmpty() && onlyLeft == 0 && onlyRight == 0;
    }

    @Override
    public String toString() {
      return same() ? table + ": same"
          : table + ": " + (problem.isEmpty() ? onlyLeft + " rows only left, " + onlyRight + " rows only right" : problem);
    }
  }

  /**
   * Compares every table found below {@code <root>/<layer>/} (curated tables are Parquet folders
   * one level deeper, under their zone) in either lake.
   */
  public static List<Difference> compare(SparkSession spark, String leftRoot, String rightRoot, String layer,
      Set<String> ignoredColumns) {
    boolean curated = layer.equals("curated");
    Set<String> tables = new TreeSet<>(LakeListing.tables(spark, leftRoot, layer));
    tables.addAll(LakeListing.tables(spark, rightRoot, layer));
    List<Difference> differences = new ArrayList<>();
    for (String table : tables) {
      differences.add(compareTable(spark, leftRoot + "/" + layer + "/" + table, rightRoot + "/" + layer + "/" + table,
          layer + "/" + table, curated ? "parquet" : "delta", ignoredColumns));
    }
    return differences;
  }

  private static Difference compareTable(SparkSession spark, String left, String right, String name, String format,
      Set<String> ignored) {
    if (!LakeListing.exists(spark, left) || !LakeListing.exists(spark, right)) {
      return new Difference(name, "present in only one lake (" + (LakeListing.exists(spark, left) ? "left" : "right") + ")", 0, 0);
    }
    Dataset<Row> l = comparable(spark.read().format(format).load(left), ignored);
    Dataset<Row> r = comparable(spark.read().format(format).load(right), ignored);
    if (!Arrays.equals(l.columns(), r.columns())) {
      return new Difference(name, "columns differ: " + Arrays.toString(l.columns()) + " vs " + Arrays.toString(r.columns()), 0, 0);
    }
    if (fingerprints(l, r).stream().distinct().count() == 1) {
      return new Difference(name, "", 0, 0);
    }
    return new Difference(name, "", l.exceptAll(r).count(), r.exceptAll(l).count());
  }

  /**
   * Each side's row count and {@link RowHashes} sums, in one query: equal ones mean the same rows,
   * so the two set differences (several jobs each) run only for a table that differs.
   */
  private static List<String> fingerprints(Dataset<Row> left, Dataset<Row> right) {
    Column json = RowHashes.json(left.schema());
    Column[] hashes = RowHashes.aggregates(json);
    List<Row> sides = left.withColumn(SIDE, functions.lit(0)).unionByName(right.withColumn(SIDE, functions.lit(1)))
        .groupBy(SIDE).agg(functions.count(functions.lit(1)), hashes[0], hashes[1]).collectAsList();
    List<String> fingerprints = new ArrayList<>(List.of("no rows", "no rows"));
    sides.forEach(side -> fingerprints.set(side.getInt(0), side.getLong(1) + "|" + RowHashes.sums(side, 2)));
    return fingerprints;
  }

  /**
   * Drops ignored columns and orders the rest by name, so that column order does not matter. Map
   * columns become their entries sorted by key: set operations cannot compare maps.
   */
  public static Dataset<Row> comparable(Dataset<Row> table, Set<String> ignored) {
    Column[] columns = Arrays.stream(table.schema().fields()).filter(f -> !ignored.contains(f.name()))
        .sorted(java.util.Comparator.comparing(StructField::name))
        .map(RowHashes::canonical)
        .toArray(Column[]::new);
    return table.select(columns);
  }
}
