package dossier.bench;

import static org.apache.spark.sql.functions.col;

import dossier.land.DeliveredSheets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * (no header search, no cell rules, no validation, no dedup). CSV files go through Spark's own CSV
 * reader, one read per encoding; workbooks through the landing job's sheet reader
 * ({@link DeliveredSheets}), since Spark has none. Grain of the output: one row per physical row
 * of every delivered file (header rows included), cells as text by position, with the file's path.
 */
final class CopyFloor {
  static final String SOURCE_PATH = "source_path";

  private CopyFloor() {}

  /** Copies every file of the sample into Parquet at {@code out}; {@code columns} cells are kept per row. */
  static void copy(SparkSession spark, BenchSample sample, int columns, Path out) {
    StructType cells = cells(columns);
    List<Dataset<Row>> parts = new ArrayList<>();
    csvByEncoding(sample).forEach((encoding, paths) -> parts.add(readCsv(spark, cells, encoding, paths)));
    List<String> workbooks = absolutePaths(sample, "xlsx");
    if (!workbooks.isEmpty()) {
      parts.add(readWorkbooks(spark, cells, workbooks));
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

  /** CSV paths by the charset Spark reads them in (a BOM file is UTF-8 to Spark). */
  private static Map<String, List<String>> csvByEncoding(BenchSample sample) {
    Map<String, List<String>> byEncoding = new TreeMap<>();
    sample.files().stream().filter(f -> f.format().equals("csv")).forEach(f -> byEncoding
        .computeIfAbsent(f.encoding().startsWith("UTF-8") ? "UTF-8" : f.encoding(), e -> new ArrayList<>())
        .add(sample.landing().resolve(f.sourcePath()).toAbsolutePath().toString()));
    return byEncoding;
  }

  private static Dataset<Row> readCsv(SparkSession spark, StructType cells, String encoding, List<String> paths) {
    Dataset<Row> rows = spark.read().schema(cells).option("encoding", encoding).option("mode", "PERMISSIVE")
        .csv(paths.toArray(String[]::new));
    return rows.withColumn(SOURCE_PATH, col("_metadata.file_path"));
  }

  private static Dataset<Row> readWorkbooks(SparkSession spark, StructType cells, List<String> paths) {
    int columns = cells.size();
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(paths, Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism())))
        .mapPartitions(files -> sheetRows(files, columns));
    return spark.createDataFrame(rows, cells.add(SOURCE_PATH, DataTypes.StringType));
  }

  /** The rows of each workbook in turn, streamed, padded or cut to {@code columns} cells. */
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

  private static List<String> absolutePaths(BenchSample sample, String format) {
    return sample.files().stream().filter(f -> f.format().equals(format))
        .map(f -> sample.landing().resolve(f.sourcePath()).toAbsolutePath().toString()).toList();
  }
}
