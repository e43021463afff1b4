package dossier.conform;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The conformed (silver) tables: name, grain and columns, defined once here and in
 * docs/architecture.md. Every transform ends by selecting its table's columns in this order, so
 * what is written is exactly what is documented.
 */
public enum ConformedTables {
  /** One row per unit per validity interval (zzb_unit snapshots). */
  UNIT_HISTORY("unit_history", List.of("unit_code", "valid_from"), String.join(",",
      "unit_code string",          // 单位代码
      "unit_name string",          // 单位名称 in this interval
      "unit_type string",          // 镇街 / 园区 / 部门 / 事业单位
      "valid_from date",           // inclusive; null = since before the first snapshot
      "valid_to date",             // exclusive; null = open (current)
      "is_current boolean",        // valid_to is null
      "first_seen string",         // yyyy-MM of the first snapshot showing this state
      "last_seen string")),        // yyyy-MM of the last snapshot showing this state
  /** One row per cadre per validity interval (zzb_roster snapshots): moves, post/rank/role/team changes, leavers, re-joiners. */
  CADRE_HISTORY("cadre_history", List.of("id_number", "valid_from"), String.join(",",
      "person_key string",         // HMAC-SHA-256 of id_number (hex)
      "id_number string",          // normalised 18-character ID (internal layers only)
      "name string",
      "gender string",
      "birth date",
      "unit_code string",          // the unit the cadre is in during the interval
      "post string",
      "rank string",
      "role string",               // 正职 / 副职
      "post_since date",
      "team_member string",        // 是 / 否
      "valid_from date",           // inclusive; null = since before the first snapshot
      "valid_to date",             // exclusive; null = open (current)
      "is_current boolean",        // valid_to is null: on the latest roster
      "first_seen string",         // yyyy-MM of the first roster snapshot showing this state
      "last_seen string")),        // yyyy-MM of the last roster snapshot showing this state
  /** One row per distinct matter: its latest version. */
  SUPERVISION_RECORD("supervision_record", List.of("record_id"), RecordColumns.DDL),
  /** One row per matter per month that changed it: the version that holds from version_month on. */
  RECORD_VERSION("record_version", List.of("record_id", "version_month"),
      "record_id string, version_month string," + RecordColumns.DDL.substring(RecordColumns.DDL.indexOf(',') + 1)),
  /** One row per record that could not be tied to exactly one cadre (latest version). */
  UNRESOLVED_RECORD("unresolved_record", List.of("record_id"), String.join(",",
      "record_id string",          // the id the record would have
      "dataset string",            // the dataset of its first-delivered row
      "record_key string",         // that dataset's business key, fields joined by U+001F
      "category string",
      "sub_category string",
      "event_date date",
      "id_number string",          // as delivered (null for a petition without a valid ID)
      "name string",               // as delivered
      "unit_name string",          // as delivered (name + unit matching)
      "post string",               // as delivered (tie-breaker)
      "reason string",             // why no single cadre: ID not on the roster / no cadre ... / several cadres ...
      "candidates array<string>",  // person_keys of the cadres that matched (none or several), sorted
      "source_datasets array<string>",
      "first_delivery string",
      "last_delivery string",
      "attributes map<string,string>",
      "provenance array<struct<dataset:string,source_path:string,row_number:int,delivery_month:string>>")),
  /** One row per dataset with a record block: where its rows went. */
  DATASET_STATS("dataset_stats", List.of("dataset"), String.join(",",
      "dataset string",
      "rows_in bigint",              // rows in the raw table (every version of each file, replaced ones too)
      "not_person_records bigint",   // rows the record block's `where` leaves out (e.g. unit warnings)
      "exact_duplicates bigint",     // rows identical to an earlier row of the same file, kept once
      "superseded_versions bigint",  // rows a later row with the same business key supersedes
      "matters bigint",              // distinct business keys = records_out + cross_source_merges + unresolved
      "cross_source_merges bigint",  // matters merged into another dataset's record (duplicate-of)
      "revocations bigint",          // records_out whose latest state is revoked
      "unresolved bigint",           // matters in unresolved_record
      "records_out bigint")),        // records in supervision_record from this dataset
  /** One row per current cadre (on the latest roster): the one-page file, 一人一档. */
  DOSSIER("dossier", List.of("person_key"), String.join(",",
      "person_key string",
      "id_number string",            // internal layers only
      "name string",
      "gender string",
      "birth_year int",
      "unit_code string",            // current
      "unit_name string",
      "post string",
      "rank string",
      "role string",
      "team_member string",
      "post_since date",
      "history array<struct<valid_from:date,valid_to:date,unit_code:string,unit_name:string,post:string,rank:string,role:string>>",
      "record_counts map<string,bigint>",      // active records by category, all time
      "record_counts_12m map<string,bigint>",  // active records by category dated in the score window
      "score_12m decimal(9,2)",                // points of the active records dated in the score window
      "latest_assessment struct<year:int,grade:string,record_id:string>",
      "sanctions array<struct<event_date:date,sub_category:string,points:decimal(9,2),severe:boolean,state:string,source_datasets:array<string>,record_id:string>>", // every sanction, oldest first
      "as_of_month string")),        // the latest data month: the score window ends with it
  /** One row per successful conform run: the watermark the next run starts from. */
  CONFORM_STATE("_conform_state", List.of("run_id"), String.join(",",
      "run_id string",
      "finished_at timestamp",
      "raw_versions map<string,bigint>",     // Delta version of each raw table read
      "latest_month string",                 // the latest data month of that run
      "settings_fingerprint string",         // ConformSettings.fingerprint of that run
      "cadre_history_version bigint",        // Delta versions of the history tables written
      "unit_history_version bigint"));

  private final String table;
  private final List<String> key;
  private final StructType schema;

  ConformedTables(String table, List<String> key, String ddl) {
    this.table = table;
    this.key = key;
    this.schema = StructType.fromDDL(ddl);
  }

  /** Folder name below {@code conformed/}. */
  public String table() {
    return table;
  }

  /** The columns that identify a row (MERGE keys). */
  public List<String> key() {
    return key;
  }

  public StructType schema() {
    return schema;
  }

  public List<String> columns() {
    return Arrays.asList(schema.fieldNames());
  }

  /** The dataset's columns in this table's order, cast to its types. */
  public Dataset<Row> select(Dataset<Row> data) {
    return data.select(Arrays.stream(schema.fields())
        .map(f -> functions.col(f.name()).cast(f.dataType()).as(f.name())).toArray(Column[]::new));
  }
}
