package dossier.analyse.trigger;

import static dossier.analyse.Fixtures.date;
import static dossier.analyse.Fixtures.dec;
import static dossier.analyse.Fixtures.post;
import static dossier.analyse.Fixtures.reason;
import static dossier.analyse.Fixtures.record;
import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;

import dossier.analyse.Fixtures;
import dossier.analyse.Fixtures.RecordVersion;
import dossier.analyse.Rules;
import dossier.analyse.input.RecordVersions;
import dossier.analyse.score.LineRules;
import dossier.analyse.score.ScoreTransforms;
import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

@SparkTest
class TriggerTransformsTest {
  private static final LineRules RULES = Rules.shipped().lines();

  private static Dataset<Row> triggers(SparkSession spark, YearMonth asOf, RecordVersion... versions) {
    return triggers(spark, asOf, Fixtures.versions(spark, versions));
  }

  private static Dataset<Row> triggers(SparkSession spark, YearMonth asOf, Dataset<Row> versions) {
    Dataset<Row> counted = RecordVersions.countedIntervals(versions, asOf);
    return TriggerTransforms.triggers(ScoreTransforms.series(counted, RULES, asOf),
        TriggerTransforms.actions(RecordVersions.deliveredBy(counted, asOf)),
        Fixtures.cadreHistory(spark, post("p1", "U1", "副职", null, null)), RULES, asOf);
  }

  private static RecordVersion points(String id, String date, int points, String delivered) {
    return record(id).category("efficiency").on(date).points(points).delivered(delivered);
  }

