package dossier.publish;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.AnalysedTables;
import dossier.analyse.grade.CadreGradeTable;
import dossier.analyse.list.CadreListTable;
import dossier.analyse.score.CadreScoreTable;
import dossier.analyse.trigger.CadreTriggerTable;
import dossier.lake.Lake.Zone;
import dossier.schema.ColumnDoc;
import dossier.schema.CuratedTable;
import dossier.schema.TableSpec;

/**
 * The restricted zone ({@code curated/restricted/}): person-level tables for the supervision
 * office. A cadre is named by person_key (names only in dim_cadre, dossier, unresolved_record and
 * quarantine); no ID number is written, and ID-shaped text in delivered values is masked.
 */
final class RestrictedTables {
  private static final ColumnDoc GENDER = ColumnDoc.of("gender", "性别", "string", "男 or 女; null when not delivered.");
  private static final ColumnDoc BIRTH_YEAR = ColumnDoc.of("birth_year", "出生年份", "int", "Year of birth from the roster.");
  private static final ColumnDoc RANK = ColumnDoc.of("rank", "职级", "string", "The rank (正科, 副科 ...), as delivered.");
  private static final ColumnDoc ROLE = ColumnDoc.of("role", "正副职", "string", "正职 (principal) or 副职 (deputy).");
  private static final ColumnDoc POST_SINCE = ColumnDoc.of("post_since", "任现职时间", "date",
      "Since when the post is held, as delivered; a year-month alone is its first day, unless a roster gave "
          + "the full date in that month.");
  private static final ColumnDoc TEAM_MEMBER = ColumnDoc.of("team_member", "是否班子成员", "string",
      "是 or 否: a member of the unit's leadership team.");
  private static final ColumnDoc CATEGORY = ColumnDoc.of("category", "事项类别", "string",
      "Record category code (sanction, petition, ...; see architecture.md).");
  private static final ColumnDoc SUB_CATEGORY = ColumnDoc.of("sub_category", "事项子类", "string",
      "The kind within the category (e.g. the sanction 警告, the finding 查实).");
  private static final ColumnDoc FIRST_DELIVERY = ColumnDoc.of("first_delivery", "首次报送月份", "string",
      "yyyy-MM of its first delivered row.");
  private static final ColumnDoc VALID_FROM = ColumnDoc.of("valid_from", "起始日期", "date",
      "First day of the interval (inclusive); null = since before the first roster snapshot.");
  private static final ColumnDoc VALID_TO = ColumnDoc.of("valid_to", "截止日期", "date",
      "First day after the interval (exclusive); null = still open.");

  /** {@code dim_cadre}: the roster with its history. Grain: one row per cadre × validity interval. */
  static final CuratedTable DIM_CADRE = CuratedTable.current(Zone.RESTRICTED,
      TableSpec.builder("dim_cadre", "干部维表", "one row per cadre × validity interval")
          .key("person_key", "valid_from")
          .column(AnalysedColumns.PERSON_KEY)
          .column("name", "姓名", "string", "The name on the roster (normalised: no inner spaces, middle dot U+00B7).")
          .column(GENDER)
          .column(BIRTH_YEAR)
          .column("unit_code", "单位代码", "string", "The unit the cadre is in during the interval.")
          .column("post", "现任职务", "string", "The post held.")
          .column(RANK)
          .column(ROLE)
          .column(POST_SINCE)
          .column(TEAM_MEMBER)
          .column(VALID_FROM)
          .column(VALID_TO)
          .column("is_current", "是否当前", "boolean", "True for the interval still open: the cadre is on the latest roster.")
          .build());

  /** {@code fact_record}: conformed supervision_record without identity. Grain: one row per supervision record. */
  static final CuratedTable FACT_RECORD = CuratedTable.current(Zone.RESTRICTED,
      TableSpec.builder("fact_record", "监督事项", "one row per supervision record (deduplicated matter, latest version)")
          .key("record_id")
          .column("record_id", "事项编号", "string",
              "Stable id of the matter: hash of its first-delivered source row's dataset and business key.")
          .column(AnalysedColumns.PERSON_KEY)
          .column("unit_code", "单位代码", "string", "The cadre's unit on the event date (null when not in post then).")
          .column(CATEGORY)
          .column(SUB_CATEGORY)
          .column("finding", "核查结论", "string",
              "A petition's finding (查实 / 部分查实 / 查否), which decides its points and the 函询 line; null for other "
                  + "records and for a petition not yet closed.")
          .column("event_date", "事项日期", "date", "The date of the matter: it decides its period and unit.")
          .column("points", "分值（认定）", "decimal(9,2)", "Points as decided by rules.md §1, kept after a revocation.")
          .column("points_counted", "分值（现计）", "decimal(9,2)",
              "Points the record counts now: 0 for a revoked record (from revoked_month on), else points.")
          .column("severe", "是否严重", "boolean", "A severe record (rules.md §1).")
          .column("rules_fired", "适用规则", "array<string>", "Names of the points rules that applied.")
          .column("state", "状态", "string", "active or revoked (撤销).")
          .column("revoked_month", "撤销月份", "string", "yyyy-MM from which a revoked record counts 0; null when active.")
          .column("source_datasets", "来源数据集", "array<string>",
              "Datasets that delivered it, sorted (two for a sanction both agencies sent).")
          .column(FIRST_DELIVERY)
          .column("last_delivery", "最近报送月份", "string", "yyyy-MM of the latest delivery that changed it.")
          .column("derived", "是否派生", "boolean",
              "Derived by the pipeline from other records (unfiled travel, leave irregularity, late instant report).")
          .build());

