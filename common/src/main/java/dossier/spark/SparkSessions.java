package dossier.spark;

import dossier.settings.SparkSettings;
import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a run uses, from settings; nothing here assumes local mode. */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(SparkSettings settings) {
    SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
    settings.master().ifPresent(builder::master);
    settings.conf().forEach(builder::config);
    return builder.getOrCreate();
  }
}
