package dossier.analyse.input;

import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Unit-level inputs, which are not person records and so are read from the raw layer as
 * delivered by the as-of month (see {@link LatestDelivery}): efficiency warnings on units
 * (xn_yj with target_type 单位), team assessments (zzb_bzkh) and party-building scores (dj_kh).
 */
public final class UnitRecords {
  public static final String EFFICIENCY = "xn_yj";
  public static final String TEAM_ASSESSMENT = "zzb_bzkh";
  public static final String PARTY_BUILDING = "dj_kh";
  /** xn_yj target_type of a warning on a unit. */
  static final String ON_UNIT = "单位";

  private UnitRecords() {}

  /** One row per efficiency warning on a unit: warning_no, unit_code, level, issued (date), points. */
  public static Dataset<Row> efficiencyWarnings(Dataset<Row> rawXnYj, YearMonth asOf) {
    return LatestDelivery.asDeliveredBy(rawXnYj, List.of("warning_no"), asOf)
        .filter(col("target_type").equalTo(ON_UNIT))
        .select("warning_no", "unit_code", "level", "issued", "points");
  }

  /** One row per unit and year: unit_code, year and the factor score columns. */
  public static Dataset<Row> teamAssessments(Dataset<Row> rawZzbBzkh, Collection<String> factors, YearMonth asOf) {
    List<Column> columns = new ArrayList<>(List.of(col("unit_code"), col("year")));
    factors.forEach(f -> columns.add(col(f)));
    return LatestDelivery.asDeliveredBy(rawZzbBzkh, List.of("unit_code", "year"), asOf)
        .select(columns.toArray(Column[]::new));
  }

  /** One row per unit and assessment period (2024 or 2024Q2): unit_code, period, score. */
  public static Dataset<Row> partyBuilding(Dataset<Row> rawDjKh, YearMonth asOf) {
    return LatestDelivery.asDeliveredBy(rawDjKh, List.of("unit_code", "period"), asOf)
        .select("unit_code", "period", "score");
  }
}
