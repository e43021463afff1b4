package dossier.conform.settings;

import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One points rule of {@code dossier.rules.points.<category>} (rules.md §1; the format is
 * documented at the top of config/rules.conf).
 *
 * @param name the rule's name, listed in a record's {@code rules_fired} when it applies
 * @param when Spark SQL condition over the record's columns; empty = always
 * @param field the column whose value is looked up in {@code codePoints}; empty = fixed points
 * @param points the fixed points of a rule without a field
 * @param codePoints points by value of {@code field}; a value not listed means the rule does not apply
 * @param adds the points add to the highest ordinary rule instead of competing with it
 * @param severeAlways the rule marks the record severe whenever it applies
 * @param severeCodes values of {@code field} that mark the record severe
 */
public record PointsRule(
    String name,
    Optional<String> when,
    Optional<String> field,
    BigDecimal points,
    Map<String, BigDecimal> codePoints,
    boolean adds,
    boolean severeAlways,
    Set<String> severeCodes) implements Serializable {
  private static final long serialVersionUID = 1L;

  public PointsRule {
    codePoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codePoints));
    severeCodes = Set.copyOf(severeCodes);
  }

  /** Parses one rule; {@code columns} are the columns its {@code when} and {@code field} may name. */
  static PointsRule parse(ConfigReader c, Collection<String> columns) {
    String name = c.nonEmptyString("name");
    Optional<String> when = c.has("when") ? Optional.of(c.nonEmptyString("when")) : Optional.empty();
    when.ifPresent(sql -> SqlReferences.check(c.key("when"), sql, columns));
    Optional<String> field = c.has("field") ? Optional.of(c.nonEmptyString("field")) : Optional.empty();
    field.filter(f -> !columns.contains(f)).ifPresent(f -> {
      throw SettingsException.badValue(c.key("field"), f, "not a column; the columns are " + new TreeSet<>(columns));
    });
    BigDecimal points = BigDecimal.ZERO;
    Map<String, BigDecimal> codePoints = new LinkedHashMap<>();
    if (field.isPresent()) {
      ConfigReader byCode = c.child("points");
      for (String code : byCode.raw().root().keySet()) {
        codePoints.put(code, nonNegative(byCode, "\"" + code + "\""));
      }
      if (codePoints.isEmpty()) {
        throw SettingsException.badValue(c.key("points"), "{}", "a rule with a field needs points by code");
      }
    } else {
      points = nonNegative(c, "points");
    }
    boolean severeAlways = false;
    Set<String> severeCodes = Set.of();
    if (c.has("severe")) {
      if (c.raw().getValue("severe").valueType() == com.typesafe.config.ConfigValueType.BOOLEAN) {
        severeAlways = c.bool("severe");
      } else {
        severeCodes = Set.copyOf(c.strings("severe"));
        if (field.isEmpty() || !codePoints.keySet().containsAll(severeCodes)) {
          throw SettingsException.badValue(c.key("severe"), severeCodes,
              "severe codes need a field and must be among its codes " + codePoints.keySet());
        }
      }
    }
    return new PointsRule(name, when, field, points, codePoints, c.has("adds") && c.bool("adds"),
        severeAlways, severeCodes);
  }

  private static BigDecimal nonNegative(ConfigReader c, String key) {
    BigDecimal value = BigDecimal.valueOf(c.number(key));
    if (value.signum() < 0) {
      throw SettingsException.badValue(c.key(key), value, "points must not be negative");
    }
    return value;
  }

  /** Parses the rules of one category. */
  static List<PointsRule> parseAll(ConfigReader c, String category, Collection<String> columns) {
    List<? extends com.typesafe.config.Config> list = c.raw().getConfigList(category);
    List<PointsRule> rules = new java.util.ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigReader rule = ConfigReader.of(list.get(i), c.key(category) + "[" + i + "]");
      PointsRule parsed = parse(rule, columns);
      if (!names.add(parsed.name())) {
        throw SettingsException.badValue(rule.key("name"), parsed.name(), "duplicate rule name in " + c.key(category));
      }
      rules.add(parsed);
    }
    return List.copyOf(rules);
  }
}
