package dossier.bench;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The machine and software a measurement ran on, for the report.
 *
 * @param cores processors the JVM sees
 * @param memoryBytes physical memory
 * @param maxHeapBytes the driver's maximum heap (-Xmx)
 * @param os operating system and kernel
 * @param java Java runtime version and vendor
 * @param spark Spark version
 * @param delta Delta Lake version
 * @param master Spark master URL
 * @param shufflePartitions spark.sql.shuffle.partitions of the session
 * @param wholeStageCodegen whether spark.sql.codegen.wholeStage was on in the session
 */
record Machine(int cores, long memoryBytes, long maxHeapBytes, String os, String java, String spark, String delta,
    String master, String shufflePartitions, boolean wholeStageCodegen) {

  static Machine of(SparkSession session) {
    long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : 0;
    return new Machine(Runtime.getRuntime().availableProcessors(), memory, Runtime.getRuntime().maxMemory(),
        osName(), System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")",
        session.version(), DeltaTable.class.getPackage().getImplementationVersion(), session.sparkContext().master(),
        session.conf().get("spark.sql.shuffle.partitions"),
        Boolean.parseBoolean(session.conf().get("spark.sql.codegen.wholeStage")));
  }

  String markdown() {
    return String.format(Locale.ROOT, """
        | | |
        |---|---|
        | cores | %d |
        | memory | %s (driver heap at most %s) |
        | OS | %s |
        | Java | %s |
        | Spark | %s (master %s, %s shuffle partitions, whole-stage codegen %s) |
        | Delta Lake | %s |
        """, cores, BenchReport.bytes(memoryBytes), BenchReport.bytes(maxHeapBytes), os, java, spark, master,
        shufflePartitions, wholeStageCodegen ? "on" : "off", delta);
  }

  private static String osName() {
    String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version");
    try {
      Map<String, String> release = new java.util.HashMap<>();
      Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.contains("="))
          .forEach(l -> release.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1).replace("\"", "")));
      return release.getOrDefault("PRETTY_NAME", "?") + ", " + kernel;
    } catch (IOException e) {
      return kernel;
    }
  }
}