  /**
   * {@code dossier}: the one-page file (一人一档) of each current cadre: conform's dossier without
   * the ID number, joined with the analysis of the published as-of month. Grain: one row per
   * current cadre (on the latest roster).
   */
  static final CuratedTable DOSSIER = CuratedTable.current(Zone.RESTRICTED,
      TableSpec.builder("dossier", "一人一档", "one row per current cadre (on the latest roster)")
          .key("person_key")
          .column(AnalysedColumns.PERSON_KEY)
          .column("name", "姓名", "string", "The name on the latest roster.")
          .column(GENDER)
          .column(BIRTH_YEAR)
          .column("unit_code", "单位代码", "string", "The current unit.")
          .column("unit_name", "单位名称", "string", "Its current name.")
          .column("post", "现任职务", "string", "The current post.")
          .column(RANK)
          .column(ROLE)
          .column(TEAM_MEMBER)
          .column(POST_SINCE)
          .column("history", "任职经历", "array<struct<valid_from:date,valid_to:date,unit_code:string,unit_name:string,"
              + "post:string,rank:string,role:string>>", "Every roster interval (unit and post), oldest first.")
          .column("record_counts", "事项数(全部)", "map<string,bigint>", "Active records by category code, all time.")
          .column("record_counts_12m", "事项数(近12个月)", "map<string,bigint>",
              "Active records by category code dated in the 12-month score window ending with records_as_of.")
          .column("score_12m", "近12个月积分", "decimal(9,2)", "Points of the active records dated in that window.")
          .column("records_as_of", "事项截至月份", "string",
              "The latest data month (yyyy-MM) the counts, score_12m and sanctions are as of.")
          .column("latest_assessment", "最近年度考核", "struct<year:int,grade:string,record_id:string>",
              "The latest annual assessment (zzb_kh): year, grade and its record; null when none.")
          .column("sanctions", "处分记录", "array<struct<event_date:date,sub_category:string,points:decimal(9,2),"
              + "severe:boolean,state:string,source_datasets:array<string>,record_id:string>>",
              "Every sanction, oldest first, revoked ones included (state).")
          .column("as_of_month", "统计截至月份", "string",
              "The as-of month (yyyy-MM) of the analysis joined: the month the restated analysed tables are as of.")
          .column("line", "触线等级", "string",
              "The line reached at the end of as_of_month (reminder, inquiry, admonishment or none); null when the "
                  + "cadre has no score row then.")
          .column("line_label", "触线等级名称", "string", "提醒, 函询 or 诫勉; null when no line is reached.")
          .column("line_score", "积分", "decimal(9,2)", "The 12-month score S at the end of as_of_month (restated).")
          .column("grade_year", "等次年度", "int", "The latest year graded on 5+1 as of as_of_month; null when none.")
          .column("grade_cohort", "评定序列", "string", "The cohort ranked in that year (正职 or 副职).")
          .column("grade", "等次", "string", "The 5+1 grade of that year (好, 较好, 一般, 较差).")
          .column("grade_composite", "综合得分", "decimal(9,4)", "The composite score of that year.")
          .column("open_triggers", "未处置触线", "array<struct<line_label:string,raised_on:date,status:string,"
              + "days_open:int>>", "Triggers open or overdue as of as_of_month, oldest first (see cadre_trigger).")
          .column("lists", "列入名单", "array<struct<period:string,list:string,list_label:string>>",
              "The lists the cadre is on in the periods published as of as_of_month (see cadre_list), by period.")
          .build());

  /** {@code cadre_score}: analysed cadre_score. Grain: one row per cadre × month-end with a score or line. */
  static final CuratedTable CADRE_SCORE = CuratedTable.restated(Zone.RESTRICTED, CadreScoreTable.SPEC);
  static final CuratedTable CADRE_SCORE_REPORTED = CADRE_SCORE.reported(
      AnalysedTables.CADRE_SCORE.reportedPeriods().rows());

