package dossier.conform.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DatasetContract;
import dossier.contract.DatasetContracts;
import dossier.conform.derived.DerivedKind;
import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import dossier.settings.SettingsException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the conform stage reads from configuration, parsed and validated once at start: the
 * record categories, each person-level dataset's {@code record} block, the points rules, the
 * derived-record windows, the duplicate window and the score window. Every Spark SQL expression
 * must parse and name only columns of the dataset it runs over; a bad one fails naming its key.
 *
 * @param categories record category code to label, in configuration order
 * @param records record mapping by dataset name, for every dataset with a {@code record} block
 * @param points points rules by category (a category without rules scores 0)
 * @param derived day windows of the derived records
 * @param duplicateWindowDays decision dates of one sanction from two sources are at most this far apart
 * @param scoreWindowMonths the dossier's score sums the points of this many months
 * @param fullRebuild recompute everything from the raw layer instead of what changed
 * @param fingerprint hash of every setting the conformed content depends on (rules, contracts,
 *     person_key secret): when it changes, the next conform rebuilds everything
 * @param identityKey the person_key secret
 */
public record ConformSettings(
    Map<String, String> categories,
    Map<String, RecordMapping> records,
    Map<String, List<PointsRule>> points,
    DerivedWindows derived,
    int duplicateWindowDays,
    int scoreWindowMonths,
    boolean fullRebuild,
    String fingerprint,
    byte[] identityKey) implements Serializable {
  private static final long serialVersionUID = 1L;
  /** The column every record has besides its dataset's, visible to the points rules. */
  public static final String SUB_CATEGORY = "sub_category";
  static final String RULES = "dossier.rules";

  public ConformSettings {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    records = Collections.unmodifiableMap(new TreeMap<>(records));
    points = Map.copyOf(points);
    identityKey = identityKey.clone();
  }

  @Override
  public byte[] identityKey() {
    return identityKey.clone();
  }

  public static ConformSettings from(DossierSettings settings) {
    Config config = settings.config();
    ConfigReader rules = ConfigReader.at(config, RULES);
    Map<String, String> categories = categories(rules.child("categories"));
    Map<String, RecordMapping> records = new TreeMap<>();
    for (DatasetContract contract : settings.datasets().values()) {
      String key = DatasetContracts.ROOT + "." + contract.name() + ".record";
      if (config.hasPath(key)) {
        records.put(contract.name(), mapping(ConfigReader.at(config, key), contract, categories));
      }
    }
    records.values().forEach(m -> m.duplicateOf().ifPresent(d -> checkDuplicateOf(m, d, records)));
    checkDerivedSources(settings.datasets(), records, categories);
    Map<String, List<PointsRule>> points = points(rules.child("points"), columnsByCategory(records));
    return new ConformSettings(categories, records, points,
        DerivedWindows.from(rules.child("derived")),
        rules.child("dedup").nonNegativeInt("sanction-decision-window-days"),
        rules.child("lines").positiveInt("window-months"),
        ConfigReader.at(config, "dossier.conform").bool("full-rebuild"),
        fingerprint(config, settings.identity().key()),
        settings.identity().key());
  }

  /** The label of a category code. */
  public String label(String category) {
    return categories.getOrDefault(category, category);
  }

  /** The rules of a category; none means every record of it scores 0. */
  public List<PointsRule> rules(String category) {
    return points.getOrDefault(category, List.of());
  }

  /** The datasets whose rows without an ID are matched by name + unit. */
  public List<RecordMapping> nameMatched() {
    return records.values().stream().filter(m -> m.identify().byNameAndUnit()).toList();
  }

  private static Map<String, String> categories(ConfigReader c) {
    Map<String, String> categories = new LinkedHashMap<>();
    for (String code : c.raw().root().keySet()) {
      if (!code.matches("[a-z][a-z0-9_]*")) {
        throw SettingsException.badValue(c.key(code), code, "category codes are snake_case");
      }
      categories.put(code, c.nonEmptyString(code));
    }
    for (DerivedKind kind : DerivedKind.values()) {
      if (!categories.containsKey(kind.category())) {
        throw new SettingsException(c.key(kind.category()) + " is missing: conform derives records of this category");
      }
    }
    return categories;
  }

  private static RecordMapping mapping(ConfigReader c, DatasetContract contract, Map<String, String> categories) {
    String category = c.nonEmptyString("category");
    if (!categories.containsKey(category)) {
      throw SettingsException.badValue(c.key("category"), category, "not one of dossier.rules.categories " + categories.keySet());
    }
    if (contract.kind() != DatasetContract.Kind.INCREMENTAL) {
      throw SettingsException.badValue(c.key("category"), category, "only incremental datasets hold records");
    }
    List<String> columns = columnNames(contract);
    String subCategory = expression(c, "sub-category", columns);
    String eventDate = expression(c, "event-date", columns);
    Optional<String> where = c.has("where") ? Optional.of(expression(c, "where", columns)) : Optional.empty();
    ConfigReader id = c.child("identify");
    Identify identify = new Identify(column(id, "id", contract, Optional.of(ColumnType.ID)),
        optionalColumn(id, "name", contract), optionalColumn(id, "unit-name", contract), optionalColumn(id, "post", contract));
    if (identify.unitName().isPresent() && identify.name().isEmpty()) {
      throw SettingsException.badValue(id.key("unit-name"), identify.unitName().get(), "matching by unit needs the name column too");
    }
    if (identify.post().isPresent() && identify.unitName().isEmpty()) {
      throw SettingsException.badValue(id.key("post"), identify.post().get(), "post only breaks ties of the name + unit match (unit-name)");
    }
    Optional<DuplicateOf> duplicateOf = Optional.empty();
    if (c.has("duplicate-of")) {
      ConfigReader d = c.child("duplicate-of");
      duplicateOf = Optional.of(new DuplicateOf(d.nonEmptyString("dataset"),
          optionalColumn(d, "doc-no", contract), d.strings("same")));
      for (String same : duplicateOf.get().same()) {
        if (!columns.contains(same)) {
          throw SettingsException.badValue(d.key("same"), same, "not a column of " + contract.name());
        }
      }
    }
    return new RecordMapping(contract, category, subCategory, eventDate, where, identify, duplicateOf);
  }

  private static void checkDuplicateOf(RecordMapping mapping, DuplicateOf duplicate, Map<String, RecordMapping> records) {
    String key = DatasetContracts.ROOT + "." + mapping.dataset() + ".record.duplicate-of";
    RecordMapping other = records.get(duplicate.dataset());
    if (other == null || other.dataset().equals(mapping.dataset())) {
      throw SettingsException.badValue(key + ".dataset", duplicate.dataset(), "not another dataset with a record block");
    }
    if (!other.category().equals(mapping.category()) || other.duplicateOf().isPresent()
        || mapping.identify().byNameAndUnit() || other.identify().byNameAndUnit()) {
      throw SettingsException.badValue(key + ".dataset", duplicate.dataset(),
          "must hold the same category, be matched by ID on both sides and not be a duplicate itself");
    }
    List<String> needed = new ArrayList<>(duplicate.same());
    duplicate.docNo().ifPresent(needed::add);
    for (String column : needed) {
      if (other.contract().column(column).isEmpty()) {
        throw SettingsException.badValue(key, column, "not a column of " + other.dataset());
      }
    }
  }

  private static void checkDerivedSources(Map<String, DatasetContract> datasets, Map<String, RecordMapping> records,
      Map<String, String> categories) {
    for (DerivedKind kind : DerivedKind.values()) {
      kind.reads().forEach((dataset, columns) -> {
        String key = DatasetContracts.ROOT + "." + dataset + ".record";
        if (!records.containsKey(dataset)) {
          throw new SettingsException(key + " is missing: the derived records '" + kind.category() + "' read its records");
        }
        for (String column : columns) {
          if (datasets.get(dataset).column(column).isEmpty()) {
            throw new SettingsException(DatasetContracts.ROOT + "." + dataset + ".columns has no '" + column
                + "': the derived records '" + kind.category() + "' read it");
          }
        }
      });
    }
  }

  /** The columns each category's rules may name: every feeding dataset's, plus sub_category. */
  private static Map<String, Set<String>> columnsByCategory(Map<String, RecordMapping> records) {
    Map<String, Set<String>> byDataset = new TreeMap<>();
    Map<String, List<Set<String>>> feeds = new TreeMap<>();
    records.values().forEach(m -> {
      Set<String> columns = new TreeSet<>(columnNames(m.contract()));
      columns.add(SUB_CATEGORY);
      byDataset.put(m.dataset(), columns);
      feeds.computeIfAbsent(m.category(), k -> new ArrayList<>()).add(columns);
    });
    for (DerivedKind kind : DerivedKind.values()) {
      feeds.computeIfAbsent(kind.category(), k -> new ArrayList<>()).add(byDataset.get(kind.source()));
    }
    Map<String, Set<String>> common = new TreeMap<>();
    feeds.forEach((category, sets) -> {
      Set<String> shared = new TreeSet<>(sets.get(0));
      sets.forEach(shared::retainAll);
      common.put(category, shared);
    });
    return common;
  }

  private static Map<String, List<PointsRule>> points(ConfigReader c, Map<String, Set<String>> columnsByCategory) {
    Map<String, List<PointsRule>> points = new TreeMap<>();
    for (String category : c.raw().root().keySet()) {
      Set<String> columns = columnsByCategory.get(category);
      if (columns == null) {
        throw SettingsException.badValue(c.key(category), category,
            "no dataset record block or derived record has this category " + columnsByCategory.keySet());
      }
      points.put(category, PointsRule.parseAll(c, category, columns));
    }
    return points;
  }

  private static String expression(ConfigReader c, String key, List<String> columns) {
    String sql = c.nonEmptyString(key);
    SqlReferences.check(c.key(key), sql, columns);
    return sql;
  }

  private static String column(ConfigReader c, String key, DatasetContract contract, Optional<ColumnType> type) {
    String name = c.nonEmptyString(key);
    Optional<ColumnSpec> column = contract.column(name);
    if (column.isEmpty() || type.filter(t -> t != column.get().type()).isPresent()) {
      throw SettingsException.badValue(c.key(key), name, "not a column of " + contract.name()
          + type.map(t -> " of type " + t.configName()).orElse(""));
    }
    return name;
  }

  private static Optional<String> optionalColumn(ConfigReader c, String key, DatasetContract contract) {
    return c.has(key) ? Optional.of(column(c, key, contract, Optional.empty())) : Optional.empty();
  }

  private static List<String> columnNames(DatasetContract contract) {
    return contract.columns().stream().map(ColumnSpec::name).toList();
  }

  private static String fingerprint(Config config, byte[] identityKey) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String path : List.of(RULES, DatasetContracts.ROOT, "dossier.conform")) {
        digest.update(config.getValue(path).render(ConfigRenderOptions.concise()).getBytes(StandardCharsets.UTF_8));
      }
      // The secret itself is never stored: only whether it changed, through a one-way hash.
      digest.update(MessageDigest.getInstance("SHA-256").digest(identityKey));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
