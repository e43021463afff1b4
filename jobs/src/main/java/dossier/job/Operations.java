package dossier.job;

import java.util.Locale;

/**
 * What a stage issued, the fixed costs of Spark and Delta that decide a small lake's time more
 * than its rows do: Spark jobs started (Delta's own log reads included), Delta commits, and data
 * files written (Delta's added files and curated Parquet files). Counts, not times: the same
 * stage on the same input issues the same operations, so a test may hold a stage to a budget.
 *
 * @param sparkJobs Spark jobs started
 * @param deltaCommits Delta commits made
 * @param filesWritten data files written (Parquet, reports)
 */
public record Operations(long sparkJobs, long deltaCommits, long filesWritten) {
  public static final Operations NONE = new Operations(0, 0, 0);

  public Operations plus(Operations other) {
    return new Operations(sparkJobs + other.sparkJobs, deltaCommits + other.deltaCommits,
        filesWritten + other.filesWritten);
  }

  /** One line for people: {@code 41 Spark jobs · 9 Delta commits · 23 files written}. */
  public String describe() {
    return String.format(Locale.ROOT, "%,d Spark jobs · %,d Delta commits · %,d files written", sparkJobs,
        deltaCommits, filesWritten);
  }

  /** Starts counting what the stage of {@code context} issues from now on (one meter per stage). */
  public static Meter start(JobContext context) {
    SparkJobCounter jobs = SparkJobCounter.of(context.spark());
    return new Meter(context, jobs, jobs.jobs());
  }

  /** Counts one stage's operations: Spark jobs since it started, commits and files of its table access. */
  public record Meter(JobContext context, SparkJobCounter jobs, long jobsAtStart) {
    public Operations operations() {
      return new Operations(jobs.jobs() - jobsAtStart, context.tables().commits(), context.tables().filesWritten());
    }
  }
}
