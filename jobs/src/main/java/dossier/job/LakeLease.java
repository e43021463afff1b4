package dossier.job;

import dossier.lake.Lake;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One writer per lake: {@code <lake>/_runs/lease}, taken by a run before its first write and
 * given back when it ends. The lease names its run, host, command and start; its modification
 * time is the holder's last sign of life, renewed every heartbeat. A second run finds it and is
 * refused at once ({@link LakeBusyException}); a lease whose holder has shown no sign of life for
 * {@code interrupted-after}, or whose process is gone from this host (a killed run), or any lease
 * with {@code --break-lease}, is taken over.
 *
 * <p>Taking it is atomic where the file system allows: on a local disk the lease is written
 * beside its place and hard-linked into it (the link fails when a lease exists); elsewhere it is
 * renamed into place, which HDFS refuses when the target exists. An object store's rename is a
 * copy, so there two runs started within the same second may both proceed (docs/operations.md).
 */
public final class LakeLease implements AutoCloseable {
  private static final String FILE = "lease";

  private final FileSystem fs;
  private final Path lease;
  private final String runId;
  private final PeriodicTask heartbeat;

  /** Who holds a lake's lease, as its file says. */
  public record Holder(String runId, String host, long pid, String command, Instant startedAt, Instant lastSign) {
    /**
     * Whether the holder is known dead: silent for longer than {@code silence}, or a process of
     * this host that no longer exists (a run killed here is taken over at once, not after the wait).
     */
    boolean dead(Instant now, Duration silence) {
      boolean gone = host.equals(host()) && pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
      return gone || lastSign.plus(silence).isBefore(now);
    }

    /** One line for the refused run: who, where, since when, and when they were last alive. */
    public String describe(Instant now) {
      return String.format("run %s (%s on %s, started %s, last sign of life %ds ago)", runId, command, host, startedAt,
          Math.max(0, Duration.between(lastSign, now).toSeconds()));
    }
  }

  private LakeLease(FileSystem fs, Path lease, String runId, Duration every) {
    this.fs = fs;
    this.lease = lease;
    this.runId = runId;
    this.heartbeat = PeriodicTask.every(every, "dossier-lake-lease", this::renew);
  }

  /**
   * Takes the lake's lease for a run, or throws {@link LakeBusyException} naming its holder.
   *
   * @param settings the heartbeat and the silence after which a holder counts as dead ({@code dossier.runs})
   * @param breakLease take the lease over whoever holds it (an operator who knows the holder is dead)
   * @param notes told when a lease is taken over
   */
  public static LakeLease take(Lake lake, Configuration hadoop, RunMarkers.Settings settings, String runId,
      String command, boolean breakLease, Consumer<String> notes) {
    Path lease = path(lake);
    try {
      FileSystem fs = lease.getFileSystem(hadoop);
      Instant now = Instant.now();
      // Twice at most: a lease given back between our attempt and our reading it is free again.
      for (int attempt = 0; attempt < 2; attempt++) {
        if (create(fs, lease, runId, command, now)) {
          return new LakeLease(fs, lease, runId, settings.heartbeat());
        }
        Optional<Holder> holder = holder(fs, lease);
        if (holder.isEmpty()) {
          continue;
        }
        boolean dead = holder.get().dead(now, settings.interruptedAfter());
        if (!(dead || breakLease) || !takeOver(fs, lease, holder.get(), runId) || !create(fs, lease, runId, command, now)) {
          throw new LakeBusyException(lake.root(), holder.get().describe(now));
        }
        notes.accept(String.format("took over the lake's lease from %s: %s", holder.get().describe(now),
            dead ? "its process is gone or silent for longer than " + settings.interruptedAfter() : "--break-lease"));
        return new LakeLease(fs, lease, runId, settings.heartbeat());
      }
      throw new LakeBusyException(lake.root(), "another run (its lease came and went while this run tried to take it)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lease " + lease + ": " + e.getMessage(), e);
    }
  }

  /** The lease's holder, if a run holds the lake. */
  public static Optional<Holder> holder(Lake lake, Configuration hadoop) {
    Path lease = path(lake);
    try {
      return holder(lease.getFileSystem(hadoop), lease);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lease " + lease + ": " + e.getMessage(), e);
    }
  }

  /** Stops renewing and gives the lease back, unless another run has taken it over meanwhile. */
  @Override
  public void close() {
    heartbeat.close();
    try {
      Optional<Holder> holder = holder(fs, lease);
      if (holder.isPresent() && holder.get().runId().equals(runId)) {
        fs.delete(lease, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot give back the lease " + lease + ": " + e.getMessage(), e);
    }
  }

  private void renew() {
    try {
      fs.setTimes(lease, System.currentTimeMillis(), -1);
    } catch (IOException e) {
      // The next heartbeat tries again; a holder silent for interrupted-after may lose the lease.
    }
  }

  /** Writes the lease beside its place, then moves it in only if no lease is there; false when one is. */
  private static boolean create(FileSystem fs, Path lease, String runId, String command, Instant now) throws IOException {
    Path written = new Path(lease.getParent(), "." + FILE + "." + runId);
    Properties properties = new Properties();
    properties.setProperty("run_id", runId);
    properties.setProperty("host", host());
    properties.setProperty("pid", String.valueOf(ProcessHandle.current().pid()));
    properties.setProperty("command", command);
    properties.setProperty("started_at", now.toString());
    try (OutputStream out = fs.create(written, true)) {
      properties.store(out, "the run writing this lake (dossier.job.LakeLease)");
    }
    try {
      if (fs.getUri().getScheme().equals("file")) {
        try {
          Files.createLink(local(fs, lease), local(fs, written));
          return true;
        } catch (FileAlreadyExistsException e) {
          return false;
        }
      }
      return fs.rename(written, lease);
    } finally {
      fs.delete(written, false);
    }
  }

  /**
   * Moves a dead holder's lease aside (atomically: of two runs doing so, one finds nothing to
   * move). If what was moved is not that holder's lease (a third run took it meanwhile), it goes
   * back and the take-over fails.
   */
  private static boolean takeOver(FileSystem fs, Path lease, Holder dead, String runId) throws IOException {
    Path aside = new Path(lease.getParent(), "." + FILE + ".broken-by-" + runId);
    if (!fs.rename(lease, aside)) {
      return false;
    }
    Optional<Holder> moved = holder(fs, aside);
    if (moved.isEmpty() || !moved.get().runId().equals(dead.runId())) {
      fs.rename(aside, lease);
      return false;
    }
    fs.delete(aside, false);
    return true;
  }

  private static Optional<Holder> holder(FileSystem fs, Path lease) throws IOException {
    FileStatus status;
    Properties properties = new Properties();
    try {
      status = fs.getFileStatus(lease);
      try (InputStream in = fs.open(lease)) {
        properties.load(in);
      }
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    }
    if (properties.getProperty("run_id") == null) {
      return Optional.empty();
    }
    return Optional.of(new Holder(properties.getProperty("run_id"), properties.getProperty("host"),
        Long.parseLong(properties.getProperty("pid", "0")), properties.getProperty("command"), Instant.parse(properties.getProperty("started_at")),
        Instant.ofEpochMilli(status.getModificationTime())));
  }

  /** {@code <lake>/_runs/lease}, beside the run log. */
  private static Path path(Lake lake) {
    return new Path(new Path(lake.runLog()).getParent(), FILE);
  }

  private static java.nio.file.Path local(FileSystem fs, Path path) {
    return java.nio.file.Path.of(fs.makeQualified(path).toUri());
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "an unknown host";
    }
  }
}
