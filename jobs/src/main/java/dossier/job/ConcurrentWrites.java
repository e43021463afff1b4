package dossier.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent table writes side by side. Each write is its own Delta transaction on its own
 * table, and most of a small write's time is driver work (reading the log, planning, committing,
 * checksums) during which the executors wait: a few writes at once overlap that work. Every write
 * runs to its end; then the first failure is rethrown with the others attached. The tables written
 * are consistent either way, as after a crash, and the stage's re-run completes the rest.
 */
public final class ConcurrentWrites {
  private ConcurrentWrites() {}

  /** Runs {@code writes} with at most {@code threads} at a time (1: one after the other, in order). */
  public static void run(List<Runnable> writes, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (threads == 1 || writes.size() <= 1) {
      writes.forEach(Runnable::run);
      return;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, writes.size()), task -> {
      Thread thread = new Thread(task, "dossier-write-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      writes.forEach(w -> futures.add(pool.submit(w)));
      awaitAll(futures);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    RuntimeException failure = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for table writes", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
