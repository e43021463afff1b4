package dossier.testing;

import dossier.settings.ConfigReader;
import dossier.settings.Settings;
import dossier.settings.SparkSettings;
import java.util.Map;
import java.util.Optional;
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

  /**
   * Stored in the root context: JUnit closes it after the last test of the JVM. The session
   * gets the Spark settings a local run gets (reference.conf, then the local profile, which both
   * modules have on their test classpath), so tests exercise the settings of a run; only what a
   * shared test JVM needs differs.
   */
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Whatever the profile: two cores' worth of partitions, no UI, loopback only, a temporary warehouse. */
    private static final Map<String, String> TEST_JVM = Map.of(
        "spark.sql.shuffle.partitions", "2",
        "spark.ui.enabled", "false",
        "spark.driver.bindAddress", "127.0.0.1",
        "spark.driver.host", "127.0.0.1",
        "spark.default.parallelism", "2",
        "spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/dossier-test-warehouse");

    private final SparkSession spark = create();

    private static SparkSession create() {
      SparkSettings run = SparkSettings.from(ConfigReader.at(Settings.loadConfig(Optional.empty()), "dossier.spark"));
      SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("dossier-tests");
      run.conf().forEach(builder::config);
      TEST_JVM.forEach(builder::config);
      return builder.getOrCreate();
    }

    @Override
    public void close() {
      spark.stop();
    }
  }
}
