package dossier.analyse;

import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading the analysis rules of {@code dossier.rules}: rule keys as the evidence names them
 * (the path below {@code dossier.rules}), exact decimals, ordered names and weight maps.
 */
public final class RuleKeys {
  public static final String ROOT = "dossier.rules";

  private RuleKeys() {}

  /** The rule key of {@code key} below the reader, as reasons name it: {@code lines.inquiry.score-at-least}. */
  public static String rule(ConfigReader c, String key) {
    return c.key(key).substring(ROOT.length() + 1);
  }

  /** The rule key of the block a reader reads, e.g. {@code lines.inquiry}. */
  public static String block(ConfigReader c) {
    String child = rule(c, "_");
    return child.substring(0, child.length() - 2);
  }

  /** A number read exactly as written (0.30 stays 0.30), so that threshold comparisons are exact. */
  public static BigDecimal decimal(ConfigReader c, String key) {
    return new BigDecimal(c.raw().getValue(key).unwrapped().toString().trim()).stripTrailingZeros();
  }

  public static BigDecimal nonNegativeDecimal(ConfigReader c, String key) {
    BigDecimal value;
    try {
      value = decimal(c, key);
    } catch (NumberFormatException e) {
      throw SettingsException.badValue(c.key(key), c.raw().getValue(key).unwrapped(), "must be a number");
    } catch (com.typesafe.config.ConfigException.Missing e) {
      throw new SettingsException(c.key(key) + " is missing", e);
    }
    if (value.signum() < 0) {
      throw SettingsException.badValue(c.key(key), value, "must not be negative");
    }
    return value;
  }

  /** A fraction in [0, 1], exact. */
  public static BigDecimal share(ConfigReader c, String key) {
    BigDecimal value = nonNegativeDecimal(c, key);
    if (value.compareTo(BigDecimal.ONE) > 0) {
      throw SettingsException.badValue(c.key(key), value, "must be between 0 and 1");
    }
    return value;
  }

  /** A block of named numbers ({@code weights { score_de = 0.20 ... }}), sorted by name. */
  public static Map<String, BigDecimal> decimals(ConfigReader c, String key) {
    ConfigReader block = c.child(key);
    Map<String, BigDecimal> values = new TreeMap<>();
    for (String name : block.raw().root().keySet()) {
      values.put(name, nonNegativeDecimal(block, quoted(name)));
    }
    if (values.isEmpty()) {
      throw SettingsException.badValue(c.key(key), "{}", "must name at least one entry");
    }
    return values;
  }

  /** A block of named strings ({@code efficiency-raises { 扣分预警 = yellow }}), sorted by name. */
  public static Map<String, String> strings(ConfigReader c, String key) {
    ConfigReader block = c.child(key);
    Map<String, String> values = new TreeMap<>();
    for (String name : block.raw().root().keySet()) {
      values.put(name, block.nonEmptyString(quoted(name)));
    }
    return values;
  }

  /** Names listed in order ({@code order = [reminder, inquiry, admonishment]}), each a block beside it. */
  public static Map<String, ConfigReader> orderedBlocks(ConfigReader c, String orderKey) {
    List<String> names = c.strings(orderKey);
    if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
      throw SettingsException.badValue(c.key(orderKey), names, "must list distinct names, at least one");
    }
    Map<String, ConfigReader> blocks = new LinkedHashMap<>();
    for (String name : names) {
      if (!c.has(name)) {
        throw SettingsException.badValue(c.key(orderKey), names, "names '" + name + "' but " + c.key(name) + " is missing");
      }
      blocks.put(name, c.child(name));
    }
    return blocks;
  }

  private static String quoted(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : "\"" + name + "\"";
  }
}
