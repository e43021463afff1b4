package dossier.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.lake.Lake;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One figure the DuckDB peer and Dossier both computed on the same files, which must be equal.
 *
 * @param figure what was counted
 * @param peer the peer's count
 * @param dossier Dossier's count, from its lake
 */
record PeerCheck(String figure, long peer, long dossier) {
  /** File statuses whose manifest rows_read counts the file's data rows (skipped files read none; rejected ones may stop early). */
  private static final List<String> READ_WHOLE = List.of("landed", "replaced", "superseded");

  boolean equal() {
    return peer == dossier;
  }

  /** The peer's figures against Dossier's lake: rows read per file, and distinct matters per text-keyed dataset. */
  static List<PeerCheck> compare(SparkSession spark, Lake lake, DuckDbPeer.Figures peer,
      Map<String, DatasetContract> contracts) {
    List<PeerCheck> checks = new ArrayList<>();
    List<Row> manifest = spark.read().format("delta").load(lake.fileManifest())
        .where(col("status").isin(READ_WHOLE.toArray())).select("source_path", "rows_read").collectAsList();
    long peerRows = 0;
    long dossierRows = 0;
    long differing = 0;
    for (Row file : manifest) {
      long read = peer.rowsPerFile().getOrDefault(file.getString(0), 0L);
      peerRows += read;
      dossierRows += file.getLong(1);
      differing += read == file.getLong(1) ? 0 : 1;
    }
    checks.add(new PeerCheck("data rows read from " + manifest.size() + " files", peerRows, dossierRows));
    checks.add(new PeerCheck("files whose rows read differ", differing, 0));
    for (Map.Entry<String, ColumnSpec> keyed : DuckDbPeer.textKeyed(contracts).entrySet()) {
      String table = lake.raw(keyed.getKey());
      if (DeltaTable.isDeltaTable(spark, table)) {
        long matters = spark.read().format("delta").load(table).agg(countDistinct(keyed.getValue().name())).first()
            .getLong(0);
        checks.add(new PeerCheck(keyed.getKey() + " matters (distinct " + keyed.getValue().name() + ")",
            peer.mattersPerDataset().getOrDefault(keyed.getKey(), 0L), matters));
      }
    }
    return checks;
  }
}
