package dossier.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

/**
 * A progress line for long steps: while Spark jobs have been running for more than a few
 * seconds, shows their tasks done every two seconds. Reads Spark's status tracker only.
 */
final class SparkProgress implements AutoCloseable {
  private static final Duration QUIET_FOR = Duration.ofSeconds(5);
  private static final long POLL_MILLIS = 2000;

  private final SparkStatusTracker tracker;
  private final Console console;
  private final Thread thread;
  private volatile boolean shown;

  private SparkProgress(SparkSession spark, Console console) {
    this.tracker = spark.sparkContext().statusTracker();
    this.console = console;
    this.thread = new Thread(this::poll, "dossier-progress");
    thread.setDaemon(true);
  }

  static SparkProgress start(SparkSession spark, Console console) {
    SparkProgress progress = new SparkProgress(spark, console);
    progress.thread.start();
    return progress;
  }

  private void poll() {
    Instant busySince = null;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(POLL_MILLIS);
        int[] active = tracker.getActiveJobIds();
        if (active.length == 0) {
          busySince = null;
          continue;
        }
        busySince = busySince == null ? Instant.now() : busySince;
        Duration busy = Duration.between(busySince, Instant.now());
        if (busy.compareTo(QUIET_FOR) >= 0) {
          int[] tasks = Arrays.stream(active).mapToObj(this::tasks).reduce(new int[2], SparkProgress::add);
          console.progress(String.format("Spark: %d of %d tasks done, busy %s", tasks[0], tasks[1], Console.elapsed(busy)));
          shown = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {done, total} tasks of one job's stages. */
  private int[] tasks(int jobId) {
    int[] tasks = new int[2];
    SparkJobInfo job = tracker.getJobInfo(jobId).getOrElse(() -> null);
    if (job != null) {
      for (int stageId : job.stageIds()) {
        SparkStageInfo stage = tracker.getStageInfo(stageId).getOrElse(() -> null);
        if (stage != null) {
          tasks[0] += stage.numCompletedTasks();
          tasks[1] += stage.numTasks();
        }
      }
    }
    return tasks;
  }

  private static int[] add(int[] a, int[] b) {
    return new int[] {a[0] + b[0], a[1] + b[1]};
  }

  /** Clears the progress line so that a summary line can be printed. */
  void clear() {
    if (shown) {
      console.endProgress();
      shown = false;
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    clear();
  }
}
