package dossier.conform;

import dossier.conform.settings.ConformSettings;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import java.util.Optional;

/** The shipped configuration (local profile, demo person_key), loaded once per test JVM. */
final class TestSettings {
  static final DossierSettings DOSSIER = Settings.load(Optional.empty());
  static final ConformSettings CONFORM = ConformSettings.from(DOSSIER);

  private TestSettings() {}

  static dossier.conform.identity.PersonKeys keys() {
    return new dossier.conform.identity.PersonKeys(CONFORM.identityKey());
  }

  static RawFixture raw(org.apache.spark.sql.SparkSession spark) {
    return new RawFixture(spark, DOSSIER.datasets());
  }
}
