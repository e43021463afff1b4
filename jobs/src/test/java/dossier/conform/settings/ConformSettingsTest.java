package dossier.conform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.settings.SettingsException;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped record blocks and points rules load; a bad expression or column fails naming its key. */
class ConformSettingsTest {
  private static ConformSettings load(String profile) {
    return ConformSettings.from(DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = local\n" + profile))));
  }

  private static String refused(String profile) {
    try {
      load(profile);
    } catch (SettingsException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the configuration to be refused: " + profile);
  }

  @Test
  void shippedConfigurationMapsEveryPersonLevelDataset() {
    ConformSettings settings = ConformSettings.from(Settings.load(Optional.empty()));

    assertThat(settings.records().keySet()).as("datasets with a record block").containsExactlyInAnyOrder(
        "jw_cf", "zzb_cf", "zzb_txhx", "xf_jb", "zzb_grsx", "zzb_jsbg", "sj_jzsj", "ga_wf", "jcy_aj",
        "fy_aj", "zzb_qj", "zzb_crjbb", "ga_crj", "xn_yj", "zx_wt", "zzb_kh");
    assertThat(settings.records().get("xn_yj").where()).as("unit warnings are not person records")
        .contains("target_type = '个人'");
    assertThat(settings.records().get("zzb_cf").duplicateOf().orElseThrow().dataset()).as("zzb_cf duplicates").isEqualTo("jw_cf");
    assertThat(settings.nameMatched()).extracting(RecordMapping::dataset).as("matched by name + unit").containsExactly("xf_jb");
    assertThat(settings.rules("sanction").get(0).codePoints()).as("party sanction points")
        .containsEntry("撤销党内职务", new BigDecimal("10.0"));
    assertThat(settings.derived().travelExitEarlyDays()).as("travel window").isEqualTo(3);
    assertThat(settings.duplicateWindowDays()).as("dedup window").isEqualTo(15);
    assertThat(settings.label("unfiled_travel")).as("derived label").isEqualTo("未经报备出境");
  }

  @Test
  void whenNamingAnUnknownColumnFailsNamingTheKey() {
    assertThat(refused("dossier.rules.points.court = [{ name = x, when = \"case_kind = '刑事'\", points = 1 }]"))
        .contains("dossier.rules.points.court[0].when", "case_kind", "unknown column");
  }

  @Test
  void whenThatDoesNotParseFailsNamingTheKey() {
    assertThat(refused("dossier.rules.points.court = [{ name = x, when = \"case_type = = '刑事'\", points = 1 }]"))
        .contains("dossier.rules.points.court[0].when", "not a Spark SQL expression");
  }

  @Test
  void fieldMustBeAColumnOfEveryDatasetOfTheCategory() {
    assertThat(refused("dossier.rules.points.sanction = [{ name = x, field = doc_number, points { a = 1 } }]"))
        .contains("dossier.rules.points.sanction[0].field = 'doc_number'", "not a column");
  }

  @Test
  void eventDateNamingAnUnknownColumnFailsNamingTheKey() {
    assertThat(refused("dossier.datasets.ga_wf.record.event-date = happened"))
        .contains("dossier.datasets.ga_wf.record.event-date = 'happened'", "unknown column");
  }

  @Test
  void recordCategoryMustBeConfigured() {
    assertThat(refused("dossier.datasets.ga_wf.record.category = crime"))
        .contains("dossier.datasets.ga_wf.record.category = 'crime'", "not one of dossier.rules.categories");
  }

  @Test
  void pointsOfACategoryNoRecordHasAreRefused() {
    assertThat(refused("dossier.rules.points.sanctoin = [{ name = x, points = 1 }]"))
        .contains("dossier.rules.points.sanctoin", "no dataset record block or derived record has this category");
  }

  @Test
  void severeCodesMustBeCodesOfTheField() {
    assertThat(refused("dossier.rules.points.police = [{ name = x, field = cause, points { 赌博 = 1 }, severe = [醉酒驾驶] }]"))
        .contains("dossier.rules.points.police[0].severe", "must be among its codes");
  }

  @Test
  void aNewWorkStreamIsConfigurationOnly() {
    ConformSettings settings = load("""
        dossier.rules.categories.party_conduct = "党员管理"
        dossier.rules.points.party_conduct = [ { name = "党员管理问题", field = severity, points { 一般 = 1, 严重 = 4 } } ]
        dossier.datasets.dj_dygl {
          label = "党员管理", source = dj, kind = incremental, key = [case_no]
          columns = [
            { name = id_number, label = "身份证号", headers = [身份证号], type = id, required = true }
            { name = case_no, label = "编号", headers = [编号], type = string, required = true }
            { name = severity, label = "程度", headers = [程度], type = code, codes = [一般, 严重] }
            { name = found, label = "日期", headers = [日期], type = date, required = true }
          ]
          record { category = party_conduct, sub-category = severity, event-date = found, identify { id = id_number } }
        }
        """);

    assertThat(settings.records().get("dj_dygl").category()).as("the new stream's category").isEqualTo("party_conduct");
    assertThat(settings.rules("party_conduct")).extracting(PointsRule::name).as("its points rules").containsExactly("党员管理问题");
  }
}
