package dossier.testing;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension holding one local SparkSession per test JVM, stopped when the whole run
 * ends. spark-testing-base is not served for Spark 4, so Dossier keeps this small stand-in.
 */
public final class SharedSparkSession implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedSparkSession.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class)
        .spark;
  }

  /** Stored in the root context: JUnit closes it after the last test of the JVM. */
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("dossier-tests")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "Asia/Shanghai")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        // Delta rebuilds a table's state with this many tasks per read; 50 by default is slow for tiny tables.
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // Tiny test tables: compiling generated code costs more than running it (as config/application.conf).
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/dossier-test-warehouse")
        .getOrCreate();

    @Override
    public void close() {
      spark.stop();
    }
  }
}
