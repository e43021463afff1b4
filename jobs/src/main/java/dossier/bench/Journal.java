package dossier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The steps of one scale measured so far ({@code lakes/c<cadres>/journal.json}), each under a
 * label, with the peer's checks. A long run (540,000 cadres takes hours) can so be done in parts:
 * a resumed run takes every measured step from the journal and goes on with the first one
 * missing. Each step is timed whole, in one JVM; a step the machine stopped during starts again
 * from its folder's snapshot ({@link LakeSnapshot}), not from what it had half written.
 */
final class Journal {
  /**
   * The journal's content.
   *
   * @param sample the sample measured ({@code c<cadres>-m<months>-s<seed>})
   * @param stages the pipeline's stages, in order
   * @param code the fingerprint of the code measured ({@link CodeFingerprint})
   * @param spark the Spark settings of the session measured (a --conf profile is not in the code)
   * @param measuredAt when the first part of the measurement started (UTC, ISO-8601)
   * @param steps every step measured, by label, in the order measured
   * @param peerChecks the DuckDB peer's figures against Dossier's, once compared
   */
  record State(String sample, List<String> stages, String code, Map<String, String> spark, String measuredAt,
      Map<String, Measurement> steps, List<PeerCheck> peerChecks) {}

  private final Path file;
  private final Consumer<String> console;
  private final String sample;
  private final List<String> stages;
  private final String code;
  private final Map<String, String> spark;
  private final String measuredAt;
  private final Map<String, Measurement> steps;
  private List<PeerCheck> peerChecks;

  private Journal(Path file, State state, Consumer<String> console) {
    this.file = file;
    this.console = console;
    this.sample = state.sample();
    this.stages = List.copyOf(state.stages());
    this.code = state.code();
    this.spark = new TreeMap<>(state.spark());
    this.measuredAt = state.measuredAt();
    this.steps = new LinkedHashMap<>(state.steps());
    this.peerChecks = List.copyOf(state.peerChecks());
  }

  /**
   * The journal of the scale whose lakes are in {@code lakes}. With {@code resume}, a journal of the
   * same sample, stages, code and Spark settings goes on; otherwise (or when there is none) the folder
   * is emptied and the measurement starts anew.
   */
  static Journal start(Path lakes, String sample, List<String> stages, String code, Map<String, String> spark,
      boolean resume, Consumer<String> console) {
    Path file = lakes.resolve("journal.json");
    try {
      if (resume && Files.exists(file)) {
        State earlier = Bench.JSON.readValue(file.toFile(), State.class);
        if (earlier.sample().equals(sample) && earlier.stages().equals(stages) && code.equals(earlier.code())
            && spark.equals(earlier.spark())) {
          console.accept(String.format("  resuming the measurement started at %s: %d steps measured",
              earlier.measuredAt(), earlier.steps().size()));
          return new Journal(file, earlier, console);
        }
        console.accept("  the journal in " + lakes + " measured " + earlier.sample() + " with stages " + earlier.stages()
            + " on code " + earlier.code() + " with Spark settings " + earlier.spark() + " (now code " + code
            + " with " + new TreeMap<>(spark) + "): starting anew");
      }
      BenchSample.delete(lakes);
      Files.createDirectories(lakes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the journal in " + lakes + ": " + e.getMessage(), e);
    }
    return new Journal(file, new State(sample, stages, code, spark, Instant.now().toString(), Map.of(), List.of()),
        console);
  }

  String measuredAt() {
    return measuredAt;
  }

  /**
   * The step's measurement: from the journal when measured already, else measured now by
   * {@code measure} (which writes below {@code folder}) and recorded.
   */
  Measurement step(String label, Path folder, Supplier<Measurement> measure) {
    Measurement earlier = steps.get(label);
    if (earlier != null) {
      console.accept(String.format("  %-24s %8.1f s  (measured in an earlier part)", label, earlier.millis() / 1000.0));
      return earlier;
    }
    if (LakeSnapshot.restore(folder)) {
      console.accept("  " + label + ": the last part stopped during this step; " + folder + " is put back as it was");
    }
    LakeSnapshot.take(folder);
    Measurement measured = measure.get();
    steps.put(label, measured);
    save();
    LakeSnapshot.drop(folder);
    return measured;
  }

  /** Records the peer's checks; the step comparing them saves them with its measurement. */
  void peerChecks(List<PeerCheck> checks) {
    peerChecks = List.copyOf(checks);
  }

  List<PeerCheck> peerChecks() {
    return peerChecks;
  }

  /** Writes beside the journal, then moves over it: a stop while saving leaves the older journal whole. */
  private void save() {
    Path written = file.resolveSibling(file.getFileName() + ".new");
    try {
      Bench.JSON.writerWithDefaultPrettyPrinter().writeValue(written.toFile(),
          new State(sample, stages, code, spark, measuredAt, steps, peerChecks));
      Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file + ": " + e.getMessage(), e);
    }
  }
}
