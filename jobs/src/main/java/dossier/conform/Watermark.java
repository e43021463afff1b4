package dossier.conform;

import java.io.Serializable;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the last successful conform read and wrote (a row of {@code conformed/_conform_state}):
 * the next run conforms what changed since.
 *
 * @param rawVersions Delta version of each raw table read (absent: no table then)
 * @param latestMonth the latest data month then
 * @param fingerprint the settings fingerprint then
 * @param cadreHistoryVersion the cadre_history version written
 * @param unitHistoryVersion the unit_history version written
 */
record Watermark(Map<String, Long> rawVersions, String latestMonth, String fingerprint, long cadreHistoryVersion,
    long unitHistoryVersion) implements Serializable {
  private static final long serialVersionUID = 1L;

  Watermark {
    rawVersions = Map.copyOf(rawVersions);
  }

  OptionalLong rawVersion(String dataset) {
    Long version = rawVersions.get(dataset);
    return version == null ? OptionalLong.empty() : OptionalLong.of(version);
  }
}
