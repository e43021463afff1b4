package dossier.bench;

import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Sums the metrics of every finished Spark task until {@link #take()} reads and resets them. The
 * bench registers it around its measurements only; the pipeline never does.
 */
final class TaskTotals extends SparkListener {
  private final LongAdder recordsRead = new LongAdder();
  private final LongAdder recordsWritten = new LongAdder();
  private final LongAdder shuffleRead = new LongAdder();
  private final LongAdder shuffleWritten = new LongAdder();
  private final LongAdder tasks = new LongAdder();
  private final LongAdder jobs = new LongAdder();

  /** What the tasks since the last take did, and how many jobs started. */
  record Totals(long recordsRead, long recordsWritten, long shuffleRead, long shuffleWritten, long tasks, long jobs) {}

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    jobs.increment();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskMetrics metrics = end.taskMetrics();
    if (metrics == null) {
      return;
    }
    recordsRead.add(metrics.inputMetrics().recordsRead());
    recordsWritten.add(metrics.outputMetrics().recordsWritten());
    shuffleRead.add(metrics.shuffleReadMetrics().totalBytesRead());
    shuffleWritten.add(metrics.shuffleWriteMetrics().bytesWritten());
    tasks.increment();
  }

  Totals take() {
    return new Totals(recordsRead.sumThenReset(), recordsWritten.sumThenReset(), shuffleRead.sumThenReset(),
        shuffleWritten.sumThenReset(), tasks.sumThenReset(), jobs.sumThenReset());
  }
}
