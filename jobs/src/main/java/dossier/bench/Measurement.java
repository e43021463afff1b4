package dossier.bench;

/**
 * What one measured step cost (a pipeline stage, the copy floor, the peer).
 *
 * @param step what ran, e.g. {@code land}
 * @param millis wall time
 * @param recordsRead records read by Spark scans (input metrics; files a job opens itself, as
 *     landing does, are not scans)
 * @param recordsWritten records written by Spark tasks (output metrics)
 * @param shuffleRead shuffle bytes read
 * @param shuffleWritten shuffle bytes written
 * @param tasks Spark tasks run
 * @param sparkJobs Spark jobs started (Delta's log reads included)
 * @param deltaCommits Delta commits that appeared below the step's output folder
 * @param filesWritten files that appeared below the step's output folder
 * @param bytesWritten their bytes
 * @param driverPeakBytes sum of the driver JVM's heap pool peaks during the step (local mode: the
 *     executors share that JVM)
 * @param loadAverage mean one-minute load average of the machine during the step (other work included)
 * @param failure why the step failed, null when it succeeded
 */
record Measurement(String step, long millis, long recordsRead, long recordsWritten, long shuffleRead,
    long shuffleWritten, long tasks, long sparkJobs, long deltaCommits, long filesWritten, long bytesWritten, long driverPeakBytes, double loadAverage,
    String failure) {

  boolean failed() {
    return failure != null;
  }

  /** The steps' sum as one step: times, counts and bytes add up; peak memory and load are the worst and the mean. */
  static Measurement total(String step, java.util.List<Measurement> parts) {
    long millis = 0, read = 0, written = 0, shuffleRead = 0, shuffleWritten = 0, tasks = 0, jobs = 0, commits = 0;
    long files = 0, bytes = 0, peak = 0;
    double weightedLoad = 0;
    String failure = null;
    for (Measurement m : parts) {
      millis += m.millis;
      read += m.recordsRead;
      written += m.recordsWritten;
      shuffleRead += m.shuffleRead;
      shuffleWritten += m.shuffleWritten;
      tasks += m.tasks;
      jobs += m.sparkJobs;
      commits += m.deltaCommits;
      files += m.filesWritten;
      bytes += m.bytesWritten;
      peak = Math.max(peak, m.driverPeakBytes);
      weightedLoad += m.loadAverage * m.millis;
      failure = failure != null ? failure : m.failed() ? m.step + ": " + m.failure : null;
    }
    return new Measurement(step, millis, read, written, shuffleRead, shuffleWritten, tasks, jobs, commits, files, bytes, peak,
        millis == 0 ? 0 : weightedLoad / millis, failure);
  }
}
