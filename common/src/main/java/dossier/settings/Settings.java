package dossier.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads Dossier's configuration, layered from strongest to weakest:
 *
 * <ol>
 *   <li>JVM system properties ({@code -Ddossier.lake.root=...});
 *   <li>the profile: a {@code --conf FILE} if given, else {@code application.conf} from the
 *       classpath (the local profile in {@code config/});
 *   <li>the district's rules ({@code rules.conf}) and dataset contracts ({@code datasets.conf}),
 *       both from {@code config/} on the classpath;
 *   <li>{@code reference.conf}: every engine default, commented.
 * </ol>
 *
 * Environment overrides are {@code ${?DOSSIER_...}} lines in those files.
 */
public final class Settings {
  private Settings() {}

  /** Loads and validates; a problem fails here with the key and value named. */
  public static DossierSettings load(Optional<Path> profileFile) {
    return DossierSettings.from(loadConfig(profileFile));
  }

  public static Config loadConfig(Optional<Path> profileFile) {
    Config profile = profileFile.map(Settings::parseProfileFile)
        .orElseGet(() -> ConfigFactory.parseResources("application.conf"));
    return layer(profile);
  }

  /** Layers an already parsed profile over the district files and the reference defaults. */
  public static Config layer(Config profile) {
    return layer(profile, Thread.currentThread().getContextClassLoader());
  }

  /**
   * As {@link #layer(Config)}, with the district files ({@code rules.conf}, {@code datasets.conf}
   * and the contracts it includes) from this class loader. A contract that datasets.conf includes
   * with {@code include required(...)} must be there: a missing one fails naming it. (The two
   * files themselves may be absent, as in the common module, which does not carry config/.)
   */
  static Config layer(Config profile, ClassLoader districtFiles) {
    ConfigParseOptions options = ConfigParseOptions.defaults().setClassLoader(districtFiles);
    try {
      Config district = ConfigFactory.parseResources("rules.conf", options)
          .withFallback(ConfigFactory.parseResources("datasets.conf", options));
      return ConfigFactory.defaultOverrides()
          .withFallback(profile)
          .withFallback(district)
          .withFallback(ConfigFactory.defaultReference())
          .resolve();
    } catch (ConfigException e) {
      throw new SettingsException("configuration does not resolve: " + e.getMessage(), e);
    }
  }

  private static Config parseProfileFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("--conf '" + file + "': no such file");
    }
    try {
      return ConfigFactory.parseFile(new File(file.toString()),
          ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new SettingsException("--conf '" + file + "' does not parse: " + e.getMessage(), e);
    }
  }
}
