package dossier.land;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;

import com.typesafe.config.ConfigFactory;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new work stream (one of the "N") lands through configuration alone. */
@SparkTest
class LandJobOnboardingTest {
  @Test
  void aDatasetAddedInConfigurationLandsWithItsOwnHeaderSpellings(SparkSession spark, @TempDir Path landing,
      @TempDir Path lake) throws Exception {
    DossierSettings settings = DossierSettings.from(Settings.layer(ConfigFactory.parseString("""
        dossier.profile = local
        dossier.datasets.dj_dyfz {
          label = "党员发展", source = dj, kind = incremental, key = [unit_code, quarter]
          columns = [
            { name = unit_code, label = "单位代码", headers = [单位代码, 单位编码], type = string, required = true }
            { name = quarter, label = "季度", headers = [季度, 考核季度], type = string, required = true, pattern = "[0-9]{4}Q[1-4]" }
            { name = members, label = "发展人数", headers = [发展人数, 新发展党员数], type = int, min = 0 }
          ]
          checks = [ { name = "at most 50 new members a quarter", sql = "members <= 50" } ]
        }
        """))).withPaths(landing.toString(), lake.toString());
    Fixtures.csv(landing, "2024-06/dj/dj_dyfz_202406.csv", "单位编码,考核季度,新发展党员数", "U01,2024Q2,3",
        "U02,2024Q2,60", "U03,2024Q5,1");

    new LandJob(Fixtures.context(spark, settings, "run-1"), Optional.empty()).run();

    assertRows("dj_dyfz", spark.read().format("delta").load(lake.resolve("raw/dj_dyfz").toString())
        .select("unit_code", "quarter", "members"), row("U01", "2024Q2", 3));
    assertRows("quarantine", spark.read().format("delta").load(lake.resolve("raw/quarantine").toString())
            .select("row_number", "reasons"),
        row(3, java.util.List.of("at most 50 new members a quarter")),
        row(4, java.util.List.of("quarter: does not match the pattern [0-9]{4}Q[1-4]")));
  }
}
