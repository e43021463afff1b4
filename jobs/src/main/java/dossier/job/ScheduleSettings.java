package dossier.job;

import com.typesafe.config.Config;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which stages each scheduled pipeline (monthly, quarterly, yearly) runs, in order, with their
 * extra arguments; and when a monthly delivery counts as complete. From {@code dossier.schedule}.
 *
 * @param pipelines pipeline name to its ordered steps
 * @param requiredDatasets datasets whose files must be in a delivery folder before it is landed
 */
public record ScheduleSettings(Map<String, List<Step>> pipelines, List<String> requiredDatasets) {
  public ScheduleSettings {
    pipelines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pipelines));
    requiredDatasets = List.copyOf(requiredDatasets);
  }

  /** One task of a pipeline: a stage and the arguments it gets beyond the common ones. */
  public record Step(String stage, List<String> arguments) {
    public Step {
      arguments = List.copyOf(arguments);
    }
  }

  /** Builds and checks the settings: every stage and dataset named must exist. */
  public static ScheduleSettings from(Config config, Set<String> stageNames, Set<String> datasetNames) {
    ConfigReader c = ConfigReader.at(config, "dossier.schedule");
    Map<String, List<Step>> pipelines = new LinkedHashMap<>();
    for (String pipeline : List.of("monthly", "quarterly", "yearly")) {
      List<? extends Config> list = c.raw().getConfigList(pipeline);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        ConfigReader step = ConfigReader.of(list.get(i), c.key(pipeline) + "[" + i + "]");
        String stage = step.nonEmptyString("stage");
        if (!stageNames.contains(stage)) {
          throw SettingsException.badValue(step.key("stage"), stage, "not a stage; stages are " + stageNames);
        }
        steps.add(new Step(stage, step.has("arguments") ? step.strings("arguments") : List.of()));
      }
      pipelines.put(pipeline, steps);
    }
    List<String> required = c.strings("monthly-required-datasets");
    List<String> unknown = required.stream().filter(d -> !datasetNames.contains(d)).collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw SettingsException.badValue(c.key("monthly-required-datasets"), unknown, "not configured datasets");
    }
    return new ScheduleSettings(pipelines, required);
  }
}
