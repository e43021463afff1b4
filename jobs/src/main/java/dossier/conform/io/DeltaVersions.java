package dossier.conform.io;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;

/** Delta table versions: the watermark conform keeps of what it has read and written. */
public final class DeltaVersions {
  private DeltaVersions() {}

  /** The latest committed version of the table at {@code path}; empty when there is no table. */
  public static OptionalLong current(SparkSession spark, String path) {
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0));
  }
}
