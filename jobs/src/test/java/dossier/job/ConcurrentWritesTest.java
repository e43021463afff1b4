package dossier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentWritesTest {
  @Test
  void runsWritesSideBySide() {
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<String> done = ConcurrentHashMap.newKeySet();
    Runnable write = () -> {
      bothStarted.countDown();
      try {
        // Each write waits for the other: they finish only if they run at the same time.
        assertThat(bothStarted.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      done.add(Thread.currentThread().getName());
    };

    ConcurrentWrites.run(List.of(write, write), 2);

    assertThat(done).hasSize(2).allMatch(name -> name.startsWith("dossier-write-"));
  }

  @Test
  void everyWriteRunsBeforeTheFirstFailureIsRethrown() {
    Set<String> done = ConcurrentHashMap.newKeySet();
    List<Runnable> writes = List.of(
        () -> {
          throw new IllegalStateException("raw/jw_cf: disk full");
        },
        () -> done.add("raw/xf_jb"),
        () -> {
          throw new IllegalArgumentException("raw/quarantine: bad schema");
        },
        () -> done.add("raw/zzb_roster"));

    assertThatThrownBy(() -> ConcurrentWrites.run(writes, 2))
        .isInstanceOf(IllegalStateException.class).hasMessage("raw/jw_cf: disk full")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("raw/quarantine: bad schema"));
    assertThat(done).containsExactlyInAnyOrder("raw/xf_jb", "raw/zzb_roster");
  }

  @Test
  void oneThreadWritesInOrderOnTheCallersThread() {
    List<String> order = new java.util.ArrayList<>();
    String caller = Thread.currentThread().getName();
    ConcurrentWrites.run(List.of(() -> order.add("a " + Thread.currentThread().getName()),
        () -> order.add("b " + Thread.currentThread().getName())), 1);
    assertThat(order).containsExactly("a " + caller, "b " + caller);
    assertThatThrownBy(() -> ConcurrentWrites.run(List.of(), 0)).hasMessageContaining("got 0");
  }
}
