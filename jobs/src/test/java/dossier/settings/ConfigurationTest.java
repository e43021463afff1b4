package dossier.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dossier.contract.DatasetContract;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration shipped in config/ loads, and bad values fail at start naming key and value. */
class ConfigurationTest {
  @Test
  void shippedConfigurationLoadsEveryDatasetOfTheExtractSpec() {
    DossierSettings settings = Settings.load(Optional.empty());

    assertThat(settings.profile()).as("embedded profile").isEqualTo("local");
    assertThat(settings.datasets().keySet()).as("datasets of extracts.md").containsExactlyInAnyOrder(
        "zzb_unit", "zzb_roster", "zzb_kh", "zzb_bzkh", "zzb_grsx", "zzb_jsbg", "zzb_txhx", "zzb_cf",
        "zzb_qj", "zzb_crjbb", "ga_crj", "jw_cf", "ga_wf", "jcy_aj", "fy_aj", "sj_jzsj", "xf_jb",
        "xn_yj", "dj_kh", "zx_wt");
    assertThat(settings.datasets().get("zzb_roster").kind()).as("roster kind").isEqualTo(DatasetContract.Kind.SNAPSHOT);
    assertThat(settings.datasets().get("zzb_roster").column("id_number").orElseThrow().headers())
        .as("roster ID spellings").containsExactly("身份证号", "公民身份号码", "身份证号码");
    assertThat(settings.identity().isDemoKey()).as("local profile falls back to the demo key").isTrue();
  }

  @Test
  void aMissingContractFileStopsTheLoadNamingIt(@TempDir Path dir) throws Exception {
    Path shipped = Path.of("..", "config");
    Files.createDirectories(dir.resolve("datasets"));
    for (String file : List.of("rules.conf", "datasets.conf")) {
      Files.copy(shipped.resolve(file), dir.resolve(file));
    }
    try (Stream<Path> contracts = Files.list(shipped.resolve("datasets"))) {
      for (Path contract : contracts.filter(c -> !c.getFileName().toString().equals("zzb_qj.conf")).toList()) {
        Files.copy(contract, dir.resolve("datasets").resolve(contract.getFileName()));
      }
    }

    try (URLClassLoader districtFiles = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThatThrownBy(() -> Settings.layer(ConfigFactory.empty(), districtFiles))
          .as("configuration without datasets/zzb_qj.conf")
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("datasets/zzb_qj.conf");
    }
  }

  @Test
  void profileFileOverridesAndAddsWithoutJava(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("district.conf");
    Files.writeString(conf, """
        dossier.profile = local
        dossier.lake.root = "/data/lake"
        dossier.datasets.dj_dyfz {
          label = "党员发展", source = dj, kind = incremental, key = [unit_code]
          columns = [ { name = unit_code, label = "单位代码", headers = [单位代码, 单位编码], type = string, required = true } ]
        }
        """);

    DossierSettings settings = Settings.load(Optional.of(conf));

    assertThat(settings.lakeRoot()).as("profile override").isEqualTo("/data/lake");
    assertThat(settings.datasets()).as("dataset added by configuration").containsKey("dj_dyfz");
    assertThat(settings.datasets().get("dj_dyfz").column("unit_code").orElseThrow().headers())
        .as("its header spellings").containsExactly("单位代码", "单位编码");
  }

  @Test
  void largeLocalProfileIsTheLocalProfileWithSparksCodegenAndShuffleParallelismBackOn() {
    DossierSettings local = Settings.load(Optional.empty());
    DossierSettings large = Settings.load(Optional.of(Path.of("../config/large-local.conf")));

    assertThat(large.profile()).as("profile").isEqualTo("local");
    assertThat(large.spark().conf())
        .as("codegen settings")
        .containsEntry("spark.sql.codegen.wholeStage", "true")
        .containsEntry("spark.sql.codegen.factoryMode", "FALLBACK")
        .containsEntry(PARALLELISM_FIRST, "true")
        .as("every other Spark setting of the local profile")
        .containsAllEntriesOf(withoutLargeLakeSettings(local.spark().conf()));
    assertThat(local.spark().conf()).as("local profile")
        .containsEntry("spark.sql.codegen.wholeStage", "false")
        .containsEntry(PARALLELISM_FIRST, "false");
  }

  private static final String PARALLELISM_FIRST = "spark.sql.adaptive.coalescePartitions.parallelismFirst";

  private static Map<String, String> withoutLargeLakeSettings(Map<String, String> conf) {
    Map<String, String> rest = new HashMap<>(conf);
    rest.keySet().removeIf(key -> key.startsWith("spark.sql.codegen.") || key.equals(PARALLELISM_FIRST));
    return rest;
  }

  @Test
  void nonLocalProfileRefusesToStartWithoutARealKey() {
    assertThatThrownBy(() -> DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = cluster, dossier.identity.key = \"\", dossier.identity.key-file = \"\""))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("profile 'cluster' needs a real person_key secret");
  }

  @Test
  void nonLocalProfileRefusesTheDemoKey() {
    assertThatThrownBy(() -> DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = production, dossier.identity.key = \"DEMO-ONLY-not-a-secret-dossier-person-key\""))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("holds the demo key");
  }

  @Test
  void nonLocalProfileRefusesTheDemoKeyWithWhiteSpaceAround(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("person-key");
    Files.writeString(keyFile, " DEMO-ONLY-not-a-secret-dossier-person-key\n");
    for (String identity : List.of("key = \"DEMO-ONLY-not-a-secret-dossier-person-key \"",
        "key = \"\\tDEMO-ONLY-not-a-secret-dossier-person-key\"", "key-file = \"" + keyFile + "\"")) {
      assertThatThrownBy(() -> DossierSettings.from(Settings.layer(ConfigFactory.parseString(
          "dossier.profile = production, dossier.identity." + identity))))
          .as(identity)
          .isInstanceOf(SettingsException.class)
          .hasMessageContaining("holds the demo key");
    }
  }

  @Test
  void aKeyFromTheVariableIsTrimmedLikeOneFromTheKeyFile(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("person-key");
    Files.writeString(keyFile, "a-real-secret-of-the-district-0001\n");

    byte[] fromFile = DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = production, dossier.identity.key-file = \"" + keyFile + "\""))).identity().key();
    byte[] fromVariable = DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = production, dossier.identity.key-file = \"\", "
            + "dossier.identity.key = \"a-real-secret-of-the-district-0001 \""))).identity().key();

    assertThat(fromVariable).as("key from the variable, a trailing space aside").isEqualTo(fromFile);
  }

  @Test
  void badProfileNamesKeyAndValue() {
    assertThatThrownBy(() -> DossierSettings.from(Settings.layer(ConfigFactory.parseString("dossier.profile = staging"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.profile = 'staging'");
  }

  @Test
  void missingProfileFileIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> Settings.load(Optional.of(dir.resolve("nope.conf"))))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("nope.conf': no such file");
  }
}
