package dossier.bench;

import static org.apache.spark.sql.functions.col;

import dossier.land.DeliveredSheets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The copy floor: Spark reads every delivered file and writes its rows as Parquet, with no logic
 * (no header search, no cell rules, no validation, no dedup). UTF-8 CSV files go through Spark's
 * own CSV reader; workbooks and GB18030 CSVs through the landing job's streaming readers
 * ({@link DeliveredSheets}): Spark has no workbook reader, and Spark 4's CSV reader refuses
 * GB18030 unless legacy Java charsets are switched on for the whole session. Grain of the output: one row per physical row
 * of every delivered file (header rows included), cells as text by position, with the file's path.
 */
final class CopyFloor {
  static final String SOURCE_PATH = "source_path";

  private CopyFloor() {}

  /** Copies every file of the sample into Parquet at {@code out}; {@code columns} cells are kept per row. */
  static void copy(SparkSession spark, BenchSample sample, int columns, Path out) {
    StructType cells = cells(columns);
    List<Dataset<Row>> parts = new ArrayList<>();
    List<String> utf8 = absolutePaths(sample, CopyFloor::isUtf8Csv);
    if (!utf8.isEmpty()) {
      parts.add(readCsv(spark, cells, utf8));
    }
    List<String> others = absolutePaths(sample, file -> !isUtf8Csv(file));
    if (!others.isEmpty()) {
      parts.add(readWithLandingReaders(spark, cells, others));
    }
    parts.stream().reduce(Dataset::unionByName).orElseThrow()
        .write().mode("overwrite").parquet(out.toString());
  }

  private static StructType cells(int columns) {
    StructType cells = new StructType();
    for (int i = 0; i < columns; i++) {
      cells = cells.add("c" + i, DataTypes.StringType);
    }
    return cells;
  }

  /** A CSV Spark reads as UTF-8 (a BOM file too). */
  private static boolean isUtf8Csv(BenchSample.DeliveredFile file) {
    return file.format().equals("csv") && file.encoding().startsWith("UTF-8");
  }

  private static Dataset<Row> readCsv(SparkSession spark, StructType cells, List<String> paths) {
    Dataset<Row> rows = spark.read().schema(cells).option("mode", "PERMISSIVE")
        .csv(paths.toArray(String[]::new));
    return rows.withColumn(SOURCE_PATH, col("_metadata.file_path"));
  }

  private static Dataset<Row> readWithLandingReaders(SparkSession spark, StructType cells, List<String> paths) {
    int columns = cells.size();
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(paths, Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism())))
        .mapPartitions(files -> sheetRows(files, columns));
    return spark.createDataFrame(rows, cells.add(SOURCE_PATH, DataTypes.StringType));
  }

  /** The rows of each file in turn, streamed, padded or cut to {@code columns} cells. */
  private static Iterator<Row> sheetRows(Iterator<String> files, int columns) {
    return new Iterator<>() {
      private DeliveredSheets.Sheet sheet;
      private String path;

      @Override
      public boolean hasNext() {
        try {
          while (sheet == null || !sheet.hasNext()) {
            if (sheet != null) {
              sheet.close();
              sheet = null;
            }
            if (!files.hasNext()) {
              return false;
            }
            path = files.next();
            sheet = DeliveredSheets.open(new File(path));
          }
          return true;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        List<String> cells = sheet.next();
        Object[] values = new Object[columns + 1];
        for (int i = 0; i < columns && i < cells.size(); i++) {
          values[i] = cells.get(i);
        }
        values[columns] = "file:" + path;
        return RowFactory.create(values);
      }
    };
  }

  private static List<String> absolutePaths(BenchSample sample,
      java.util.function.Predicate<BenchSample.DeliveredFile> which) {
    return sample.files().stream().filter(which)
        .map(f -> sample.landing().resolve(f.sourcePath()).toAbsolutePath().toString()).toList();
  }
}
