package dossier.job;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the command line gave a stage: the as-of month, if any, and the values of its
 * {@link StageOption}s (a flag given has the value {@code ""}).
 *
 * @param asOf the as-of month ({@code --as-of}); empty lets the stage use the latest month the data holds
 * @param options option name to value, for the options given
 */
public record StageArguments(Optional<YearMonth> asOf, Map<String, String> options) {
  public StageArguments {
    options = Map.copyOf(options);
  }

  /** Just an as-of month (or none), no other option. */
  public static StageArguments asOf(Optional<YearMonth> asOf) {
    return new StageArguments(asOf, Map.of());
  }

  public boolean flag(StageOption option) {
    return options.containsKey(option.name());
  }

  public Optional<String> value(StageOption option) {
    return Optional.ofNullable(options.get(option.name()));
  }

  /** The options given, sorted by name (for the run log). */
  public Map<String, String> sortedOptions() {
    return new TreeMap<>(options);
  }
}
