package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.cli.CliRunner;
import dossier.cli.ExitCode;
import dossier.lake.TableComparison;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two land runs started on one lake at the same moment (an Airflow retry beside a run started by
 * hand): one takes the lake's lease and lands, the other is refused at once, and the lake holds
 * exactly what a run alone lands.
 */
@SparkTest
class LandTwoRunsAtOnceTest {
  private static final String HEADER = "身份证号,姓名,处分种类,处分类型,处分决定日期,决定文号";
  private static final String ID = "11010519491231002X";
  /** The columns that name a run rather than the data, as `bin/dossier compare` leaves them out. */
  private static final Set<String> RUN_COLUMNS = Set.copyOf(Settings.load(Optional.empty()).config()
      .getStringList("dossier.compare.ignored-columns"));

  @Test
  void oneIsRefusedAndTheOtherLandsWhatARunAloneLands(SparkSession spark, @TempDir Path dir) throws Exception {
    Path landing = dir.resolve("landing");
    Fixtures.csv(landing, "2024-06/jw/jw_cf_202406.csv", Fixtures.GBK, false, HEADER,
        ID + ",张三,党纪处分,警告,2024/6/3,J-1", ID + ",张三,政务处分,降级,someday,J-2");
    Path lake = dir.resolve("lake");
    List<CliRunner> runs = List.of(new CliRunner(), new CliRunner());

    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(runs.size());
    List<Future<ExitCode>> started = new ArrayList<>();
    for (CliRunner run : runs) {
      started.add(threads.submit(() -> {
        go.await();
        return run.run("land", "--landing", landing.toString(), "--lake", lake.toString());
      }));
    }
    go.countDown();
    List<ExitCode> exits = new ArrayList<>();
    for (Future<ExitCode> run : started) {
      exits.add(run.get(10, TimeUnit.MINUTES));
    }
    threads.shutdown();

    assertThat(exits).as("exit codes of the two runs").containsExactlyInAnyOrder(ExitCode.OK, ExitCode.LAKE_BUSY);
    assertThat(runs.get(exits.indexOf(ExitCode.LAKE_BUSY)).err()).as("what the refused run says")
        .contains("is in use by run");

    Path alone = dir.resolve("lake-alone");
    assertThat(new CliRunner().run("land", "--landing", landing.toString(), "--lake", alone.toString()))
        .as("exit code of a run alone").isEqualTo(ExitCode.OK);
    assertThat(TableComparison.compare(spark, lake.toString(), alone.toString(), "raw", RUN_COLUMNS))
        .as("raw tables of the busy lake against the lake of a run alone").isNotEmpty()
        .allSatisfy(table -> assertThat(table.same()).as(table.toString()).isTrue());
  }
}
