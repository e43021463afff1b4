package dossier.job;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs a session starts, for {@link Operations}. One listener per SparkContext,
 * registered by the first caller; a count is read after Spark's listener bus has delivered every
 * event posted so far, so it is exact, not a sample.
 */
public final class SparkJobCounter extends SparkListener {
  /** How long to wait for the listener bus to deliver the events already posted. */
  private static final long DRAIN_MILLIS = 60_000;
  private static final Map<SparkContext, SparkJobCounter> COUNTERS = new WeakHashMap<>();

  private final SparkContext context;
  private final LongAdder jobs = new LongAdder();

  private SparkJobCounter(SparkContext context) {
    this.context = context;
  }

  /** The session's counter, registered on first use (before the work it is to count). */
  public static synchronized SparkJobCounter of(SparkSession spark) {
    return COUNTERS.computeIfAbsent(spark.sparkContext(), context -> {
      SparkJobCounter counter = new SparkJobCounter(context);
      context.addSparkListener(counter);
      return counter;
    });
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    jobs.increment();
  }

  /** Jobs started since the counter was registered, every event posted so far delivered. */
  public long jobs() {
    try {
      context.listenerBus().waitUntilEmpty(DRAIN_MILLIS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in " + DRAIN_MILLIS + " ms", e);
    }
    return jobs.sum();
  }
}