  /** {@code cadre_trigger}: analysed cadre_trigger, reasons as texts. Grain: one row per trigger. */
  static final CuratedTable CADRE_TRIGGER = CuratedTable.restated(Zone.RESTRICTED,
      DerivedSpec.of(CadreTriggerTable.SPEC).replace("reasons", CuratedColumns::reasonTexts).build());
  static final CuratedTable CADRE_TRIGGER_REPORTED = CADRE_TRIGGER.reported(
      AnalysedTables.CADRE_TRIGGER.reportedPeriods().rows());

  /** {@code cadre_grade}: analysed cadre_grade, vetoes as texts. Grain: one row per year × cadre. */
  static final CuratedTable CADRE_GRADE = CuratedTable.restated(Zone.RESTRICTED,
      DerivedSpec.of(CadreGradeTable.SPEC).replace("vetoes", CuratedColumns::reasonTexts).build());
  static final CuratedTable CADRE_GRADE_REPORTED = CADRE_GRADE.reported(
      AnalysedTables.CADRE_GRADE.reportedPeriods().rows());

  /** {@code cadre_list}: analysed cadre_list, reasons as texts. Grain: one row per period × list × cadre. */
  static final CuratedTable CADRE_LIST = CuratedTable.restated(Zone.RESTRICTED,
      DerivedSpec.of(CadreListTable.SPEC).replace("reasons", CuratedColumns::reasonTexts).build());
  static final CuratedTable CADRE_LIST_REPORTED = CADRE_LIST.reported(
      AnalysedTables.CADRE_LIST.reportedPeriods().rows());

  /**
   * {@code unresolved_record}: records not tied to exactly one cadre, without the ID delivered.
   * Grain: one row per record that could not be tied to one cadre.
   */
  static final CuratedTable UNRESOLVED_RECORD = CuratedTable.current(Zone.RESTRICTED,
      TableSpec.builder("unresolved_record", "未匹配事项", "one row per record that could not be tied to exactly one cadre")
          .key("record_id")
          .column("record_id", "事项编号", "string", "The id the record would have (as in fact_record).")
          .column("dataset", "来源数据集", "string", "The dataset of its first-delivered row (e.g. xf_jb).")
          .column("record_key", "业务主键", "string",
              "That dataset's business key, fields joined by U+001F; ID-shaped text masked as " + IdNumbers.MASK + ".")
          .column(CATEGORY)
          .column(SUB_CATEGORY)
          .column("event_date", "事项日期", "date", "The date of the matter.")
          .column("name", "姓名", "string", "The name as delivered.")
          .column("unit_name", "单位名称", "string", "The unit as delivered (petitions are matched by name and unit).")
          .column("post", "职务", "string", "The post as delivered (tie-breaker between two cadres of one name).")
          .column("reason", "未匹配原因", "string", "Why no single cadre: the ID is not on the roster, no cadre or several match.")
          .column("candidates", "候选人员", "array<string>", "person_key of every cadre that matched (none or several), sorted.")
          .column("source_datasets", "来源数据集", "array<string>", "Datasets that delivered it.")
          .column(FIRST_DELIVERY)
          .column("last_delivery", "最近报送月份", "string", "yyyy-MM of its latest delivery.")
          .column("provenance", "来源位置", "array<struct<dataset:string,source_path:string,row_number:int,delivery_month:string>>",
              "Where each of its rows was delivered: dataset, file path below the landing folder, row number, delivery month.")
          .build());

  /**
   * {@code quarantine}: rows and files the landing rejected, with ID-shaped text masked. Grain: one
   * row per rejected row, or per file rejected as a whole (standing for its rows).
   */
  static final CuratedTable QUARANTINE = CuratedTable.current(Zone.RESTRICTED,
      TableSpec.builder("quarantine", "隔离数据", "one row per rejected row, or per file rejected as a whole (standing for its rows)")
          .key("source_path", "row_number")
          .column("dataset", "数据集", "string", "The dataset the file belongs to; null when its name matches none.")
          .column("source_file", "文件名", "string", "The delivered file's name.")
          .column("source_path", "文件路径", "string", "<YYYY-MM>/<source>/<file> below the landing folder.")
          .column("delivery_month", "报送月份", "string", "The delivery folder's month (yyyy-MM).")
          .column("row_number", "行号", "int", "1-based physical row in the file or sheet; null for a whole file.")
          .column("raw_values", "原始值", "map<string,string>",
              "Original header to original text; any run of 15 or more ID characters (digits, X last), wherever it "
              + "stands, is masked as " + IdNumbers.MASK + ".")
          .column("reasons", "隔离原因", "array<string>", "Every reason the row or file was rejected (ID-shaped text masked).")
          .build());

  private RestrictedTables() {}
}
