package dossier.conform;

import dossier.conform.identity.PersonKeys;
import dossier.conform.settings.ConformSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The conform transforms chained without I/O, as the job chains them: for rule tests on tiny fixtures. */
final class InMemoryConform {
  final ConformSettings settings;
  final PersonKeys keys;
  final Dataset<Row> units;
  final Dataset<Row> cadres;
  final Dataset<Row> versions;
  final Dataset<Row> resolutions;
  final Dataset<Row> recordVersions;
  final Dataset<Row> records;
  final Dataset<Row> unresolved;

  InMemoryConform(RawFixture raw, ConformSettings settings, String latestMonth) {
    this.settings = settings;
    this.keys = new PersonKeys(settings.identityKey());
    units = share(ConformTransforms.unitHistory(raw.rows("zzb_unit")));
    cadres = share(ConformTransforms.cadreHistory(raw.rows("zzb_roster"), keys));
    Dataset<Row> delivered = share(ConformTransforms.delivered(raw::rows, settings));
    versions = share(ConformTransforms.recordVersions(delivered, latestMonth, settings, InMemoryConform::share));
    resolutions = share(ConformTransforms.resolutions(versions, cadres, units, settings, keys));
    recordVersions = share(ConformTransforms.recordVersionTable(versions, resolutions, cadres, keys));
    records = share(ConformTransforms.supervisionRecords(recordVersions));
    unresolved = share(ConformTransforms.unresolvedRecords(versions, resolutions));
  }

  /** As the job does: materialise and cut the lineage of a step later steps read several times. */
  static Dataset<Row> share(Dataset<Row> step) {
    return step.localCheckpoint(true);
  }
}
