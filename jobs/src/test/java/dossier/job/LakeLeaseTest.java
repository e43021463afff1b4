package dossier.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dossier.lake.Lake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per lake: the lease is taken once, refused while held, given back, and taken over from the dead. */
class LakeLeaseTest {
  private static final RunMarkers.Settings RUNS = new RunMarkers.Settings(Duration.ofMinutes(1), Duration.ofMinutes(10));
  private static final Configuration HADOOP = new Configuration();

  @TempDir Path folder;

  private Lake lake() {
    return new Lake(folder.resolve("lake").toString());
  }

  @Test
  void aSecondRunIsRefusedWithTheHoldersNameUntilTheFirstGivesTheLeaseBack() {
    List<String> notes = new ArrayList<>();
    try (LakeLease first = LakeLease.take(lake(), HADOOP, RUNS, "run-1", "run", false, notes::add)) {
      assertThatThrownBy(() -> LakeLease.take(lake(), HADOOP, RUNS, "run-2", "land", false, notes::add))
          .isInstanceOf(LakeBusyException.class)
          .hasMessageContaining("is in use by run run-1 (run on ")
          .hasMessageContaining("nothing was written")
          .hasMessageContaining("--break-lease");
      assertThat(LakeLease.holder(lake(), HADOOP)).as("holder while run-1 runs").get()
          .extracting(LakeLease.Holder::runId).isEqualTo("run-1");
    }
    assertThat(LakeLease.holder(lake(), HADOOP)).as("holder once run-1 ended").isEmpty();
    try (LakeLease second = LakeLease.take(lake(), HADOOP, RUNS, "run-2", "land", false, notes::add)) {
      assertThat(LakeLease.holder(lake(), HADOOP)).get().extracting(LakeLease.Holder::runId).isEqualTo("run-2");
    }
    assertThat(notes).as("notes: nothing was taken over").isEmpty();
  }

  @Test
  void aLeaseSilentForLongerThanInterruptedAfterIsTakenOverWithANote() throws IOException {
    LakeLease dead = LakeLease.take(lake(), HADOOP, RUNS, "killed-run", "run", false, note -> { });
    Path lease = folder.resolve("lake/_runs/lease");
    Files.setLastModifiedTime(lease, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
    List<String> notes = new ArrayList<>();

    try (LakeLease taken = LakeLease.take(lake(), HADOOP, RUNS, "run-2", "run", false, notes::add)) {
      assertThat(LakeLease.holder(lake(), HADOOP)).get().extracting(LakeLease.Holder::runId).isEqualTo("run-2");
      dead.close();
      assertThat(LakeLease.holder(lake(), HADOOP)).as("the dead run's late close leaves the new holder's lease")
          .get().extracting(LakeLease.Holder::runId).isEqualTo("run-2");
    }
    assertThat(notes).singleElement().asString().contains("took over the lake's lease from run killed-run")
        .contains("its process is gone or silent for longer than PT10M");
  }

  @Test
  void aLeaseOfAProcessGoneFromThisHostIsTakenOverAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path lease = folder.resolve("lake/_runs/lease");
    Files.createDirectories(lease.getParent());
    Files.writeString(lease, "run_id=killed-run\nhost=" + java.net.InetAddress.getLocalHost().getHostName()
        + "\npid=" + gone.pid() + "\ncommand=run\nstarted_at=" + Instant.now() + "\n");
    List<String> notes = new ArrayList<>();

    try (LakeLease taken = LakeLease.take(lake(), HADOOP, RUNS, "run-2", "run", false, notes::add)) {
      assertThat(LakeLease.holder(lake(), HADOOP)).get().extracting(LakeLease.Holder::runId).isEqualTo("run-2");
    }
    assertThat(notes).singleElement().asString().contains("from run killed-run");
  }

  @Test
  void aLiveLeaseIsTakenOverOnlyWithBreakLease() {
    try (LakeLease alive = LakeLease.take(lake(), HADOOP, RUNS, "run-1", "run", false, note -> { })) {
      assertThatThrownBy(() -> LakeLease.take(lake(), HADOOP, RUNS, "run-2", "run", false, note -> { }))
          .isInstanceOf(LakeBusyException.class);
      List<String> notes = new ArrayList<>();
      try (LakeLease broken = LakeLease.take(lake(), HADOOP, RUNS, "run-2", "run", true, notes::add)) {
        assertThat(LakeLease.holder(lake(), HADOOP)).get().extracting(LakeLease.Holder::runId).isEqualTo("run-2");
      }
      assertThat(notes).singleElement().asString().endsWith("--break-lease");
    }
  }

  @Test
  void ofRunsStartedTogetherExactlyOneHoldsTheLake() throws Exception {
    int runs = 8;
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<LakeLease>> attempts = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      String runId = "run-" + i;
      Callable<LakeLease> take = () -> {
        start.await();
        try {
          return LakeLease.take(lake(), HADOOP, RUNS, runId, "run", false, note -> { });
        } catch (LakeBusyException e) {
          return null;
        }
      };
      attempts.add(pool.submit(take));
    }
    start.countDown();
    List<LakeLease> taken = new ArrayList<>();
    for (Future<LakeLease> attempt : attempts) {
      LakeLease lease = attempt.get();
      if (lease != null) {
        taken.add(lease);
      }
    }
    pool.shutdown();
    assertThat(taken).as("runs holding the lake").hasSize(1);
    taken.forEach(LakeLease::close);
    try (var left = Files.list(folder.resolve("lake/_runs"))) {
      assertThat(left.map(p -> p.getFileName().toString())).as("files left in _runs").noneMatch(n -> n.contains("lease"));
    }
  }
}
