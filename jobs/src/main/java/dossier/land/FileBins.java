package dossier.land;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Tuple2;

/**
 * Spreads files over Spark partitions by size, so that a few large files do not share one task
 * while small ones queue behind them: largest first, each into the lightest partition.
 */
final class FileBins {
  /** What opening a file costs, counted as bytes, so that many tiny files spread too. */
  private static final long OPEN_COST_BYTES = 1 << 20;
  /** Partitions per core: enough for balance, few enough to keep task overhead small. */
  private static final int PARTITIONS_PER_CORE = 4;

  private FileBins() {}

  static <T> JavaRDD<T> spread(JavaSparkContext spark, List<T> files, ToLongFunction<T> size) {
    int bins = Math.max(1, Math.min(files.size(), spark.defaultParallelism() * PARTITIONS_PER_CORE));
    long[] load = new long[bins];
    List<Tuple2<Integer, T>> placed = new ArrayList<>(files.size());
    files.stream().sorted(Comparator.comparingLong(size).reversed()).forEach(file -> {
      int lightest = 0;
      for (int b = 1; b < bins; b++) {
        lightest = load[b] < load[lightest] ? b : lightest;
      }
      load[lightest] += size.applyAsLong(file) + OPEN_COST_BYTES;
      placed.add(new Tuple2<>(lightest, file));
    });
    // A bin number is its own hash code, so bin b is partition b.
    return spark.parallelizePairs(placed, bins).partitionBy(new HashPartitioner(bins)).values();
  }
}
