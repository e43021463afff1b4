package dossier.conform;

/** The columns of a supervision record (supervision_record; record_version adds version_month). */
final class RecordColumns {
  private RecordColumns() {}

  static final String DDL = String.join(",",
      "record_id string",            // stable: hash of the first-delivered source row's dataset and business key
      "person_key string",           // HMAC-SHA-256 of the cadre's ID (hex)
      "id_number string",            // the cadre's ID (internal layers only)
      "name string",                 // the cadre's name (roster), else as delivered
      "unit_code string",            // the cadre's unit on the event date (as-of join on cadre_history)
      "category string",             // dossier.rules.categories code
      "sub_category string",         // per the dataset's record block (derived: the irregularity, destination, matter)
      "event_date date",             // the date of the matter (extracts.md)
      "points decimal(9,2)",         // points of the content; a revoked record counts 0 from revoked_month
      "severe boolean",
      "rules_fired array<string>",   // names of the points rules that applied (condition true, value listed)
      "state string",                // active / revoked
      "revoked_month string",        // yyyy-MM from which a revoked record counts 0
      "source_datasets array<string>", // datasets that delivered it (two for a merged sanction), sorted
      "first_delivery string",       // yyyy-MM of its first delivered row
      "last_delivery string",        // yyyy-MM of the latest month that changed it
      "derived boolean",             // derived by conform from other records
      "attributes map<string,string>", // canonical fields of the latest version of the (primary) source row
      "provenance array<struct<dataset:string,source_path:string,row_number:int,delivery_month:string>>");
}
