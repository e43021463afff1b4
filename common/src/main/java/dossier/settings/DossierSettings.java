package dossier.settings;

import com.typesafe.config.Config;
import dossier.contract.DatasetContract;
import dossier.contract.DatasetContracts;
import java.util.Map;
import java.util.Set;

/**
 * All of Dossier's settings, built and validated once at start from {@code dossier.*}.
 *
 * @param profile deployment profile; only {@code local} may use the demo person_key
 * @param spark SparkSession settings
 * @param lakeRoot root folder or URI of the lake (raw/, conformed/, analysed/, curated/ below)
 * @param concurrentWrites how many independent tables a stage writes at once
 * @param landing how delivered files are read
 * @param identity the person_key secret
 * @param datasets dataset contracts by name
 * @param config the whole resolved configuration, for components that build their own settings
 */
public record DossierSettings(
    String profile,
    SparkSettings spark,
    String lakeRoot,
    int concurrentWrites,
    LandingSettings landing,
    IdentitySettings identity,
    Map<String, DatasetContract> datasets,
    Config config) {

  public DossierSettings {
    datasets = Map.copyOf(datasets);
  }

  public static DossierSettings from(Config config) {
    ConfigReader root = ConfigReader.at(config, "dossier");
    String profile = root.oneOf("profile", Set.of("local", "cluster", "production"));
    return new DossierSettings(
        profile,
        SparkSettings.from(root.child("spark")),
        root.nonEmptyString("lake.root"),
        root.positiveInt("lake.concurrent-writes"),
        LandingSettings.from(root.child("landing")),
        IdentitySettings.from(root.child("identity"), profile),
        DatasetContracts.from(config),
        config);
  }

  /** The same settings pointing at other folders (the CLI's --landing / --lake options). */
  public DossierSettings withPaths(String landingRoot, String newLakeRoot) {
    return new DossierSettings(profile, spark, newLakeRoot, concurrentWrites, landing.withRoot(landingRoot), identity,
        datasets, config);
  }
}
