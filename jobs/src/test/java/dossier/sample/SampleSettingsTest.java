package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.settings.SettingsException;
import org.junit.jupiter.api.Test;

/** dossier.sample is read once, validated, and its codes checked against the contracts. */
class SampleSettingsTest {
  private static SampleSettings read(String override) {
    DossierSettings dossier = DossierSettings.from(Settings.layer(ConfigFactory.parseString(
        "dossier.profile = local\n" + override)));
    return SampleSettings.from(dossier.config(), dossier.datasets());
  }

  @Test
  void theDefaultsDescribeTheArticlesDistrict() {
    SampleSettings settings = read("");

    assertThat(settings.cadres()).as("cadres").isEqualTo(540);
    assertThat(settings.months()).as("months").isEqualTo(24);
    assertThat(settings.windows().sanctionDecisionWindowDays()).as("merge window from dossier.rules.dedup").isEqualTo(15);
  }

  @Test
  void aCodeTheContractDoesNotKnowNamesKeyAndValue() {
    assertThatThrownBy(() -> read("dossier.sample.matters.leave-types { 婚假 = 1.0 }"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.sample.matters.leave-types = '婚假': not a code of zzb_qj.leave_type");
  }

  @Test
  void anUnknownEncodingNamesKeyAndValue() {
    assertThatThrownBy(() -> read("dossier.sample.delivery.encodings { Big5 = 1.0 }"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.sample.delivery.encodings = 'Big5': must be one of");
  }

  @Test
  void aShareAboveOneNamesKeyAndValue() {
    assertThatThrownBy(() -> read("dossier.sample.values.invalid-rows = 1.5"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.sample.values.invalid-rows = '1.5': must be between 0 and 1");
  }
}
