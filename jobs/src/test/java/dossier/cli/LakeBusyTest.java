package dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.job.LakeLease;
import dossier.job.RunMarkers;
import dossier.lake.Lake;
import dossier.testing.SparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage started on a lake another run holds is refused at once, with the holder named and exit code 5. */
@SparkTest
class LakeBusyTest {
  @Test
  void aRunOnABusyLakeIsRefusedBeforeItWritesAndNamesTheHolder(SparkSession spark, @TempDir Path dir) throws Exception {
    Lake lake = new Lake(dir.resolve("lake").toString());
    Files.createDirectories(dir.resolve("landing/2024-01"));
    CliRunner cli = new CliRunner();
    RunMarkers.Settings runs = new RunMarkers.Settings(Duration.ofMinutes(1), Duration.ofMinutes(10));

    try (LakeLease other = LakeLease.take(lake, new Configuration(), runs, "monthly-2024-01", "run", false, n -> { })) {
      ExitCode code = cli.run("land", "--landing", dir.resolve("landing").toString(), "--lake", lake.root());

      assertThat(code).as("exit code").isEqualTo(ExitCode.LAKE_BUSY);
      assertThat(code.code()).isEqualTo(5);
      assertThat(cli.err()).as("what the refused run says")
          .contains("land: the lake " + lake.root() + " is in use by run monthly-2024-01 (run on ");
      assertThat(dir.resolve("lake/raw")).as("raw layer of the busy lake").doesNotExist();
      assertThat(dir.resolve("lake/_runs/run_log")).as("run log of the busy lake").doesNotExist();
    }
  }
}
