package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The restricted zone's tables from the conformed, analysed and raw ones: person_key instead of
 * the ID number, reasons as texts, and delivered text masked where an ID could hide in it.
 */
public final class RestrictedTransforms {
  private RestrictedTransforms() {}

  /** dim_cadre from conformed cadre_history. */
  public static Dataset<Row> dimCadre(Dataset<Row> cadreHistory) {
    return cadreHistory.select(col("person_key"), col("name"), col("gender"), year(col("birth")).as("birth_year"),
        col("unit_code"), col("post"), col("rank"), col("role"), col("post_since"), col("team_member"),
        col("valid_from"), col("valid_to"), col("is_current"));
  }

  /** fact_record from conformed supervision_record: the record without the cadre's ID, name and delivered fields. */
  public static Dataset<Row> factRecords(Dataset<Row> supervisionRecord) {
    return supervisionRecord.select("record_id", "person_key", "unit_code", "category", "sub_category", "event_date",
        "points", "severe", "rules_fired", "state", "revoked_month", "source_datasets", "first_delivery",
        "last_delivery", "derived");
  }

  /** cadre_trigger from analysed cadre_trigger (one as-of month): reasons as texts. */
  public static Dataset<Row> cadreTriggers(Dataset<Row> cadreTrigger) {
    return cadreTrigger.withColumn("reasons", ReasonTexts.of(col("reasons")));
  }

  /** cadre_grade from analysed cadre_grade (one as-of month): vetoes as texts. */
  public static Dataset<Row> cadreGrades(Dataset<Row> cadreGrade) {
    return cadreGrade.withColumn("vetoes", ReasonTexts.of(col("vetoes")));
  }

  /** cadre_list from analysed cadre_list (one as-of month): reasons as texts. */
  public static Dataset<Row> cadreLists(Dataset<Row> cadreList) {
    return cadreList.withColumn("reasons", ReasonTexts.of(col("reasons")));
  }

  /**
   * unresolved_record from conformed unresolved_record: without the ID delivered, the business
   * key (which may hold it) and the delivered fields; the provenance says where the row is.
   */
  public static Dataset<Row> unresolvedRecords(Dataset<Row> unresolvedRecord) {
    return unresolvedRecord.select(col("record_id"), col("dataset"), col("category"), col("sub_category"),
        col("event_date"), col("name"), col("unit_name"), col("post"), IdNumbers.masked(col("reason")).as("reason"),
        col("candidates"), col("source_datasets"), col("first_delivery"), col("last_delivery"), col("provenance"));
  }

  /** quarantine from raw quarantine: ID-shaped text in the raw values and reasons masked. */
  public static Dataset<Row> quarantine(Dataset<Row> rawQuarantine) {
    return rawQuarantine.select(col("dataset"), col("source_file"), col("source_path"), col("delivery_month"),
        col("row_number"), IdNumbers.maskedValues(col("raw_values")).as("raw_values"),
        IdNumbers.maskedElements(col("reasons")).as("reasons"));
  }
}
