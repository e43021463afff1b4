package dossier.conform.io;

import static dossier.testing.Rows.assertRows;
import static dossier.testing.Rows.row;

import dossier.job.JobContext;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import dossier.land.LandJob;
import dossier.normalise.NationalIds;
import dossier.settings.DossierSettings;
import dossier.settings.Settings;
import dossier.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw tables as conform reads them, from files the landing job landed. */
@SparkTest
class RawTablesTest {
  @Test
  void aDateOrMonthColumnSaysWhichCellsGaveAYearMonthOnly(SparkSession spark, @TempDir Path folder) throws Exception {
    Path file = folder.resolve("landing/2024-06/zzb/zzb_roster_202406.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\r\n",
        "身份证号,姓名,出 生 年 月,单位代码,现任职务,职级,正副职,任职时间",
        id("32120219750301001") + ",甲,1975年3月,U1,镇长,正科,正职,2019.05",
        id("32120219750301002") + ",乙,1975-03-01,U1,副镇长,副科,副职,2019-05-17",
        id("32120219750301003") + ",丙,197503,U1,副镇长,副科,副职,"), StandardCharsets.UTF_8);
    DossierSettings settings = Settings.load(Optional.empty())
        .withPaths(folder.resolve("landing").toString(), folder.resolve("lake").toString());
    Lake lake = new Lake(settings.lakeRoot());
    new LandJob(new JobContext(settings, spark, lake, "run-1", Instant.parse("2024-07-01T00:00:00Z")), Optional.empty()).run();
    TableAccess tables = new TableAccess(spark, lake);

    assertRows("year-months read from the cells as delivered, under any header spelling",
        new RawTables(spark, tables).read(settings.datasets().get("zzb_roster"), tables.version(lake.raw("zzb_roster")))
            .select("name", "birth", "birth_month_only", "post_since", "post_since_month_only"),
        row("甲", "1975-03-01", true, "2019-05-01", true),
        row("乙", "1975-03-01", false, "2019-05-17", false),
        row("丙", "1975-03-01", true, null, false));
  }

  private static String id(String first17) {
    return first17 + NationalIds.checkDigit(first17);
  }
}
