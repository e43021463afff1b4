package dossier.publish.quality;

import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.util.List;
import java.util.Set;

/**
 * The data-quality expectations of {@code dossier.quality} (reference.conf), checked by every
 * publish run before it writes curated output.
 *
 * @param fileConservation every current file: rows read = rows landed + rows quarantined + rows in a rejected file
 * @param quarantineRate per dataset: rows quarantined / rows read at most {@code quarantineAtMost}
 * @param quarantineAtMost the share allowed
 * @param quarantineMinRows the rows read a dataset needs for its quarantine rate to be judged
 * @param snapshotsDelivered each of {@code snapshotDatasets} has a file for the as-of month that landed
 * @param snapshotDatasets the snapshot datasets checked
 * @param filesHoldRows per dataset: every file for the as-of month holds a data row (not empty, not header only)
 * @param unresolvedRate per dataset: unresolved records / matters at most {@code unresolvedAtMost}
 * @param unresolvedAtMost the share allowed
 * @param noIdNumbersInCurated no curated row holds an ID number in any text
 */
public record QualitySettings(Severity fileConservation, Severity quarantineRate, double quarantineAtMost,
    int quarantineMinRows, Severity snapshotsDelivered, List<String> snapshotDatasets, Severity filesHoldRows,
    Severity unresolvedRate,
    double unresolvedAtMost, Severity noIdNumbersInCurated) {

  public QualitySettings {
    snapshotDatasets = List.copyOf(snapshotDatasets);
  }

  /** Reads {@code dossier.quality}; snapshot datasets must be configured datasets. */
  public static QualitySettings from(ConfigReader quality, Set<String> datasets) {
    ConfigReader snapshots = quality.child("snapshots-delivered");
    List<String> snapshotDatasets = snapshots.strings("datasets");
    snapshotDatasets.stream().filter(d -> !datasets.contains(d)).findFirst().ifPresent(d -> {
      throw SettingsException.badValue(snapshots.key("datasets"), d, "is not a configured dataset");
    });
    ConfigReader quarantine = quality.child("quarantine-rate");
    ConfigReader unresolved = quality.child("unresolved-rate");
    return new QualitySettings(
        Severity.from(quality.child("file-conservation"), "severity"),
        Severity.from(quarantine, "severity"), quarantine.fraction("at-most"), quarantine.positiveInt("min-rows"),
        Severity.from(snapshots, "severity"), snapshotDatasets,
        Severity.from(quality.child("files-hold-rows"), "severity"),
        Severity.from(unresolved, "severity"), unresolved.fraction("at-most"),
        Severity.from(quality.child("no-id-numbers-in-curated"), "severity"));
  }
}
