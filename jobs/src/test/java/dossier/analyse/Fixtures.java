package dossier.analyse;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny in-memory stand-ins for the conformed tables (docs/architecture.md, "Conformed (silver)"),
 * built with a readable fluent notation: {@code record("r1").person("p1").unit("U1").sanction("警告")
 * .on("2024-03-05").points(4).delivered("2024-03")}.
 */
public final class Fixtures {
  public static final String RECORD_VERSION_DDL = "record_id string, person_key string, unit_code string, "
      + "category string, sub_category string, event_date date, points decimal(9,2), severe boolean, "
      + "state string, revoked_month string, attributes map<string,string>, version_month string";
  public static final String CADRE_HISTORY_DDL =
      "person_key string, unit_code string, role string, valid_from date, valid_to date";
  public static final String UNIT_HISTORY_DDL =
      "unit_code string, unit_name string, unit_type string, valid_from date, valid_to date";

  private Fixtures() {}

  public static RecordVersion record(String recordId) {
    return new RecordVersion(recordId);
  }

  public static Dataset<Row> versions(SparkSession spark, RecordVersion... versions) {
    return spark.createDataFrame(Arrays.stream(versions).map(RecordVersion::row).toList(),
        StructType.fromDDL(RECORD_VERSION_DDL));
  }

  /** A cadre's post from {@code from} (inclusive, null = before the first snapshot) to {@code to} (exclusive, null = open). */
  public static Object[] post(String person, String unit, String role, String from, String to) {
    return new Object[] {person, unit, role, date(from), date(to)};
  }

  public static Dataset<Row> cadreHistory(SparkSession spark, Object[]... posts) {
    return rows(spark, CADRE_HISTORY_DDL, posts);
  }

  public static Object[] unit(String code, String name, String type, String from, String to) {
    return new Object[] {code, name, type, date(from), date(to)};
  }

  public static Dataset<Row> unitHistory(SparkSession spark, Object[]... units) {
    return rows(spark, UNIT_HISTORY_DDL, units);
  }

  public static Dataset<Row> rows(SparkSession spark, String ddl, Object[]... rows) {
    return spark.createDataFrame(Arrays.stream(rows).map(RowFactory::create).toList(), StructType.fromDDL(ddl));
  }

  /** An expected reason (a struct of rule and detail) of a {@code reasons} column. */
  public static Row reason(String rule, String detail) {
    return RowFactory.create(rule, detail);
  }

  public static Date date(String isoDate) {
    return isoDate == null ? null : Date.valueOf(isoDate);
  }

  public static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }

  /** One version of a supervision record; every field but the id has a harmless default. */
  public static final class RecordVersion {
    private final String recordId;
    private String person = "p1";
    private String unit = "U1";
    private String category = "leave";
    private String subCategory;
    private String eventDate = "2024-01-15";
    private BigDecimal points = BigDecimal.ZERO;
    private boolean severe;
    private String state = "active";
    private String revokedMonth;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private String versionMonth;

    private RecordVersion(String recordId) {
      this.recordId = recordId;
    }

    public RecordVersion person(String personKey) {
      person = personKey;
      return this;
    }

    public RecordVersion unit(String unitCode) {
      unit = unitCode;
      return this;
    }

    public RecordVersion category(String code) {
      category = code;
      return this;
    }

    public RecordVersion sub(String code) {
      subCategory = code;
      return this;
    }

    public RecordVersion on(String isoDate) {
      eventDate = isoDate;
      return this;
    }

    public RecordVersion points(String value) {
      points = new BigDecimal(value);
      return this;
    }

    public RecordVersion points(int value) {
      points = BigDecimal.valueOf(value);
      return this;
    }

    public RecordVersion severe() {
      severe = true;
      return this;
    }

    public RecordVersion attr(String name, String value) {
      attributes.put(name, value);
      return this;
    }

    /** A sanction (category sanction) of this kind. */
    public RecordVersion sanction(String kind) {
      return category("sanction").sub(kind).attr("sanction", kind);
    }

    /** An issued reminder / inquiry letter / admonishment (category admonition) of this kind. */
    public RecordVersion admonition(String kind) {
      return category("admonition").sub(kind).attr("kind", kind);
    }

    /** The version delivered in this month (its version_month). */
    public RecordVersion delivered(String month) {
      versionMonth = month;
      return this;
    }

    /** This version revokes the record from its delivery month on. */
    public RecordVersion revoked() {
      state = "revoked";
      revokedMonth = versionMonth;
      return this;
    }

    /** The same record delivered again in a later month (a new version), other fields kept. */
    public RecordVersion againIn(String month) {
      RecordVersion next = new RecordVersion(recordId);
      next.person = person;
      next.unit = unit;
      next.category = category;
      next.subCategory = subCategory;
      next.eventDate = eventDate;
      next.points = points;
      next.severe = severe;
      next.attributes.putAll(attributes);
      next.versionMonth = month;
      return next;
    }

    Row row() {
      if (versionMonth == null) {
        throw new IllegalStateException(recordId + ": say when it was delivered");
      }
      return RowFactory.create(recordId, person, unit, category, subCategory, date(eventDate), points, severe, state,
          revokedMonth, scala.jdk.javaapi.CollectionConverters.asScala(attributes), versionMonth);
    }

    @Override
    public String toString() {
      return List.of(recordId, person, category, eventDate, points, versionMonth).toString();
    }
  }
}
