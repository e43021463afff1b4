package dossier.job;

import dossier.lake.Lake;
import dossier.settings.DossierSettings;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * What every stage of one run shares: validated settings, the one SparkSession, the lake's
 * paths and the run's identity (recorded in provenance and the run log).
 */
public record JobContext(DossierSettings settings, SparkSession spark, Lake lake, String runId, Instant startedAt) {}
