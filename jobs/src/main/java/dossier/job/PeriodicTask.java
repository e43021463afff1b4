package dossier.job;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task repeated on a daemon thread until closed: the heartbeats of run markers and the lake's lease. */
final class PeriodicTask implements AutoCloseable {
  private final ScheduledExecutorService executor;

  private PeriodicTask(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Runs {@code task} every {@code every}, first after one period, on a daemon thread named {@code thread}. */
  static PeriodicTask every(Duration every, String thread, Runnable task) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread daemon = new Thread(r, thread);
      daemon.setDaemon(true);
      return daemon;
    });
    executor.scheduleAtFixedRate(task, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return new PeriodicTask(executor);
  }

  /** Stops the task and waits for a run in progress to end. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
