package dossier.publish.quality;

import dossier.settings.ConfigReader;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How much a failed expectation matters. */
public enum Severity {
  /** A failure stops the run before it publishes anything new (exit code 4). */
  HARD,
  /** A failure is reported in data_quality only. */
  SOFT,
  /** The expectation is not checked. */
  OFF;

  /** The word used in configuration and in data_quality: hard, soft, off. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Severity from(ConfigReader c, String key) {
    Set<String> words = Arrays.stream(values()).map(Severity::word).collect(Collectors.toSet());
    return valueOf(c.oneOf(key, words).toUpperCase(Locale.ROOT));
  }
}
