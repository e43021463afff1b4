package dossier.conform.dossier;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;

import dossier.conform.ConformedTables;
import dossier.conform.settings.ConformSettings;
import dossier.job.JobContext;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One cadre's dossier (一人一档) as plain text for a terminal: identity (the ID masked), current post, unit and
 * post history, record counts by category, every record with its date, unit, points and sources,
 * the 12-month score, the latest assessment. Reads conformed/dossier and conformed/supervision_record.
 *
 * <pre>
 *   DossierPage.example(context).flatMap(key -&gt; DossierPage.render(context, key)).ifPresent(console::line);
 * </pre>
 */
public final class DossierPage {
  private static final int WIDTH = 96;

  private DossierPage() {}

  /**
   * A current cadre worth showing: the one with the most kinds of records (then the most records,
   * then the smallest person_key, so the choice is stable). Empty when no current cadre has a record.
   */
  public static Optional<String> example(JobContext context) {
    Dataset<Row> records = table(context, ConformedTables.SUPERVISION_RECORD);
    Dataset<Row> current = table(context, ConformedTables.DOSSIER).select("person_key");
    List<Row> best = records.join(current, "person_key").groupBy("person_key")
        .agg(count_distinct(col("category")).as("kinds"), count(lit(1)).as("records"))
        .orderBy(desc("kinds"), desc("records"), col("person_key")).limit(1).collectAsList();
    return best.stream().map(r -> r.getString(0)).findFirst();
  }

  /** The dossier of the current cadre with this person_key; empty when there is none. */
  public static Optional<String> render(JobContext context, String personKey) {
    List<Row> dossier = table(context, ConformedTables.DOSSIER).where(col("person_key").equalTo(personKey)).collectAsList();
    if (dossier.isEmpty()) {
      return Optional.empty();
    }
    List<Row> records = table(context, ConformedTables.SUPERVISION_RECORD).where(col("person_key").equalTo(personKey))
        .orderBy(col("event_date"), col("category"), col("record_id")).collectAsList();
    return Optional.of(page(dossier.get(0), records, ConformSettings.from(context.settings()).categories()));
  }

  /** The page of one dossier row and the cadre's supervision records (in display order). */
  public static String page(Row d, List<Row> records, Map<String, String> labels) {
    List<String> lines = new ArrayList<>();
    lines.add(Text.spread("一人一档 干部监督档案  cadre dossier", "数据截至 as of " + d.getAs("as_of_month"), WIDTH));
    lines.add("═".repeat(WIDTH));
    lines.add(String.format("姓名 %s    性别 %s    出生 %s    身份证号 %s    person_key %s", d.getAs("name"),
        orDash(d.getAs("gender")), orDash(d.getAs("birth_year")), masked(d.getAs("id_number")), shortKey(d.getAs("person_key"))));
    lines.add(String.format("现任 %s (%s) · %s · %s · %s · 班子成员 %s · 任现职 %s", orDash(d.getAs("unit_name")),
        d.getAs("unit_code"), d.getAs("post"), d.getAs("rank"), d.getAs("role"), orDash(d.getAs("team_member")),
        orDash(d.getAs("post_since"))));
    lines.add("");
    lines.add("任职经历  unit and post history");
    for (Row h : d.<Row>getList(d.fieldIndex("history"))) {
      String from = h.isNullAt(0) ? "首份名册前" : h.getDate(0).toString();
      String to = h.isNullAt(1) ? "至今" : h.getDate(1).toString();
      lines.add("  " + Text.pad(from + " – " + to, 26) + Text.pad(orDash(h.getAs("unit_name")) + " (" + h.getAs("unit_code") + ")", 24)
          + Text.pad(String.valueOf(h.<String>getAs("post")), 14) + h.getAs("rank") + " " + h.getAs("role"));
    }
    lines.add("");
    Map<String, Long> total = d.getJavaMap(d.fieldIndex("record_counts"));
    Map<String, Long> recent = d.getJavaMap(d.fieldIndex("record_counts_12m"));
    lines.add(Text.spread("监督记录  records by category (active)",
        "近12个月得分 score " + ((BigDecimal) d.getAs("score_12m")).toPlainString(), WIDTH));
    lines.add("  " + Text.pad("类别 category", 34) + Text.padLeft("合计 all", 10) + Text.padLeft("近12月 12m", 12));
    labels.forEach((code, label) -> {
      if (total.containsKey(code)) {
        lines.add("  " + Text.pad(label + " " + code, 34) + Text.padLeft(String.valueOf(total.get(code)), 10)
            + Text.padLeft(String.valueOf(recent.getOrDefault(code, 0L)), 12));
      }
    });
    lines.add("");
    lines.add("  " + Text.pad("日期 date", 12) + Text.pad("类别 category", 18) + Text.pad("细类 sub-category", 24)
        + Text.padLeft("分 pts", 7) + "  " + Text.pad("单位 unit", 10) + Text.pad("来源 sources", 18) + "状态 state");
    lines.add("  " + "─".repeat(WIDTH - 2));
    for (Row r : records) {
      String state = "revoked".equals(r.getAs("state")) ? "撤销 " + r.getAs("revoked_month") : "";
      String severe = Boolean.TRUE.equals(r.getAs("severe")) ? " 严重" : "";
      lines.add("  " + Text.pad(((Date) r.getAs("event_date")).toString(), 12)
          + Text.pad(labels.getOrDefault(r.<String>getAs("category"), r.getAs("category")), 18)
          + Text.pad(orDash(r.getAs("sub_category")), 24)
          + Text.padLeft(((BigDecimal) r.getAs("points")).toPlainString(), 7) + "  "
          + Text.pad(orDash(r.getAs("unit_code")), 10)
          + Text.pad(String.join("+", r.<String>getList(r.fieldIndex("source_datasets")))
              + (Boolean.TRUE.equals(r.getAs("derived")) ? " 推导" : ""), 18)
          + (state + severe).strip());
    }
    lines.add("");
    Row assessment = d.getAs("latest_assessment");
    lines.add("最近年度考核 latest assessment: "
        + (assessment == null ? "—" : assessment.getAs("year") + " " + assessment.getAs("grade")));
    lines.add("═".repeat(WIDTH));
    return String.join("\n", lines);
  }

  private static Dataset<Row> table(JobContext context, ConformedTables table) {
    SparkSession spark = context.spark();
    return spark.read().format("delta").load(context.lake().conformed(table.table()));
  }

  /** An ID number as a page may show it: the region code and the last four characters (the birth date hidden). */
  public static String masked(String id) {
    if (id.length() < 10) { // not a real ID (tests): nothing of it is shown
      return "*".repeat(id.length());
    }
    return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
  }

  private static String shortKey(String key) {
    return key.substring(0, 8) + "…";
  }

  private static String orDash(Object value) {
    return value == null ? "—" : value.toString();
  }
}
