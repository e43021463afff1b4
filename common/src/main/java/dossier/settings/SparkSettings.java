package dossier.settings;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How Dossier builds its SparkSession.
 *
 * @param appName application name shown by the cluster manager
 * @param master master URL, empty to leave it to spark-submit (nothing assumes local mode)
 * @param conf every {@code spark.*} setting applied to the session
 */
public record SparkSettings(String appName, Optional<String> master, Map<String, String> conf) {
  public SparkSettings {
    conf = Map.copyOf(conf);
  }

  public static SparkSettings from(ConfigReader c) {
    String master = c.string("master");
    Map<String, String> conf = new TreeMap<>();
    c.raw().getConfig("conf").entrySet()
        .forEach(e -> conf.put(stripQuotes(e.getKey()), String.valueOf(e.getValue().unwrapped())));
    conf.keySet().stream().filter(k -> !k.startsWith("spark.")).findFirst().ifPresent(k -> {
      throw SettingsException.badValue(c.key("conf"), k, "only spark.* settings belong here");
    });
    return new SparkSettings(c.nonEmptyString("app-name"),
        master.isBlank() ? Optional.empty() : Optional.of(master), conf);
  }

  /** Quoted HOCON keys ("spark.sql.x") come back with their quotes in entrySet paths. */
  private static String stripQuotes(String key) {
    return key.replace("\"", "");
  }
}
