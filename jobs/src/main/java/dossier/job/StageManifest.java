package dossier.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dossier.contract.DatasetContract;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The task graph as the Java side defines it: main class, each scheduled pipeline both as one
 * submit ({@code one_submit}: {@code run --stages … --resume}, the month's stages in one JVM, a retry
 * resuming at the first stage not done) and as one task per stage ({@code per_stage}, with full
 * argument lists), the Delta settings every submit needs, and the delivery completeness rule. {@code bin/dossier stages} prints it; the Airflow DAGs read the committed copy
 * ({@code airflow-dags/include/stage_manifest.json}) and a test fails when the two drift.
 *
 * <p>Each task also lists the stage's own options ({@link Stage#options()}), which a schedule
 * step may add to its arguments.
 *
 * <p>Arguments hold placeholders the DAGs fill from Airflow Variables and the data interval:
 * {@code {landing}}, {@code {lake}}, {@code {conf}} and {@code {as_of}}.
 */
public final class StageManifest {
  /** Bumped when the JSON layout changes, so DAGs can refuse a manifest they do not understand. */
  static final int FORMAT = 2;
  private static final List<String> DELTA_SETTINGS =
      List.of("spark.sql.extensions", "spark.sql.catalog.spark_catalog");

  private StageManifest() {}

  /** The manifest as pretty-printed JSON with a trailing newline (stable, diff-friendly). */
  public static String json(String mainClass, List<Stage> stages, ScheduleSettings schedule,
      Map<String, String> sparkConf, Map<String, DatasetContract> datasets) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("main_class", mainClass);
    manifest.put("placeholders", placeholders());
    manifest.put("spark_conf", deltaSettings(sparkConf));
    manifest.put("delivery", delivery(schedule, datasets));
    Map<String, Object> pipelines = new LinkedHashMap<>();
    schedule.pipelines().forEach((name, steps) -> {
      Map<String, Object> pipeline = new LinkedHashMap<>();
      pipeline.put("one_submit", oneSubmit(steps, stages));
      pipeline.put("per_stage", tasks(steps, stages));
      pipelines.put(name, pipeline);
    });
    manifest.put("pipelines", pipelines);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stage manifest does not serialise: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> placeholders() {
    Map<String, String> placeholders = new LinkedHashMap<>();
    placeholders.put("{landing}", "landing folder or URI");
    placeholders.put("{lake}", "lake folder or URI");
    placeholders.put("{conf}", "configuration profile file");
    placeholders.put("{as_of}", "as-of month YYYY-MM, from the data interval");
    return placeholders;
  }

  private static Map<String, String> deltaSettings(Map<String, String> sparkConf) {
    Map<String, String> delta = new TreeMap<>();
    DELTA_SETTINGS.forEach(key -> delta.put(key, sparkConf.get(key)));
    return delta;
  }

  private static Map<String, Object> delivery(ScheduleSettings schedule, Map<String, DatasetContract> datasets) {
    List<Map<String, String>> required = new ArrayList<>();
    for (String dataset : schedule.requiredDatasets()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("dataset", dataset);
      entry.put("source", datasets.get(dataset).source());
      required.add(entry);
    }
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("folder", "{landing}/{as_of}");
    delivery.put("required", required);
    return delivery;
  }

  /** The pipeline's stages in one submit: {@code run} with their names and every step's own arguments. */
  private static Map<String, Object> oneSubmit(List<ScheduleSettings.Step> steps, List<Stage> stages) {
    List<String> names = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    for (ScheduleSettings.Step step : steps) {
      extra.addAll(declared(stage(step, stages), step.arguments()));
      names.add(step.stage());
    }
    List<String> arguments = new ArrayList<>(List.of("run", "--landing", "{landing}", "--lake", "{lake}",
        "--conf", "{conf}", "--as-of", "{as_of}", "--stages", String.join(",", names), "--resume"));
    arguments.addAll(extra);
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("task_id", "run");
    task.put("summary", "the stages " + String.join(", ", names) + " in one spark-submit; a retry resumes at the "
        + "first stage not done for this input");
    task.put("arguments", arguments);
    return task;
  }

  private static Stage stage(ScheduleSettings.Step step, List<Stage> stages) {
    return stages.stream().filter(s -> s.name().equals(step.stage())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no stage named '" + step.stage() + "'"));
  }

  private static List<Map<String, Object>> tasks(List<ScheduleSettings.Step> steps, List<Stage> stages) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (ScheduleSettings.Step step : steps) {
      Stage stage = stage(step, stages);
      List<String> arguments = new ArrayList<>(List.of(stage.name(), "--landing", "{landing}", "--lake", "{lake}",
          "--conf", "{conf}"));
      if (stage.takesAsOf()) {
        arguments.addAll(List.of("--as-of", "{as_of}"));
      }
      arguments.addAll(declared(stage, step.arguments()));
      Map<String, Object> task = new LinkedHashMap<>();
      task.put("task_id", stage.name());
      task.put("summary", stage.summary());
      task.put("arguments", arguments);
      task.put("options", options(stage));
      tasks.add(task);
    }
    return tasks;
  }

  /** The step's extra arguments, each option among those the stage declares. */
  private static List<String> declared(Stage stage, List<String> arguments) {
    List<String> names = stage.options().stream().map(o -> "--" + o.name()).toList();
    arguments.stream().filter(a -> a.startsWith("--") && !names.contains(a)).findFirst().ifPresent(a -> {
      throw new IllegalArgumentException("stage " + stage.name() + " has no option " + a + "; its options: " + names);
    });
    return arguments;
  }

  /** The stage's own options, for whoever adds arguments to a task (a flag has no value). */
  private static List<Map<String, String>> options(Stage stage) {
    List<Map<String, String>> options = new ArrayList<>();
    for (StageOption option : stage.options()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("option", "--" + option.name());
      entry.put("value", option.argName());
      entry.put("description", option.description());
      options.add(entry);
    }
    return options;
  }
}
