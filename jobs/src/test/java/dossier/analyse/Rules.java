package dossier.analyse;

import com.typesafe.config.ConfigFactory;
import dossier.settings.Settings;
import java.util.Optional;

/** The shipped analysis rules (config/rules.conf), optionally with a few keys overridden. */
public final class Rules {
  private Rules() {}

  public static AnalyseSettings shipped() {
    return AnalyseSettings.from(Settings.loadConfig(Optional.empty()));
  }

  /** The shipped rules with HOCON overrides, e.g. {@code "dossier.rules.awards.snail.units = 1"}. */
  public static AnalyseSettings with(String hocon) {
    return AnalyseSettings.from(ConfigFactory.parseString(hocon).withFallback(Settings.loadConfig(Optional.empty())).resolve());
  }
}
