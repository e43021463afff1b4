package dossier.lake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Which tables a lake holds, through the Hadoop FileSystem API (local, hdfs://, s3a://, abfs://). */
public final class LakeListing {
  private LakeListing() {}

  /**
   * Table folders of a layer ({@code raw}, {@code conformed}, {@code analysed}, or {@code curated},
   * whose tables sit one level deeper under their zone: {@code open/unit_warning}).
   */
  public static List<String> tables(SparkSession spark, String lakeRoot, String layer) {
    String layerPath = lakeRoot + "/" + layer;
    List<String> tables = new ArrayList<>();
    for (String dir : folders(spark, layerPath)) {
      if (layer.equals("curated")) {
        folders(spark, layerPath + "/" + dir).forEach(t -> tables.add(dir + "/" + t));
      } else {
        tables.add(dir);
      }
    }
    return tables;
  }

  public static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new IllegalStateException("cannot check " + path + ": " + e.getMessage(), e);
    }
  }

  /** Sub-folders, without hidden ones and without Delta's or Spark's own (_delta_log, _SUCCESS). */
  private static List<String> folders(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      for (FileStatus status : fs.listStatus(p)) {
        String child = status.getPath().getName();
        if (status.isDirectory() && !child.startsWith("_") && !child.startsWith(".")) {
          names.add(child);
        }
      }
      names.sort(null);
      return names;
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }
}
