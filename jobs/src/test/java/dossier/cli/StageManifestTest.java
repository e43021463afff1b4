package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dossier.settings.Settings;
import dossier.settings.SettingsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Airflow DAGs read a committed copy of the stage manifest: it must be what the code emits. */
class StageManifestTest {
  private static final Path COMMITTED = Path.of("../airflow-dags/include/stage_manifest.json");

  @Test
  void committedManifestIsWhatTheCodeEmits() throws Exception {
    String emitted = StagesCommand.manifest(Settings.loadConfig(Optional.empty()));

    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("airflow-dags/include/stage_manifest.json is stale: regenerate it with "
            + "`bin/dossier stages --out airflow-dags/include/stage_manifest.json` and commit it")
        .isEqualTo(emitted);
  }

  @Test
  void theMonthlyPipelineStartsByLandingUpToItsAsOfMonth() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(StagesCommand.manifest(Settings.loadConfig(Optional.empty())));
    JsonNode first = manifest.path("pipelines").path("monthly").path("per_stage").path(0);

    assertThat(first.path("task_id").asText()).as("first monthly task").isEqualTo("land");
    assertThat(first.path("arguments").toString()).as("land's arguments")
        .isEqualTo("[\"land\",\"--landing\",\"{landing}\",\"--lake\",\"{lake}\",\"--conf\",\"{conf}\","
            + "\"--as-of\",\"{as_of}\"]");
  }

  @Test
  void aTaskListsTheOptionsItsStageDeclares() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(StagesCommand.manifest(Settings.loadConfig(Optional.empty())));
    JsonNode publish = java.util.stream.StreamSupport.stream(manifest.path("pipelines").path("monthly").path("per_stage").spliterator(), false)
        .filter(task -> task.path("task_id").asText().equals("publish")).findFirst().orElseThrow();

    assertThat(publish.path("options").findValuesAsText("option")).as("publish's options")
        .containsExactly("--as-reported", "--run");
  }

  @Test
  void theMonthlyPipelineIsOneSubmitThatResumes() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(StagesCommand.manifest(Settings.loadConfig(Optional.empty())));
    JsonNode submit = manifest.path("pipelines").path("monthly").path("one_submit");

    assertThat(submit.path("arguments").toString()).as("the monthly submit's arguments")
        .isEqualTo("[\"run\",\"--landing\",\"{landing}\",\"--lake\",\"{lake}\",\"--conf\",\"{conf}\","
            + "\"--as-of\",\"{as_of}\",\"--stages\",\"land,conform,analyse,publish,report\",\"--resume\","
            + "\"--kind\",\"month\"]");
  }

  @Test
  void aScheduleStepWithAnOptionItsStageLacksFails() {
    var config = Settings.layer(ConfigFactory.parseString(
        "dossier.schedule.yearly = [{ stage = analyse, arguments = [--as-reported] }]"));

    assertThatThrownBy(() -> StagesCommand.manifest(config))
        .hasMessage("stage analyse has no option --as-reported; its options: []");
  }

  @Test
  void anUnknownStageInTheScheduleFailsNamingTheKey() {
    var config = Settings.layer(ConfigFactory.parseString("dossier.schedule.quarterly = [{ stage = lists }]"));

    assertThatThrownBy(() -> StagesCommand.manifest(config))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.schedule.quarterly[0].stage = 'lists': not a stage");
  }

  @Test
  void anUnknownRequiredDatasetFailsNamingTheKey() {
    var config = Settings.layer(ConfigFactory.parseString("dossier.schedule.monthly-required-datasets = [zzb_hr]"));

    assertThatThrownBy(() -> StagesCommand.manifest(config))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.schedule.monthly-required-datasets = '[zzb_hr]': not configured datasets");
  }
}