  @Test
  void aTriggerIsRaisedAtTheFirstMonthEndTheLineIsReachedWithItsEvidence(SparkSession spark) {
    // 1 + 2 = 3 ≥ 3 at the end of February: reminder.
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 2),
        points("r1", "2024-01-10", 1, "2024-01"), points("r2", "2024-02-03", 2, "2024-02"));

    Rows.assertRows("one reminder trigger", out.select(col("person_key"), col("unit_code"), col("role"), col("line"),
            col("line_label"), col("raised_month"), col("raised_on"), col("score_at_raise"), col("reasons"),
            col("evidence.record_id"), col("status"), col("days_open")),
        row("p1", "U1", "副职", "reminder", "提醒", "2024-02", date("2024-02-29"), dec("3"),
            List.of(reason("lines.reminder.score-at-least", "S = 3.00 ≥ 3")), List.of("r1", "r2"), "open", 0));
    // 24 hex characters: never a run of 15 to 19 digits that the curated layer's ID check would stop.
    Rows.assertRows("its id", out.select("trigger_id"), row(sha256Hex("p1|reminder|2024-02").substring(0, 24)));
  }

  private static String sha256Hex(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aLateRecordDatesTheTriggerToItsDeliveryNotToItsEventMonth(SparkSession spark) {
    // r2 is dated February but delivered in April: the line computed from the records delivered
    // by each month-end first reaches 3 (2 + 2 = 4) at the end of April.
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 4),
        points("r1", "2024-01-10", 2, "2024-01"), points("r2", "2024-02-03", 2, "2024-04"));

    Rows.assertRows("raised when the data showed it", out.select("line", "raised_month", "score_at_raise"),
        row("reminder", "2024-04", dec("4")));
  }

  @Test
  void anOpenTriggerIsOverdueStrictlyAfterThirtyDays(SparkSession spark) {
    Dataset<Row> versions = Fixtures.versions(spark, points("r1", "2024-03-10", 3, "2024-03"));

    // Raised on 2024-03-31: 30 days later (2024-04-30) it is still open; 61 days later overdue.
    Rows.assertRows("30 days", triggers(spark, YearMonth.of(2024, 4), versions).select("status", "days_open"),
        row("open", 30));
    Rows.assertRows("61 days", triggers(spark, YearMonth.of(2024, 5), versions).select("status", "days_open"),
        row("overdue", 61));
  }

  @Test
  void anActionOfTheKindIssuedOnOrAfterTheRaiseClosesTheTrigger(SparkSession spark) {
    // Raised 2024-01-31 (S = 3); 提醒 issued 2024-02-10 (its own point makes S = 4, still reminder).
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 3), points("r1", "2024-01-10", 3, "2024-01"),
        record("a1").admonition("提醒").attr("doc_no", "海组提〔2024〕3号").on("2024-02-10").points(1).delivered("2024-02"));

    Rows.assertRows("closed by a1", out.select("line", "status", "status_on", "days_open", "closing_record_id",
            "closing_kind", "closing_doc_no"),
        row("reminder", "closed", date("2024-02-10"), 10, "a1", "提醒", "海组提〔2024〕3号"));
  }

  @Test
  void anActionIssuedInTheMonthOfTheRaiseAnswersIt(SparkSession spark) {
    // The 提醒 of 2024-01-05 itself scores 1: 3 + 1 = 4 at the end of January raises the trigger,
    // which that same month's action answers.
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 1), points("r1", "2024-01-10", 3, "2024-01"),
        record("a1").admonition("提醒").on("2024-01-05").points(1).delivered("2024-01"));

    Rows.assertRows("answered", out.select("raised_on", "status", "status_on", "days_open", "closing_record_id"),
        row(date("2024-01-31"), "closed", date("2024-01-05"), 0, "a1"));
  }

  @Test
  void anActionIssuedBeforeTheMonthOfTheRaiseDoesNotAnswerIt(SparkSession spark) {
    // End of December: S = 1 (the 提醒 of 2023-12-20); end of January: 1 + 3 = 4, raised.
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 1), points("r1", "2024-01-10", 3, "2024-01"),
        record("a1").admonition("提醒").on("2023-12-20").points(1).delivered("2023-12"));

    Rows.assertRows("still open", out.select("raised_on", "status", "closing_record_id"),
        row(date("2024-01-31"), "open", null));
  }

  @Test
  void aWeakerActionLeavesAStrongerTriggerOpenAndAStrongerOneClosesEveryWeakerTrigger(SparkSession spark) {
    // End of Jan: S = 3, reminder. End of Mar: 3 + 3 = 6, inquiry. 提醒 on 2024-04-02 (S = 7) answers
    // only the reminder trigger; 函询 on 2024-05-06 (S = 9) answers the inquiry trigger.
    RecordVersion[] history = {points("r1", "2024-01-10", 3, "2024-01"), points("r2", "2024-03-10", 3, "2024-03"),
        record("a1").admonition("提醒").on("2024-04-02").points(1).delivered("2024-04")};
    Rows.assertRows("as of April", triggers(spark, YearMonth.of(2024, 4), history)
            .select("line", "raised_month", "status", "closing_record_id"),
        row("reminder", "2024-01", "closed", "a1"),
        // raised 2024-03-31: 30 days by 2024-04-30, not yet overdue
        row("inquiry", "2024-03", "open", null));

    RecordVersion[] withInquiry = Arrays.copyOf(history, 4);
    withInquiry[3] = record("a2").admonition("函询").on("2024-05-06").points(2).delivered("2024-05");
    Rows.assertRows("as of May", triggers(spark, YearMonth.of(2024, 5), withInquiry)
            .select("line", "status", "closing_record_id"),
        row("reminder", "closed", "a1"),
        row("inquiry", "closed", "a2"));
  }

  @Test
  void aTriggerIsWithdrawnWhenTheLineFallsBeforeAnyAction(SparkSession spark) {
    RecordVersion r1 = points("r1", "2024-01-10", 3, "2024-01");
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 4), r1, r1.againIn("2024-03").revoked(),
        // an action after the fall does not revive the trigger
        record("a1").admonition("提醒").on("2024-04-02").points(1).delivered("2024-04"));

    Rows.assertRows("withdrawn at the end of March", out.select("status", "status_on", "days_open", "withdrawn_reason"),
        row("withdrawn", date("2024-03-31"), 60,
            "S = 0.00 and line none at 2024-03, below 提醒; no longer counted: r1 (revoked or corrected)"));
  }

  @Test
  void aTriggerIsWithdrawnWhenItsRecordsLeaveTheWindow(SparkSession spark) {
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 1), points("r1", "2023-01-15", 3, "2023-01"));

    // The window of 2024-01 starts 2023-02-01: r1 has left it.
    Rows.assertRows("withdrawn", out.select("raised_month", "status", "withdrawn_reason"),
        row("2023-01", "withdrawn", "S = 0.00 and line none at 2024-01, below 提醒; no longer counted: r1 (left the window)"));
  }

  @Test
  void severeRecordsAndPetitionFindingsRaiseTheirLinesWithTheirReasons(SparkSession spark) {
    Dataset<Row> out = triggers(spark, YearMonth.of(2024, 1),
        record("r1").person("p1").category("police").on("2024-01-03").points(4).severe().delivered("2024-01"),
        record("r2").person("p2").category("petition").attr("finding", "查实").on("2024-01-04").points(3)
            .delivered("2024-01"));

    Rows.assertRows("lines and reasons", out.select("person_key", "line", "reasons"),
        row("p1", "admonishment", List.of(reason("lines.admonishment.or-any-severe", "severe records: r1"))),
        // S = 3 < 6: only the finding holds for inquiry
        row("p2", "inquiry", List.of(reason("lines.inquiry.or-petition-findings", "petition findings [查实]: r2"))));
  }

  @Test
  void oneRunOverAllHistoryGivesTheTriggersOfOneRunPerMonth(SparkSession spark) {
    RecordVersion r3 = points("r3", "2024-02-20", 3, "2024-02");
    Dataset<Row> all = Fixtures.versions(spark,
        points("r1", "2024-01-10", 2, "2024-01"),
        points("r2", "2024-01-25", 2, "2024-03"), // late
        r3, r3.againIn("2024-04").revoked(),
        points("r4", "2024-05-02", 6, "2024-05"),
        record("a1").admonition("函询").on("2024-06-03").points(2).delivered("2024-06"));
    YearMonth last = YearMonth.of(2024, 6);

    // As delivered by each month-end: Jan S = 2; Feb 2 + 3 = 5 (reminder raised); Mar + r2 = 7
    // (inquiry raised); Apr r3 revoked, 4 (inquiry withdrawn); May + r4 = 10 (admonishment raised);
    // Jun + a1 = 12 (函询 closes the reminder trigger, not the admonishment one).
    Dataset<Row> once = triggers(spark, last, all);
    Rows.assertRows("the single run", once.select("line", "raised_month", "status"),
        row("reminder", "2024-02", "closed"),
        row("inquiry", "2024-03", "withdrawn"),
        row("admonishment", "2024-05", "open"));
    for (YearMonth m = YearMonth.of(2024, 1); !m.isAfter(last); m = m.plusMonths(1)) {
      // the lake as it stood after month m's delivery
      Dataset<Row> monthly = triggers(spark, m, all.filter(col("version_month").leq(m.toString())));
      Rows.assertSameRows("the run of " + m + " raised the single run's triggers up to " + m,
          monthly.select("trigger_id", "line", "raised_month"),
          once.filter(col("raised_month").leq(m.toString())).select("trigger_id", "line", "raised_month"));
    }
  }
}
