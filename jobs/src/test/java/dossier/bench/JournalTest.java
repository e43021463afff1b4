package dossier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed measurement goes on only with the sample, stages, code and Spark settings it started with. */
class JournalTest {
  private static final String SAMPLE = "c540-m24-s1";
  private static final List<String> STAGES = List.of("land", "conform");
  private static final Map<String, String> INTERPRETED = Map.of("spark.sql.codegen.wholeStage", "false",
      "spark.sql.shuffle.partitions", "4");

  @TempDir Path lakes;
  private final List<String> console = new ArrayList<>();

  @Test
  void theSameSettingsKeepTheMeasuredStep() {
    Measurement land = measureLand(Journal.start(lakes, SAMPLE, STAGES, "code-1", INTERPRETED, false, console::add));

    Journal resumed = Journal.start(lakes, SAMPLE, STAGES, "code-1", Map.copyOf(INTERPRETED), true, console::add);

    assertThat(resumed.step("land", lakes.resolve("full"), () -> measurement(99)))
        .as("the step from the journal, not measured again").isEqualTo(land);
  }

  @Test
  void otherSparkSettingsStartTheMeasurementAnew() {
    measureLand(Journal.start(lakes, SAMPLE, STAGES, "code-1", INTERPRETED, false, console::add));
    Map<String, String> codegen = Map.of("spark.sql.codegen.wholeStage", "true", "spark.sql.shuffle.partitions", "4");

    Journal resumed = Journal.start(lakes, SAMPLE, STAGES, "code-1", codegen, true, console::add);

    assertThat(resumed.step("land", lakes.resolve("full"), () -> measurement(99)).millis())
        .as("the step measured again").isEqualTo(99);
    assertThat(console).as("what the console said").anySatisfy(line -> assertThat(line)
        .contains("spark.sql.codegen.wholeStage=false").contains("spark.sql.codegen.wholeStage=true")
        .contains("starting anew"));
  }

  private Measurement measureLand(Journal journal) {
    return journal.step("land", lakes.resolve("full"), () -> measurement(10));
  }

  private static Measurement measurement(long millis) {
    return new Measurement("land", millis, 1_000, 1_000, 0, 0, 1, 1, 1, 1, 100, 1_000, 1.0, null);
  }
}
