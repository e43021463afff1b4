package dossier.job;

import dossier.lake.Lake;
import dossier.settings.ConfigReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Stage runs in progress: {@code <lake>/_runs/running/<run_id>.<stage>}, a small properties file
 * written when a stage starts, rewritten every {@code heartbeat} while it runs and deleted once
 * its end is in the run log. A process that is killed (or dies of an error no stage catches)
 * leaves its marker behind; once the marker's last heartbeat is older than
 * {@code interrupted-after}, the next run records that stage run as interrupted
 * ({@link RunLog#recordInterrupted}). Through the Hadoop FileSystem API, so it works on any lake.
 */
public final class RunMarkers {
  private static final String OPTION = "option.";

  private final Path folder;
  private final FileSystem fs;
  private final Settings settings;

  /**
   * How often a running stage proves it is alive, and after how long without a sign of life it
   * counts as interrupted ({@code dossier.runs}).
   */
  public record Settings(Duration heartbeat, Duration interruptedAfter) {
    public static Settings from(ConfigReader runs) {
      Duration heartbeat = runs.positiveDuration("heartbeat");
      Duration interruptedAfter = runs.positiveDuration("interrupted-after");
      if (interruptedAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
        throw dossier.settings.SettingsException.badValue(runs.key("interrupted-after"), interruptedAfter,
            "must be at least twice " + runs.key("heartbeat") + " (" + heartbeat + ")");
      }
      return new Settings(heartbeat, interruptedAfter);
    }
  }

  /**
   * A stage run that started, as its marker says.
   *
   * @param lastSign when the marker was last written (its start or its latest heartbeat)
   */
  public record Started(String runId, String stage, Optional<YearMonth> asOf, Map<String, String> options,
      Instant startedAt, Instant lastSign) {}

  public RunMarkers(Lake lake, Configuration hadoop, Settings settings) {
    this.folder = new Path(lake.runLog()).getParent().suffix("/running");
    this.settings = settings;
    try {
      this.fs = folder.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + folder + ": " + e.getMessage(), e);
    }
  }

  /** A running stage's heartbeat; closing it stops the heartbeat (the marker stays for {@link #remove}). */
  public interface Heartbeat extends AutoCloseable {
    @Override
    void close();
  }

  /** Writes the marker of a stage run that starts now and keeps it alive until the heartbeat is closed. */
  public Heartbeat start(String runId, String stage, Optional<YearMonth> asOf, Map<String, String> options,
      Instant startedAt) {
    Path marker = marker(runId, stage);
    Properties properties = new Properties();
    properties.setProperty("run_id", runId);
    properties.setProperty("stage", stage);
    asOf.ifPresent(m -> properties.setProperty("as_of_month", m.toString()));
    properties.setProperty("started_at", startedAt.toString());
    options.forEach((name, value) -> properties.setProperty(OPTION + name, value));
    write(marker, properties);
    PeriodicTask heartbeat = PeriodicTask.every(settings.heartbeat(), "dossier-run-heartbeat",
        () -> write(marker, properties));
    return heartbeat::close;
  }

  /** Deletes a stage run's marker: its end is recorded. */
  public void remove(String runId, String stage) {
    try {
      fs.delete(marker(runId, stage), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the marker of " + runId + " " + stage + ": " + e.getMessage(), e);
    }
  }

  /** The stage runs whose marker shows no sign of life for longer than interrupted-after, oldest first. */
  public List<Started> interrupted(Instant now) {
    List<Started> found = new ArrayList<>();
    try {
      if (!fs.exists(folder)) {
        return found;
      }
      for (FileStatus status : fs.listStatus(folder)) {
        Instant lastSign = Instant.ofEpochMilli(status.getModificationTime());
        if (status.isFile() && !status.getPath().getName().startsWith(".")
            && lastSign.plus(settings.interruptedAfter()).isBefore(now)) {
          found.add(read(status.getPath(), lastSign));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run markers in " + folder + ": " + e.getMessage(), e);
    }
    found.sort(java.util.Comparator.comparing(Started::startedAt).thenComparing(Started::runId));
    return found;
  }

  private Path marker(String runId, String stage) {
    return new Path(folder, runId + "." + stage);
  }

  private void write(Path marker, Properties properties) {
    try (OutputStream out = fs.create(marker, true)) {
      properties.store(out, "a stage run in progress (dossier.job.RunMarkers)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the run marker " + marker + ": " + e.getMessage(), e);
    }
  }

  private Started read(Path marker, Instant lastSign) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = fs.open(marker)) {
      properties.load(in);
    }
    Map<String, String> options = new TreeMap<>();
    properties.stringPropertyNames().stream().filter(n -> n.startsWith(OPTION))
        .forEach(n -> options.put(n.substring(OPTION.length()), properties.getProperty(n)));
    return new Started(properties.getProperty("run_id"), properties.getProperty("stage"),
        Optional.ofNullable(properties.getProperty("as_of_month")).map(YearMonth::parse), options,
        Instant.parse(properties.getProperty("started_at")), lastSign);
  }
}
