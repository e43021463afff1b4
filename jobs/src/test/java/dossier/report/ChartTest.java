package dossier.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartTest {
  @Test
  void niceCeilingRoundsUpToOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(LineChart.niceCeiling(7)).as("7").isEqualTo(10);
    assertThat(LineChart.niceCeiling(13)).as("13").isEqualTo(20);
    assertThat(LineChart.niceCeiling(230)).as("230").isEqualTo(250);
    assertThat(LineChart.niceCeiling(400)).as("400").isEqualTo(500);
    assertThat(LineChart.niceCeiling(1)).as("1").isEqualTo(1);
  }

  @Test
  void heatShadeRunsFromLightToDark() {
    assertThat(HeatChart.shade(0)).as("no records").isEqualTo("#eef4fb");
    assertThat(HeatChart.shade(1)).as("the most records").isEqualTo("#0b3d7a");
  }
}
