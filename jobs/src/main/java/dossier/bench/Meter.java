package dossier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Measures steps run in one SparkSession: wall time, the Spark task metrics of the step
 * ({@link TaskTotals}), the files it wrote, the driver's peak heap and the machine's load.
 * Closing it unregisters the listener.
 */
final class Meter implements AutoCloseable {
  /** How often the load average is sampled during a step. */
  private static final long LOAD_SAMPLE_SECONDS = 2;

  /** How long to wait for Spark's listener bus to deliver the last task ends. */
  private static final long LISTENER_WAIT_MILLIS = 60_000;

  private final SparkSession spark;
  private final TaskTotals totals = new TaskTotals();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "bench-load-sampler");
    thread.setDaemon(true);
    return thread;
  });

  Meter(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(totals);
  }

  /**
   * Runs {@code work} and measures it; {@code output} is the folder whose new files count as
   * written. A failure is caught and recorded in the measurement, for the report to show.
   */
  Measurement measure(String step, Path output, Runnable work) {
    settle();
    FolderSize before = FolderSize.of(output);
    DoubleAdder loadSum = new DoubleAdder();
    LongAdder loadSamples = new LongAdder();
    ScheduledFuture<?> sampling = sampler.scheduleAtFixedRate(() -> {
      loadSum.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      loadSamples.increment();
    }, 0, LOAD_SAMPLE_SECONDS, TimeUnit.SECONDS);
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long started = System.nanoTime();
    String failure = null;
    try {
      work.run();
    } catch (Exception e) { // Spark's AnalysisException is a checked exception Scala throws undeclared
      failure = e.toString();
    } finally {
      sampling.cancel(false);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    long peak = heapPeak();
    TaskTotals.Totals t = settle();
    FolderSize after = FolderSize.of(output);
    double load = loadSamples.sum() == 0 ? 0 : loadSum.sum() / loadSamples.sum();
    return new Measurement(step, millis, t.recordsRead(), t.recordsWritten(), t.shuffleRead(), t.shuffleWritten(),
        t.tasks(), t.jobs(), after.commits() - before.commits(), after.files() - before.files(), after.bytes() - before.bytes(), peak, load,
        failure);
  }

  /** Waits until the listener has seen every finished task, then takes its totals. */
  private TaskTotals.Totals settle() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(LISTENER_WAIT_MILLIS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in " + LISTENER_WAIT_MILLIS + " ms", e);
    }
    return totals.take();
  }

  private static long heapPeak() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    spark.sparkContext().removeSparkListener(totals);
  }

  /** Files and bytes below a folder (none when it does not exist), and the Delta commits among them. */
  record FolderSize(long files, long bytes, long commits) {
    static FolderSize of(Path folder) {
      if (!Files.isDirectory(folder)) {
        return new FolderSize(0, 0, 0);
      }
      try (Stream<Path> walk = Files.walk(folder)) {
        long[] sum = new long[3];
        walk.filter(Files::isRegularFile).forEach(file -> {
          sum[0]++;
          sum[1] += file.toFile().length();
          sum[2] += isCommit(file) ? 1 : 0;
        });
        return new FolderSize(sum[0], sum[1], sum[2]);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
      }
    }

    /** A Delta commit: {@code _delta_log/00000000000000000012.json}. */
    private static boolean isCommit(Path file) {
      return file.getParent().getFileName().toString().equals("_delta_log")
          && file.getFileName().toString().matches("\\d{20}\\.json");
    }
  }
}
