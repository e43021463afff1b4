package dossier.bench;

import com.typesafe.config.Config;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.util.List;

/**
 * How the benchmark runs ({@code dossier.bench} in reference.conf).
 *
 * @param work folder of cached samples, lakes and per-scale results
 * @param scales cadres of each scale measured, smallest first
 * @param report the Markdown file whose measured section the bench rewrites
 * @param copyColumns cells kept per row by the copy floor (the widest delivered row)
 */
public record BenchSettings(String work, List<Integer> scales, String report, int copyColumns) {
  public BenchSettings {
    scales = List.copyOf(scales);
  }

  public static BenchSettings from(Config config) {
    ConfigReader c = ConfigReader.at(config, "dossier.bench");
    List<Integer> scales;
    try {
      scales = scales(c.strings("scales"));
    } catch (IllegalArgumentException e) {
      throw SettingsException.badValue(c.key("scales"), c.strings("scales"), e.getMessage());
    }
    return new BenchSettings(c.nonEmptyString("work"), scales, c.nonEmptyString("report"),
        c.positiveInt("copy-columns"));
  }

  /** The same settings with the command line's choices. */
  public BenchSettings with(String newWork, List<Integer> newScales, String newReport) {
    return new BenchSettings(newWork, newScales, newReport, copyColumns);
  }

  /** Scales as written (configuration or command line), smallest first; each a positive whole number of cadres. */
  public static List<Integer> scales(List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no scale given");
    }
    return values.stream().map(value -> {
      try {
        int scale = Integer.parseInt(value.trim());
        if (scale > 0) {
          return scale;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("'" + value + "' is not a positive whole number of cadres");
    }).sorted().distinct().toList();
  }
}
