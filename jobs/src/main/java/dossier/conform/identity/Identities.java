package dossier.conform.identity;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import dossier.conform.history.History;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Identity resolution: which cadre a record is about. A record with an ID is the cadre with that
 * ID anywhere in the roster history, else unresolved ("ID not on the roster"). A record without
 * one, from a dataset matched by name + unit, is the cadre who on the record's event date had that
 * name and was in a unit of that name (cadre_history ⋈ unit_history, as-of rule); when several
 * match, the one whose post equals the record's. No match, or several, is unresolved with the
 * candidates; nothing is guessed.
 *
 * <p>Resolutions: one row per record: record_id, person_id (the cadre's ID, null when
 * unresolved), reason, candidates (person_keys, sorted; empty when resolved or none matched).
 */
public final class Identities {
  public static final String NOT_ON_ROSTER = "ID not on the roster";
  public static final String NO_MATCH = "no cadre of this name in this unit on the event date";
  public static final String SEVERAL = "several cadres of this name in this unit on the event date";
  public static final String NO_ID = "no ID and the dataset is not matched by name and unit";

  private Identities() {}

  /**
   * @param records one row per record: record_id, id_number, name, unit_name, post, event_date,
   *     name_matched (whether a missing ID may be made up for by name + unit)
   * @param cadres cadre_history
   * @param units unit_history
   */
  public static Dataset<Row> resolve(Dataset<Row> records, Dataset<Row> cadres, Dataset<Row> units, PersonKeys keys) {
    Dataset<Row> rostered = cadres.select(col("id_number").as("rostered_id")).distinct();
    Dataset<Row> byId = records.where(col("id_number").isNotNull())
        .join(rostered, col("id_number").equalTo(col("rostered_id")), "left")
        .select(col("record_id"), col("rostered_id").as("person_id"),
            when(col("rostered_id").isNull(), lit(NOT_ON_ROSTER)).as("reason"),
            expr("cast(array() as array<string>)").as("candidates"));
    Dataset<Row> noId = records.where(col("id_number").isNull().and(col("name_matched").equalTo(false)))
        .select(col("record_id"), lit(null).cast("string").as("person_id"), lit(NO_ID).as("reason"),
            expr("cast(array() as array<string>)").as("candidates"));
    return byId.unionByName(noId).unionByName(byNameAndUnit(records, cadres, units, keys));
  }

  private static Dataset<Row> byNameAndUnit(Dataset<Row> records, Dataset<Row> cadres, Dataset<Row> units, PersonKeys keys) {
    Dataset<Row> r = records.where(col("id_number").isNull().and(col("name_matched"))).as("r");
    Dataset<Row> h = History.withFirst(cadres, "id_number").as("h");
    Dataset<Row> u = History.withFirst(units, "unit_code").as("u");
    Column date = col("r.event_date");
    Dataset<Row> matches = r
        .join(h, col("h.name").equalTo(col("r.name")).and(History.validAt(date, "h.")))
        .join(u, col("u.unit_code").equalTo(col("h.unit_code")).and(History.validAt(date, "u."))
            .and(col("u.unit_name").equalTo(col("r.unit_name"))))
        .select(col("r.record_id").as("record_id"), col("h.id_number").as("match_id"),
            when(col("h.post").equalTo(col("r.post")), col("h.id_number")).as("post_id"));
    Dataset<Row> found = r.select(col("record_id")).join(matches, "record_id")
        .groupBy("record_id").agg(array_sort(collect_set("match_id")).as("ids"), array_sort(collect_set("post_id")).as("post_ids"));
    Dataset<Row> all = r.select(col("record_id")).join(found, new String[] {"record_id"}, "left")
        .withColumn("ids", coalesce(col("ids"), expr("cast(array() as array<string>)")))
        .withColumn("post_ids", coalesce(col("post_ids"), expr("cast(array() as array<string>)")));
    Column one = size(col("ids")).equalTo(1);
    Column oneByPost = size(col("ids")).gt(1).and(size(col("post_ids")).equalTo(1));
    Column person = when(one, element_at(col("ids"), 1)).when(oneByPost, element_at(col("post_ids"), 1));
    Column candidateIds = when(one.or(oneByPost), expr("cast(array() as array<string>)"))
        .when(size(col("post_ids")).gt(1), col("post_ids")).otherwise(col("ids"));
    return all.select(col("record_id"), person.as("person_id"),
        when(size(col("ids")).equalTo(0), lit(NO_MATCH)).when(person.isNull(), lit(SEVERAL)).as("reason"),
        array_sort(transform(candidateIds, keys::of)).as("candidates"));
  }
}
