package dossier.cli;

import dossier.bench.Bench;
import dossier.bench.BenchSettings;
import dossier.job.Stages;
import dossier.sample.SampleGenerator;
import dossier.sample.SampleSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code bin/dossier bench}: generates (or reuses) a sample at each scale, runs the whole
 * pipeline on it, the copy floor beside it and the incremental month at the largest scale, and
 * writes the figures into the report's measured section ({@code BENCHMARKS.md}).
 */
final class BenchCommand implements Command {
  private static final Option SCALES = CliOptions.valued("scales", "N,N,...",
      "cadres of each scale (default dossier.bench.scales)");
  private static final Option OUT = CliOptions.valued("out", "FILE",
      "the report whose measured section is rewritten (default dossier.bench.report, BENCHMARKS.md)");
  private static final Option WORK = CliOptions.valued("work", "DIR",
      "cached samples, lakes and per-scale results (default dossier.bench.work)");
  private static final Option RESUME = Option.builder().longOpt("resume")
      .desc("go on from each scale's journal: steps an earlier run measured are kept, the rest measured").get();
  private static final Option MONTHLY = Option.builder().longOpt("monthly")
      .desc("instead: the smallest scale's delivery months one by one on one lake, each timed, then a rebuild "
          + "(a month's cost as history grows, and the lake's size)").get();
  private static final Option MONTHS = CliOptions.valued("months", "M",
      "monthly delivery folders of every sample (default dossier.sample.months)");

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String synopsis() {
    return "[--scales N,N,...] [--out FILE] [--work DIR] [--months M] [--resume | --monthly] [--conf FILE]";
  }

  @Override
  public String summary() {
    return "benchmark: the pipeline per stage against a copy floor, at each scale, into BENCHMARKS.md";
  }

  @Override
  public Options options() {
    return new Options().addOption(SCALES).addOption(OUT).addOption(WORK).addOption(MONTHS).addOption(RESUME)
        .addOption(MONTHLY)
        .addOption(CliOptions.CONF);
  }

  @Override
  public ExitCode execute(CommandLine line, Console console) {
    DossierSettings dossier = Settings.load(Optional.ofNullable(line.getOptionValue(CliOptions.CONF.getLongOpt()))
        .map(Path::of));
    BenchSettings defaults = BenchSettings.from(dossier.config());
    BenchSettings settings = defaults.with(line.getOptionValue(WORK.getLongOpt(), defaults.work()),
        scales(line).orElse(defaults.scales()), line.getOptionValue(OUT.getLongOpt(), defaults.report()));
    SampleSettings sampleDefaults = SampleSettings.from(dossier.config(), dossier.datasets());
    SampleSettings sample = sampleDefaults.with(sampleDefaults.cadres(),
        CliOptions.positiveInt(line, MONTHS).orElse(sampleDefaults.months()), sampleDefaults.seed());
    for (int cadres : settings.scales()) {
      String problem = SampleGenerator.problem(sample.with(cadres, sample.months(), sample.seed()));
      if (problem != null) {
        throw new UsageException("--scales " + cadres + ": " + problem);
      }
    }
    DossierSettings session = dossier.withPaths(dossier.landing().root(), settings.work());
    Runs.withSpark(session, console, (spark, progress) -> {
      Bench bench = new Bench(spark, dossier, settings, sample, Stages.ordered(), text -> {
        progress.clear();
        console.line(text);
      });
      if (line.hasOption(MONTHLY.getLongOpt())) {
        bench.monthly();
      } else if (line.hasOption(RESUME.getLongOpt())) {
        bench.resume();
      } else {
        bench.run();
      }
      return null;
    });
    return ExitCode.OK;
  }

  private static Optional<List<Integer>> scales(CommandLine line) {
    String value = line.getOptionValue(SCALES.getLongOpt());
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(BenchSettings.scales(Arrays.asList(value.split(","))));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--scales '" + value + "': " + e.getMessage());
    }
  }
}
