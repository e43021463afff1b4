package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.contract.DatasetContract;
import dossier.settings.Settings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  private static final Map<String, DatasetContract> CONTRACTS = Settings.load(Optional.empty()).datasets();

  private static FileNames.Identity identify(String sourcePath) {
    return FileNames.identify(new DeliveredFile("file:/l/" + sourcePath, sourcePath, sourcePath.substring(0, 7), 1),
        CONTRACTS);
  }

  @Test
  void readsDatasetAndMonthFromTheName() {
    assertThat(identify("2024-07/zzb/zzb_roster_202406_2.xlsx")).as("identity")
        .isEqualTo(new FileNames.Identity("zzb_roster", "2024-06", "xlsx", null));
  }

  @Test
  void unknownDatasetIsRejected() {
    assertThat(identify("2024-07/zzb/zzb_xyz_202406.csv").rejection()).as("rejection")
        .isEqualTo("unknown dataset 'zzb_xyz': no contract dossier.datasets.zzb_xyz is configured");
  }

  @Test
  void wrongSourceFolderIsRejected() {
    assertThat(identify("2024-07/zzb/jw_cf_202406.csv").rejection()).as("rejection")
        .isEqualTo("delivered in source folder 'zzb' but jw_cf comes from source 'jw'");
  }

  @Test
  void aNameWithoutMonthIsRejected() {
    assertThat(identify("2024-07/jw/处分名单.xlsx").rejection()).as("rejection")
        .isEqualTo("file name '处分名单.xlsx' is not <dataset>_<YYYYMM>[_<n>].csv or .xlsx");
  }

  @Test
  void aNameForALaterMonthThanItsFolderIsRejected() {
    assertThat(identify("2026-11/ga/ga_crj_202612.csv").rejection()).as("rejection")
        .isEqualTo("file name month 2026-12 is after its delivery folder 2026-11: deliver it in the 2026-12 folder");
    assertThat(identify("2026-11/ga/ga_crj_202610_2.csv").rejection()).as("an earlier month").isNull();
    assertThat(identify("2026-11/ga/ga_crj_202611.csv").rejection()).as("the folder's month").isNull();
  }

  @Test
  void anImpossibleMonthIsRejected() {
    assertThat(identify("2024-07/jw/jw_cf_202413.csv").rejection()).as("rejection")
        .isEqualTo("file name month '202413' is not a month");
  }
}
