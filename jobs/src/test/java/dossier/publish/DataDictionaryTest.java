package dossier.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.schema.DataDictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed data dictionary is what the code generates. */
class DataDictionaryTest {
  private static final Path COMMITTED = Path.of("..", "docs", "data-dictionary.md");

  @Test
  void theCommittedDictionaryMatchesTheTableSpecs() throws IOException {
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as("docs/data-dictionary.md is out of date: regenerate it with "
            + "bin/dossier dictionary --out docs/data-dictionary.md")
        .isEqualTo(DataDictionary.markdown(CuratedTables.ALL));
  }

  @Test
  void everyTableOfTheOutputsContractIsCuratedInItsZone() {
    // /work/shared/spec/outputs.md, "Tables (minimum)"
    List<String> contract = List.of("open/dim_unit", "open/agg_unit_period", "open/unit_warning", "open/team_grade",
        "open/award", "open/data_quality", "restricted/dim_cadre", "restricted/fact_record", "restricted/dossier",
        "restricted/cadre_trigger", "restricted/cadre_grade", "restricted/cadre_list", "restricted/unresolved_record",
        "restricted/quarantine");

    assertThat(CuratedTables.ALL.stream().map(t -> t.zone().folder() + "/" + t.name()).toList())
        .as("curated tables").containsAll(contract);
  }
}
