package dossier.contract;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses and validates every {@code dossier.datasets.<name>} block. Onboarding a dataset or a new
 * header spelling is a change here, in configuration, never in Java.
 */
public final class DatasetContracts {
  public static final String ROOT = "dossier.datasets";
  /** The plausible range of date columns that do not set their own. */
  public static final String DATE_DEFAULTS = "dossier.landing.dates";
  private static final Pattern DATASET_NAME = Pattern.compile("[a-z]+_[a-z0-9_]+");
  private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private DatasetContracts() {}

  /** All contracts, by dataset name, sorted. */
  public static Map<String, DatasetContract> from(Config root) {
    Map<String, DatasetContract> contracts = new TreeMap<>();
    if (!root.hasPath(ROOT)) {
      throw new SettingsException(ROOT + " is missing: no dataset contracts are configured");
    }
    DateRange dates = DateRange.defaults(ConfigReader.at(root, DATE_DEFAULTS));
    for (String name : root.getObject(ROOT).keySet()) {
      String key = ROOT + "." + name;
      if (root.getValue(key).valueType() != ConfigValueType.OBJECT) {
        throw SettingsException.badValue(key, root.getValue(key).unwrapped(), "must be a dataset contract block");
      }
      contracts.put(name, parse(name, ConfigReader.at(root, key), dates));
    }
    return contracts;
  }

  private static DatasetContract parse(String name, ConfigReader c, DateRange dates) {
    if (!DATASET_NAME.matcher(name).matches()) {
      throw SettingsException.badValue(c.key(""), name, "dataset names are <source>_<name> in lower case");
    }
    String source = c.nonEmptyString("source");
    if (!name.startsWith(source + "_")) {
      throw SettingsException.badValue(c.key("source"), source, "dataset '" + name + "' must begin with its source");
    }
    DatasetContract.Kind kind = DatasetContract.Kind.valueOf(
        c.oneOf("kind", Set.of("snapshot", "incremental")).toUpperCase());
    List<ColumnSpec> columns = columns(c, dates);
    Set<String> names = new HashSet<>();
    columns.forEach(col -> names.add(col.name()));
    List<String> key = c.strings("key");
    if (key.isEmpty()) {
      throw SettingsException.badValue(c.key("key"), key, "a dataset needs a business key");
    }
    for (String k : key) {
      if (!names.contains(k)) {
        throw SettingsException.badValue(c.key("key"), key, "'" + k + "' is not a column of " + name);
      }
    }
    return new DatasetContract(name, c.nonEmptyString("label"), source, kind, key, columns, checks(c));
  }

  private static List<RowCheck> checks(ConfigReader c) {
    if (!c.has("checks")) {
      return List.of();
    }
    List<? extends Config> list = c.raw().getConfigList("checks");
    List<RowCheck> checks = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      ConfigReader check = ConfigReader.of(list.get(i), c.key("checks") + "[" + i + "]");
      checks.add(new RowCheck(check.nonEmptyString("name"), check.nonEmptyString("sql")));
    }
    return checks;
  }

  private static List<ColumnSpec> columns(ConfigReader c, DateRange dates) {
    List<? extends Config> list = c.raw().getConfigList("columns");
    if (list.isEmpty()) {
      throw SettingsException.badValue(c.key("columns"), "[]", "a dataset needs columns");
    }
    List<ColumnSpec> columns = new ArrayList<>();
    Map<String, String> headerOwner = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      ColumnSpec column = column(ConfigReader.of(list.get(i), c.key("columns") + "[" + i + "]"), dates);
      for (String header : column.headers()) {
        String previous = headerOwner.putIfAbsent(header, column.name());
        if (previous != null) {
          throw SettingsException.badValue(c.key("columns") + "[" + i + "].headers", header,
              "already a header of column '" + previous + "'");
        }
      }
      if (columns.stream().anyMatch(other -> other.name().equals(column.name()))) {
        throw SettingsException.badValue(c.key("columns") + "[" + i + "].name", column.name(), "duplicate column");
      }
      columns.add(column);
    }
    return columns;
  }

  private static ColumnSpec column(ConfigReader c, DateRange dates) {
    String name = c.nonEmptyString("name");
    if (!COLUMN_NAME.matcher(name).matches() || Provenance.COLUMNS.contains(name)) {
      throw SettingsException.badValue(c.key("name"), name,
          "must be snake_case and not one of the provenance columns " + Provenance.COLUMNS);
    }
    ColumnType type;
    try {
      type = ColumnType.fromConfig(c.string("type"));
    } catch (IllegalArgumentException e) {
      throw SettingsException.badValue(c.key("type"), c.string("type"), e.getMessage());
    }
    List<String> headers = c.strings("headers");
    if (headers.isEmpty()) {
      throw SettingsException.badValue(c.key("headers"), headers, "a column needs at least one header spelling");
    }
    List<String> codes = c.has("codes") ? c.strings("codes") : List.of();
    if (type == ColumnType.CODE && codes.isEmpty()) {
      throw SettingsException.badValue(c.key("codes"), codes, "a code column needs its code list");
    }
    Optional<String> pattern = optionalString(c, "pattern");
    pattern.ifPresent(p -> {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw SettingsException.badValue(c.key("pattern"), p, "not a regular expression: " + e.getDescription());
      }
    });
    Optional<String> defaultValue = optionalString(c, "default");
    defaultValue.ifPresent(d -> {
      if (type == ColumnType.CODE && !codes.contains(d)) {
        throw SettingsException.badValue(c.key("default"), d, "not in the code list " + codes);
      }
    });
    for (String key : List.of(DateRange.EARLIEST_YEAR, DateRange.LATEST_AFTER_DELIVERY_DAYS)) {
      if (!type.isDate() && c.has(key)) {
        throw SettingsException.badValue(c.key(key), c.raw().getValue(key).unwrapped(),
            "only date columns (date, month, date-or-month) have a plausible range");
      }
    }
    return new ColumnSpec(name, c.nonEmptyString("label"), headers, type,
        c.has("required") && c.bool("required"), codes, defaultValue,
        optionalNumber(c, "min"), optionalNumber(c, "max"), pattern,
        c.has("set-aside-invalid") && c.bool("set-aside-invalid"),
        type.isDate() ? Optional.of(DateRange.of(c, dates)) : Optional.empty());
  }

  private static Optional<String> optionalString(ConfigReader c, String key) {
    return c.has(key) ? Optional.of(c.string(key)) : Optional.empty();
  }

  private static Optional<Double> optionalNumber(ConfigReader c, String key) {
    return c.has(key) ? Optional.of(c.number(key)) : Optional.empty();
  }
}
