package dossier.publish;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import dossier.analyse.input.RecordVersions;
import dossier.analyse.score.ScoreTransforms;
import dossier.analyse.trigger.CadreTriggerTable;
import java.math.BigDecimal;
import java.time.YearMonth;

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

  /**
   * fact_record from conformed supervision_record: the record without the cadre's ID, name and
   * delivered fields; a petition's finding taken out of its delivered attributes; and beside the
   * points as decided, the points it counts now (0 once revoked: the table is the current state,
   * so a revocation it shows has taken effect).
   */
  public static Dataset<Row> factRecords(Dataset<Row> supervisionRecord) {
    return supervisionRecord.select(col("record_id"), col("person_key"), col("unit_code"), col("category"),
        col("sub_category"), ScoreTransforms.finding().as("finding"), col("event_date"),
        col("points"), when(col("state").equalTo(RecordVersions.REVOKED), lit(BigDecimal.ZERO)).otherwise(col("points"))
            .cast("decimal(9,2)").as("points_counted"),
        col("severe"), col("rules_fired"), col("state"), col("revoked_month"), col("source_datasets"),
        col("first_delivery"), col("last_delivery"), col("derived"));
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
   * dossier from conformed dossier (current cadres) and the analysis of as-of month M (one
   * partition each): the line at M's end, the latest grade, the open triggers and the lists.
   */
  public static Dataset<Row> dossier(Dataset<Row> conformedDossier, YearMonth asOf, Dataset<Row> cadreScore,
      Dataset<Row> cadreGrade, Dataset<Row> cadreTrigger, Dataset<Row> cadreList) {
    Dataset<Row> line = cadreScore.filter(col("month").equalTo(asOf.toString()))
        .select(col("person_key"), col("line"), col("line_label"), col("score").as("line_score"));
    Dataset<Row> grade = cadreGrade.groupBy("person_key").agg(max_by(struct(col("year").as("grade_year"),
        col("cohort").as("grade_cohort"), col("grade"), col("composite").as("grade_composite")), col("year")).as("g"))
        .select("person_key", "g.*");
    Dataset<Row> triggers = cadreTrigger.filter(col("status").isin(CadreTriggerTable.OPEN, CadreTriggerTable.OVERDUE))
        .groupBy("person_key").agg(array_sort(collect_list(struct(col("raised_on"), col("line_label"),
            col("status"), col("days_open")))).as("t"))
        .select(col("person_key"), transform(col("t"), t -> struct(
            t.getField("line_label").as("line_label"), t.getField("raised_on").as("raised_on"),
            t.getField("status").as("status"), t.getField("days_open").as("days_open"))).as("open_triggers"));
    Dataset<Row> lists = cadreList.groupBy("person_key").agg(array_sort(collect_list(struct(col("period"),
        col("list"), col("list_label")))).as("lists"));
    return conformedDossier.drop("id_number").withColumnRenamed("as_of_month", "records_as_of")
        .withColumn("as_of_month", lit(asOf.toString()))
        .join(line, new String[] {"person_key"}, "left")
        .join(grade, new String[] {"person_key"}, "left")
        .join(triggers, new String[] {"person_key"}, "left")
        .join(lists, new String[] {"person_key"}, "left");
  }

  /**
   * unresolved_record from conformed unresolved_record: without the ID delivered and the delivered
   * fields, the business key masked (it may hold the ID); the provenance says where the row is.
   */
  public static Dataset<Row> unresolvedRecords(Dataset<Row> unresolvedRecord) {
    return unresolvedRecord.select(col("record_id"), col("dataset"),
        IdNumbers.masked(col("record_key")).as("record_key"), col("category"), col("sub_category"),
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
