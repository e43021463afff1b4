package dossier.publish;

import dossier.publish.quality.QualitySettings;
import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;

/**
 * How publish writes the curated layer, parsed once from {@code dossier.publish} and
 * {@code dossier.quality} (reference.conf).
 *
 * @param minPersons small-cell suppression: fewer persons than this (but at least one) is suppressed
 * @param quality the data-quality expectations checked before anything is written
 */
public record PublishSettings(int minPersons, QualitySettings quality) {
  public static PublishSettings from(DossierSettings settings) {
    ConfigReader publish = ConfigReader.at(settings.config(), "dossier.publish");
    return new PublishSettings(publish.positiveInt("min-persons"),
        QualitySettings.from(ConfigReader.at(settings.config(), "dossier.quality"), settings.datasets().keySet()));
  }
}
