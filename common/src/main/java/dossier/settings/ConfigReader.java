package dossier.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values below one path of a {@link Config}, turning every failure into a
 * {@link SettingsException} that names the full key and the bad value. Defaults are never given
 * here: they live once, in {@code reference.conf}.
 */
public final class ConfigReader {
  private final Config config;
  private final String prefix;

  private ConfigReader(Config config, String prefix) {
    this.config = config;
    this.prefix = prefix;
  }

  /** The settings below {@code path}; a missing path fails naming it. */
  public static ConfigReader at(Config root, String path) {
    if (!root.hasPath(path)) {
      throw new SettingsException(path + " is missing");
    }
    return new ConfigReader(root.getConfig(path), path);
  }

  /** Reads {@code config} as if it stood at {@code path} (for list elements, which have no path). */
  public static ConfigReader of(Config config, String path) {
    return new ConfigReader(config, path);
  }

  public ConfigReader child(String key) {
    if (!config.hasPath(key)) {
      throw new SettingsException(key(key) + " is missing");
    }
    return new ConfigReader(config.getConfig(key), key(key));
  }

  public Config raw() {
    return config;
  }

  public String key(String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }

  public boolean has(String key) {
    return config.hasPath(key);
  }

  public String string(String key) {
    return read(key, config::getString);
  }

  public String nonEmptyString(String key) {
    String value = string(key);
    if (value.isBlank()) {
      throw SettingsException.badValue(key(key), value, "must not be empty");
    }
    return value;
  }

  public String oneOf(String key, Set<String> allowed) {
    String value = string(key);
    if (!allowed.contains(value)) {
      throw SettingsException.badValue(key(key), value, "must be one of " + new java.util.TreeSet<>(allowed));
    }
    return value;
  }

  public boolean bool(String key) {
    return read(key, config::getBoolean);
  }

  public int positiveInt(String key) {
    int value = read(key, config::getInt);
    if (value <= 0) {
      throw SettingsException.badValue(key(key), value, "must be a positive whole number");
    }
    return value;
  }

  public int nonNegativeInt(String key) {
    int value = read(key, config::getInt);
    if (value < 0) {
      throw SettingsException.badValue(key(key), value, "must not be negative");
    }
    return value;
  }

  /** A size such as {@code 128 MiB} or {@code 1048576}, in bytes; must be positive. */
  public long positiveBytes(String key) {
    long value = read(key, config::getBytes);
    if (value <= 0) {
      throw SettingsException.badValue(key(key), value, "must be a positive size in bytes");
    }
    return value;
  }

  /** A duration such as {@code 7 days} or {@code 10 minutes}; must be positive. */
  public Duration positiveDuration(String key) {
    Duration value = read(key, config::getDuration);
    if (value.isNegative() || value.isZero()) {
      throw SettingsException.badValue(key(key), config.getValue(key).unwrapped(), "must be a positive duration, e.g. 7 days");
    }
    return value;
  }

  public double number(String key) {
    return read(key, config::getDouble);
  }

  /** A number in [0, 1], e.g. a proportion threshold. */
  public double fraction(String key) {
    double value = number(key);
    if (value < 0 || value > 1) {
      throw SettingsException.badValue(key(key), value, "must be between 0 and 1");
    }
    return value;
  }

  public List<String> strings(String key) {
    return read(key, config::getStringList);
  }

  private <T> T read(String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException.Missing e) {
      throw new SettingsException(key(key) + " is missing", e);
    } catch (ConfigException.WrongType e) {
      String shown = config.hasPath(key) ? config.getValue(key).unwrapped().toString() : "?";
      throw SettingsException.badValue(key(key), shown, "wrong type (" + e.getMessage() + ")");
    } catch (ConfigException.BadValue e) {
      throw SettingsException.badValue(key(key), config.getValue(key).unwrapped(), "bad value (" + e.getMessage() + ")");
    }
  }
}
