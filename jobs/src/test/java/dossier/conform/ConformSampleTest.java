package dossier.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dossier.conform.dossier.DossierPage;
import dossier.conform.io.RawTables;
import dossier.contract.Provenance;
import dossier.job.JobContext;
import dossier.testing.Rows;
import dossier.testing.SampleLake;
import dossier.testing.SparkTest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The conformed layer of the shared generated sample ({@link SampleLake}) against the generator's ground truth. */
@SparkTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConformSampleTest {
  private SparkSession spark;
  private SampleLake sample;
  private JsonNode truth;
  private Dataset<Row> records;

  @BeforeAll
  void sampleLake(SparkSession spark) {
    this.spark = spark;
    sample = SampleLake.get(spark);
    truth = sample.truth();
    records = conformed(ConformedTables.SUPERVISION_RECORD).cache();
    System.out.println("conform of the sample lake took " + sample.duration("conform").toMillis() + " ms");
  }

  private Dataset<Row> conformed(ConformedTables table) {
    return sample.table(spark, "conformed/" + table.table());
  }

  @Test
  void recordsPerCategoryAreTheGroundTruthsMatters() {
    Map<String, Long> expected = new TreeMap<>();
    truth.at("/matters/by_category").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));

    Map<String, Long> actual = new TreeMap<>();
    records.where(col("derived").equalTo(false)).groupBy("category").count().collectAsList()
        .forEach(r -> actual.put(r.getString(0), r.getLong(1)));

    assertThat(actual).as("source records per category (deduplicated, revoked included)").isEqualTo(expected);
  }

  @Test
  void aChangedRowOfAReplacedFileChangesItsMatterFromTheReplacementsMonthOnly() {
    // Issue 22, defect 1: the matter stays delivered in the replaced version's month, with its content then.
    JsonNode changes = truth.at("/files/changed_rows");
    assertThat(changes.size()).as("changed rows the sample plants").isPositive();
    Dataset<Row> versions = conformed(ConformedTables.RECORD_VERSION);
    for (JsonNode change : changes) {
      org.apache.spark.sql.Column matter = not(col("derived"))
          .and(org.apache.spark.sql.functions.array_contains(col("source_datasets"), change.get("dataset").asText()));
      for (var k : (Iterable<Map.Entry<String, JsonNode>>) change.get("key")::fields) {
        matter = matter.and(col("attributes").getItem(k.getKey()).equalTo(k.getValue().asText()));
      }
      String replaced = change.get("replaces").asText().substring(0, 7);
      String replacement = change.get("source_path").asText().substring(0, 7);
      Rows.assertRows("versions of the matter " + change.get("key") + " of " + change.get("dataset"),
          versions.where(matter).select(col("version_month"), col("attributes").getItem(change.get("column").asText()),
              col("first_delivery")),
          Rows.row(replaced, change.get("before").asText(), replaced),
          Rows.row(replacement, change.get("after").asText(), replaced));
    }
  }

  @Test
  void sanctionsFromBothSourcesAreMergedByDocNoOrByTheDecisionWindow() {
    // A merged record's zzb_cf row, looked up in raw: with a doc_no it was merged by doc_no, else by the window.
    Dataset<Row> zzbRows = records.where(col("category").equalTo("sanction"))
        .select(col("record_id"), col("source_datasets"), explode(col("provenance")).as("p"))
        .where(col("p.dataset").equalTo("zzb_cf"))
        .join(sample.table(spark, "raw/zzb_cf").as("raw"), col("p.source_path").equalTo(col("raw.source_path"))
            .and(col("p.row_number").equalTo(col("raw.row_number"))))
        .select(col("record_id"), col("source_datasets"), col("raw.doc_no").isNotNull().as("with_doc_no"))
        .distinct();
    JsonNode pairs = truth.at("/matters/sanctions");

    assertThat(zzbRows.where("size(source_datasets) = 2 AND with_doc_no").count()).as("merged by doc_no")
        .isEqualTo(pairs.get("merged_by_doc_no").asLong());
    assertThat(zzbRows.where("size(source_datasets) = 2 AND NOT with_doc_no").count()).as("merged by the 15-day window")
        .isEqualTo(pairs.get("merged_by_date_window").asLong());
    assertThat(records.where("category = 'sanction' AND source_datasets = array('jw_cf')").count()).as("jw_cf only")
        .isEqualTo(pairs.get("jw_only").asLong());
    assertThat(records.where("category = 'sanction' AND source_datasets = array('zzb_cf')").count()).as("zzb_cf only")
        .isEqualTo(pairs.get("zzb_only").asLong());
  }

  @Test
  void datasetStatsCountTheMergesAndTheExactDuplicates() {
    Dataset<Row> stats = conformed(ConformedTables.DATASET_STATS);
    JsonNode pairs = truth.at("/matters/sanctions");
    long exactDuplicates = StreamSupport.stream(stats.select("dataset").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList().spliterator(), false).mapToLong(d -> truth.at("/datasets/" + d + "/exact_duplicate_rows").asLong())
        .sum();

    assertThat(stats.where("dataset = 'zzb_cf'").select("cross_source_merges").first().getLong(0))
        .as("zzb_cf rows merged into jw_cf records")
        .isEqualTo(pairs.get("merged_by_doc_no").asLong() + pairs.get("merged_by_date_window").asLong());
    assertThat(stats.agg(org.apache.spark.sql.functions.sum("exact_duplicates")).first().getLong(0))
        .as("exact duplicate rows of the person-level datasets").isEqualTo(exactDuplicates);
    for (Row row : stats.collectAsList()) {
      String dataset = row.getAs("dataset");
      assertThat(row.<Long>getAs("rows_in")).as("rows in of " + dataset)
          .isEqualTo(truth.at("/datasets/" + dataset + "/raw_rows").asLong())
          .isEqualTo(row.<Long>getAs("not_person_records") + row.<Long>getAs("exact_duplicates")
              + row.<Long>getAs("superseded_versions") + row.<Long>getAs("matters"));
    }
  }

  @Test
  void unresolvedPetitionsAreTheGroundTruthsWithTheirCandidates() {
    Dataset<Row> keys = conformed(ConformedTables.CADRE_HISTORY).select("id_number", "person_key").distinct();
    StructType shape = new StructType().add("petition_no", "string").add("reason", "string").add("candidate_id", "string");
    List<Row> expected = sample.truthLines("unresolved").stream().flatMap(line -> {
      String reason = line.get("kind").asText().equals("ambiguous")
          ? "several cadres of this name in this unit on the event date"
          : "no cadre of this name in this unit on the event date";
      List<String> ids = StreamSupport.stream(line.get("candidates").spliterator(), false).map(JsonNode::asText).toList();
      return (ids.isEmpty() ? Stream.of((String) null) : ids.stream())
          .map(id -> RowFactory.create(line.get("petition_no").asText(), reason, id));
    }).toList();
    Dataset<Row> expectedKeys = spark.createDataFrame(expected, shape)
        .join(keys.withColumnRenamed("id_number", "candidate_id"), new String[] {"candidate_id"}, "left")
        .select("petition_no", "reason", "person_key");

    Dataset<Row> actual = conformed(ConformedTables.UNRESOLVED_RECORD).where(col("dataset").equalTo("xf_jb"))
        .selectExpr("record_key AS petition_no", "reason", "explode_outer(candidates) AS person_key");

    Rows.assertSameRows("unresolved petitions, one row per candidate", actual, expectedKeys);
    JsonNode petitions = truth.at("/petitions");
    assertThat(records.where(col("category").equalTo("petition")).count()).as("petitions resolved to one cadre")
        .isEqualTo(petitions.get("resolved").asLong());
  }

  @Test
  void cadreHistoryHasTheGroundTruthsIntervalsThoughOneRosterGivesPostSinceAsAYearMonthOnly() {
    JsonNode careers = truth.get("careers");
    JsonNode planted = careers.get("month_only_rosters");
    assertThat(planted.size()).as("rosters giving post_since as a year-month only").isEqualTo(1);
    String path = planted.get(0).get("source_path").asText();
    Dataset<Row> plantedRows = RawTables.typed(sample.table(spark, "raw/zzb_roster"),
        sample.settings().datasets().get("zzb_roster")).where(col(Provenance.SOURCE_PATH).equalTo(path));
    Dataset<Row> history = conformed(ConformedTables.CADRE_HISTORY);

    assertThat(plantedRows.count()).as("rows of " + path + " landed").isPositive();
    assertThat(plantedRows.where(not(col(RawTables.monthOnly("post_since")))).count())
        .as("of them, rows whose post_since conform reads as a full date").isZero();
    assertThat(history.select("id_number").distinct().count()).as("cadres in cadre_history")
        .isEqualTo(careers.get("persons").asLong());
    assertThat(history.count()).as("cadre_history intervals = the ground truth's runs of an unchanged roster row, "
        + "in which the year-month of " + path + " agrees with the full date (issue 22, defect 6)")
        .isEqualTo(careers.get("intervals").asLong());
  }

  @Test
  void revokedRecordsAreTheGroundTruths() {
    assertThat(records.where("NOT derived AND state = 'revoked'").count()).as("revoked source records")
        .isEqualTo(truth.at("/matters/revoked").asLong());
  }

  @Test
  void derivedRecordsAreTheGroundTruths() {
    JsonNode derived = truth.at("/derived");
    Map<String, Long> expected = new TreeMap<>();
    expected.put("unfiled_travel", derived.get("unfiled_travel").asLong());
    expected.put("late_instant_report", derived.get("late_instant_report").asLong());
    derived.get("leave_irregularity").fields().forEachRemaining(e -> expected.put("leave_irregularity/" + e.getKey(),
        e.getValue().asLong()));

    Map<String, Long> actual = new TreeMap<>();
    records.where("derived AND state = 'active'")
        .selectExpr("IF(category = 'leave_irregularity', category || '/' || sub_category, category) AS kind")
        .groupBy("kind").count().collectAsList().forEach(r -> actual.put(r.getString(0), r.getLong(1)));

    assertThat(actual).as("active derived records as of the last delivery").isEqualTo(expected);
  }

  @Test
  void idsDeliveredInTheFifteenDigitFormFindTheirCadre() {
    // Landing converts a 15-digit ID; the raw row keeps what was written in raw_values.
    Dataset<Row> fifteen = sample.table(spark, "raw/zzb_kh")
        .where(length(col("raw_values").getItem("身份证号")).equalTo(15))
        .select(col("id_number"), col("year").cast("string").as("year"));
    Dataset<Row> assessments = records.where(col("category").equalTo("assessment"))
        .select(col("id_number"), col("attributes").getItem("year").as("year"));

    assertThat(fifteen.count()).as("assessment rows delivered with a 15-digit ID").isPositive();
    assertThat(fifteen.join(assessments, new String[] {"id_number", "year"}, "left_anti").count())
        .as("of them, assessments that are not a record of the cadre with the converted ID").isZero();
  }

  @Test
  void conformingTheSampleAgainWritesNothing() {
    ConformJob.Result again = new ConformJob(sample.context(spark, "conform-again")).run();

    assertThat(again.headline()).as("second conform of the same raw layer")
        .startsWith("nothing new since the last conform");
  }

  @Test
  void sampleDossierPageIsOfTheCadreWithTheMostKindsOfRecordsAndMasksTheId() {
    JobContext context = sample.context(spark, "dossier-page");
    String key = DossierPage.example(context).orElseThrow();
    String page = DossierPage.render(context, key).orElseThrow();
    Row cadre = conformed(ConformedTables.DOSSIER).where(col("person_key").equalTo(key)).first();
    long mostKinds = records.join(conformed(ConformedTables.DOSSIER).select("person_key"), "person_key")
        .groupBy("person_key").agg(count_distinct(col("category")).as("kinds")).agg(max("kinds")).first().getLong(0);

    assertThat(records.where(col("person_key").equalTo(key)).select("category").distinct().count())
        .as("kinds of records of the cadre shown").isEqualTo(mostKinds);
    assertThat(page).as("the page").contains("姓名 " + cadre.getAs("name"), DossierPage.masked(cadre.getAs("id_number")))
        .doesNotContain((String) cadre.getAs("id_number"));
  }

  @Test
  void analyseReadsTheConformedLayer() {
    assertThat(sample.table(spark, "analysed/cadre_score").count()).as("cadre scores computed from conformed records")
        .isPositive();
  }
}
