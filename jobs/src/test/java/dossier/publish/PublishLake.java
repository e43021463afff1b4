package dossier.publish;

import static dossier.analyse.Fixtures.date;

import dossier.analyse.Fixtures;
import dossier.analyse.Fixtures.RecordVersion;
import dossier.lake.Lake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A hand-made lake publish can run on: one unit U1 (甲镇) with three cadres, the conformed tables
 * publish reads (the record versions as given, the others small and fixed) and a raw file
 * manifest in which the register and roster of every month up to the given one landed. Raw ID
 * numbers are in cadre_history and dossier, as in a real lake, so that tests can look for them in
 * the curated output.
 */
final class PublishLake {
  static final String ID_OF_P1 = "32120219800101123X";
  private static final String CADRE_HISTORY = "person_key string, id_number string, name string, gender string, "
      + "birth date, unit_code string, post string, rank string, role string, post_since date, team_member string, "
      + "valid_from date, valid_to date, is_current boolean, first_seen string, last_seen string";
  private static final String UNIT_HISTORY = "unit_code string, unit_name string, unit_type string, valid_from date, "
      + "valid_to date, is_current boolean, first_seen string, last_seen string";
  private static final String SUPERVISION_RECORD = "record_id string, person_key string, id_number string, "
      + "name string, unit_code string, category string, sub_category string, event_date date, points decimal(9,2), "
      + "severe boolean, rules_fired array<string>, state string, revoked_month string, source_datasets array<string>, "
      + "first_delivery string, last_delivery string, derived boolean, attributes map<string,string>";
  private static final String UNRESOLVED_RECORD = "record_id string, dataset string, record_key string, "
      + "category string, sub_category string, event_date date, id_number string, name string, unit_name string, "
      + "post string, reason string, candidates array<string>, source_datasets array<string>, first_delivery string, "
      + "last_delivery string, attributes map<string,string>, provenance array<struct<dataset:string,"
      + "source_path:string,row_number:int,delivery_month:string>>";
  private static final String DATASET_STATS = "dataset string, rows_in bigint, not_person_records bigint, "
      + "exact_duplicates bigint, superseded_versions bigint, matters bigint, cross_source_merges bigint, "
      + "revocations bigint, unresolved bigint, records_out bigint";
  private static final String DOSSIER = "person_key string, id_number string, name string, gender string, "
      + "birth_year int, unit_code string, unit_name string, post string, rank string, role string, "
      + "team_member string, post_since date, history array<struct<valid_from:date,valid_to:date,unit_code:string,"
      + "unit_name:string,post:string,rank:string,role:string>>, record_counts map<string,bigint>, "
      + "record_counts_12m map<string,bigint>, score_12m decimal(9,2), "
      + "latest_assessment struct<year:int,grade:string,record_id:string>, sanctions array<struct<event_date:date,"
      + "sub_category:string,points:decimal(9,2),severe:boolean,state:string,source_datasets:array<string>,"
      + "record_id:string>>, as_of_month string";
  private static final String MANIFEST = "source_path string, dataset string, file_month string, status string, "
      + "rows_read bigint, rows_landed bigint, rows_quarantined bigint";

  private final SparkSession spark;
  private final Path folder;
  private final Lake lake;

  PublishLake(SparkSession spark, Path folder) {
    this.spark = spark;
    this.folder = folder;
    this.lake = new Lake(folder.resolve("lake").toString());
  }

  Lake lake() {
    return lake;
  }

  /** The command-line arguments that point a stage at this lake. */
  String[] args(String stage, String... more) {
    List<String> args = new ArrayList<>(List.of(stage, "--landing", folder.resolve("landing").toString(), "--lake",
        lake.root()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** The conformed tables with these record versions, and a manifest up to {@code lastMonth}. */
  void deliver(String lastMonth, RecordVersion... versions) {
    save(Fixtures.versions(spark, versions), lake.conformed("record_version"));
    save(rows(CADRE_HISTORY,
        cadre("p1", ID_OF_P1, "张三", "正职"),
        cadre("p2", "321202198502021234", "李四", "副职"),
        cadre("p3", "321202199003031235", "王五", "副职")), lake.conformed("cadre_history"));
    save(rows(UNIT_HISTORY, new Object[] {"U1", "甲镇", "镇街", null, null, true, "2023-12", lastMonth}),
        lake.conformed("unit_history"));
    save(rows(SUPERVISION_RECORD), lake.conformed("supervision_record"));
    save(rows(UNRESOLVED_RECORD), lake.conformed("unresolved_record"));
    save(rows(DATASET_STATS, new Object[] {"jw_cf", 10L, 0L, 0L, 0L, 10L, 0L, 0L, 0L, 10L}),
        lake.conformed("dataset_stats"));
    save(rows(DOSSIER, new Object[] {"p1", ID_OF_P1, "张三", "男", 1980, "U1", "甲镇", "镇长", "正科", "正职", "是",
        date("2020-01-01"), List.of(), null, null, Fixtures.dec("4"), null, List.of(), lastMonth}),
        lake.conformed("dossier"));
    manifest(lastMonth, 0);
  }

  /** The raw file manifest: register and roster landed for every month up to {@code lastMonth}, and a jw_cf file of 100 rows. */
  void manifest(String lastMonth, long jwQuarantined) {
    List<Object[]> files = new ArrayList<>();
    for (String month : List.of("2024-01", "2024-02", "2024-03")) {
      if (month.compareTo(lastMonth) <= 0) {
        files.add(new Object[] {month + "/zzb/zzb_unit_" + month, "zzb_unit", month, "landed", 1L, 1L, 0L});
        files.add(new Object[] {month + "/zzb/zzb_roster_" + month, "zzb_roster", month, "landed", 3L, 3L, 0L});
      }
    }
    files.add(new Object[] {"2024-01/jw/jw_cf_202401", "jw_cf", "2024-01", "landed", 100L, 100L - jwQuarantined,
        jwQuarantined});
    save(rows(MANIFEST, files.toArray(Object[][]::new)), lake.fileManifest());
  }

  private static Object[] cadre(String person, String id, String name, String role) {
    return new Object[] {person, id, name, "男", date("1980-01-01"), "U1", "镇长", "正科", role, date("2020-01-01"), "是",
        null, null, true, "2023-12", "2024-03"};
  }

  private Dataset<Row> rows(String ddl, Object[]... rows) {
    return Fixtures.rows(spark, ddl, rows);
  }

  private static void save(Dataset<Row> rows, String path) {
    rows.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(path);
  }
}
