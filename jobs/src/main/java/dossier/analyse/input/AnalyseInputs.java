package dossier.analyse.input;

import static org.apache.spark.sql.functions.col;

import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.contract.Supersession;
import dossier.job.TableAccess;
import dossier.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What the analysis reads, whole: the conformed record versions and histories, and the raw
 * unit-level datasets. Tests build it from in-memory rows; the job reads it from the lake.
 *
 * @param recordVersions conformed {@code record_version}
 * @param cadreHistory conformed {@code cadre_history} (person_key, unit_code, role, valid_from, valid_to ...)
 * @param unitHistory conformed {@code unit_history} (unit_code, unit_name, unit_type, valid_from, valid_to)
 * @param rawEfficiency raw {@code xn_yj}
 * @param rawTeamAssessment raw {@code zzb_bzkh}
 * @param rawPartyBuilding raw {@code dj_kh}
 */
public record AnalyseInputs(Dataset<Row> recordVersions, Dataset<Row> cadreHistory, Dataset<Row> unitHistory,
    Dataset<Row> rawEfficiency, Dataset<Row> rawTeamAssessment, Dataset<Row> rawPartyBuilding) {

  /** Reads the lake; a raw unit-level dataset never delivered reads as empty. */
  public static AnalyseInputs read(SparkSession spark, TableAccess tables, Map<String, DatasetContract> contracts) {
    Lake lake = tables.lake();
    return new AnalyseInputs(
        conformed(tables, lake.conformed("record_version")),
        conformed(tables, lake.conformed("cadre_history")),
        conformed(tables, lake.conformed("unit_history")),
        rawOrEmpty(spark, tables, contracts.get(UnitRecords.EFFICIENCY)),
        rawOrEmpty(spark, tables, contracts.get(UnitRecords.TEAM_ASSESSMENT)),
        rawOrEmpty(spark, tables, contracts.get(UnitRecords.PARTY_BUILDING)));
  }

  private static Dataset<Row> conformed(TableAccess tables, String path) {
    if (!tables.exists(path)) {
      throw new IllegalStateException(path + " is not a Delta table: run conform before analyse");
    }
    return tables.read(path);
  }

  /**
   * A unit-level dataset's rows with the withdrawals of its replaced files
   * ({@link LatestDelivery#withWithdrawals}), materialised once for the run's several reads; as
   * they are when no file was ever replaced (one small job to know).
   */
  private static Dataset<Row> asDelivered(Dataset<Row> raw, DatasetContract contract) {
    Dataset<Row> rows = Supersession.marked(raw);
    if (rows.where(col(Provenance.SUPERSEDED_BY).isNotNull()).isEmpty()) {
      return rows;
    }
    return LatestDelivery.withWithdrawals(rows, contract.key()).localCheckpoint(true);
  }

  private static Dataset<Row> rawOrEmpty(SparkSession spark, TableAccess tables, DatasetContract contract) {
    String path = tables.lake().raw(contract.name());
    if (tables.exists(path)) {
      return asDelivered(tables.read(path), contract);
    }
    List<StructField> fields = new ArrayList<>();
    contract.columns().forEach(c -> fields.add(DataTypes.createStructField(c.name(),
        DataType.fromDDL(c.type().sparkType()), true)));
    List.of(Provenance.DELIVERY_MONTH, Provenance.FILE_MONTH, Provenance.SOURCE_FILE, Provenance.SOURCE_PATH,
            Provenance.SUPERSEDED_BY)
        .forEach(p -> fields.add(DataTypes.createStructField(p, DataTypes.StringType, true)));
    fields.add(DataTypes.createStructField(Provenance.ROW_NUMBER, DataTypes.IntegerType, true));
    return spark.createDataFrame(List.of(), DataTypes.createStructType(fields));
  }
}
