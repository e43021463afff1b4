package dossier.maintain;

import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How {@code bin/dossier maintain} cleans up, parsed once from {@code dossier.maintain}
 * (reference.conf), and where Spark keeps its scratch folders on this machine.
 *
 * @param uncommittedFilesOlderThan a Delta table's unreferenced Parquet file is deleted once older than this
 * @param scratchOlderThan a scratch folder or file is deleted once nothing in it changed for this long
 * @param scratchRoots Spark's local folders: spark.local.dir, else SPARK_LOCAL_DIRS, else java.io.tmpdir
 */
public record MaintainSettings(Duration uncommittedFilesOlderThan, Duration scratchOlderThan,
    List<String> scratchRoots) {
  public MaintainSettings {
    scratchRoots = List.copyOf(scratchRoots);
  }

  public static MaintainSettings from(DossierSettings settings) {
    ConfigReader maintain = ConfigReader.at(settings.config(), "dossier.maintain");
    String roots = Optional.ofNullable(settings.spark().conf().get("spark.local.dir"))
        .or(() -> Optional.ofNullable(System.getenv("SPARK_LOCAL_DIRS")))
        .orElse(System.getProperty("java.io.tmpdir"));
    return new MaintainSettings(maintain.positiveDuration("uncommitted-files-older-than"),
        maintain.positiveDuration("scratch-older-than"),
        Arrays.stream(roots.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList());
  }
}
