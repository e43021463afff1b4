package dossier.bench;

import java.util.List;

/**
 * What the bench measured at one scale, in one run on one sample.
 *
 * @param cadres the scale: cadres on the roster
 * @param months monthly delivery folders after the backfill
 * @param seed the sample's seed
 * @param deliveredFiles files in the landing folder
 * @param deliveredRows rows under a header in those files (the records of records per second)
 * @param deliveredBytes their bytes
 * @param generatedMillis how long generating the sample took, null when it came from the cache
 * @param measuredAt when the measurement started (UTC, ISO-8601)
 * @param stages the pipeline's stages in order, on a new lake
 * @param copyFloor the copy floor on the same files
 * @param peer the DuckDB peer's steps on the same files ({@link DuckDbPeer})
 * @param peerChecks the peer's figures against Dossier's (empty when landing failed)
 * @param incremental the stages adding the last delivery month to a lake holding all earlier
 *     months; empty when not measured at this scale
 */
record ScaleResult(int cadres, int months, long seed, long deliveredFiles, long deliveredRows, long deliveredBytes,
    Long generatedMillis, String measuredAt, List<Measurement> stages, Measurement copyFloor,
    List<Measurement> peer, List<PeerCheck> peerChecks, List<Measurement> incremental) {

  ScaleResult {
    stages = List.copyOf(stages);
    peer = peer == null ? List.of() : List.copyOf(peer);
    peerChecks = peerChecks == null ? List.of() : List.copyOf(peerChecks);
    incremental = incremental == null ? List.of() : List.copyOf(incremental);
  }

  /** This result with the incremental month's stages. */
  ScaleResult withIncremental(List<Measurement> incrementalStages) {
    return new ScaleResult(cadres, months, seed, deliveredFiles, deliveredRows, deliveredBytes, generatedMillis,
        measuredAt, stages, copyFloor, peer, peerChecks, incrementalStages);
  }

  /** The whole pipeline as one step. */
  Measurement pipeline() {
    return Measurement.total("pipeline", stages);
  }

  /** The peer's steps as one. */
  Measurement peerTotal() {
    return Measurement.total("DuckDB peer", peer);
  }

  /** Pipeline time per delivered record, in microseconds. */
  double microsPerRecord() {
    return deliveredRows == 0 ? 0 : pipeline().millis() * 1000.0 / deliveredRows;
  }
}
