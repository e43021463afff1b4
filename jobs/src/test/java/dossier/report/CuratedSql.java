package dossier.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import dossier.lake.Lake;
import dossier.lake.Lake.Zone;

/**
 * The tests' independent reading of the curated layer: DuckDB over the Parquet files, as a BI
 * tool reads them, and the reports as written, so that a figure shown can be compared with the
 * one recomputed.
 *
 * @param lake the lake the reports and tables are in
 * @param asOf the as-of month reported
 */
record CuratedSql(Lake lake, YearMonth asOf) {
  /** {@code read_parquet(…)} of a restated curated table, e.g. {@code open/agg_unit_period}. */
  String parquet(String table) {
    return "read_parquet('" + lake.root() + "/curated/" + table + "/*.parquet')";
  }

  /** The rows of a DuckDB query, each as its columns joined by "|" (SQL null as "—"). */
  List<String> rows(String query, int columns) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rows = connection.createStatement().executeQuery(query)) {
      List<String> out = new ArrayList<>();
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          String value = rows.getString(i);
          values.add(value == null ? Cell.MISSING : value);
        }
        out.add(String.join("|", values));
      }
      return out;
    } catch (SQLException e) {
      throw new AssertionError("DuckDB: " + e.getMessage() + "\n" + query, e);
    }
  }

  /** Records per category in the given periods (first one's suppressed unit figures counted), as the report sums them. */
  List<String> recordsByCategory(String periodType, List<String> periods) {
    StringBuilder query = new StringBuilder("SELECT category");
    for (String period : periods) {
      query.append(", coalesce(sum(records) FILTER (WHERE period = '").append(period).append("'), 0)");
    }
    query.append(", count(*) FILTER (WHERE period = '").append(periods.get(0)).append("' AND records IS NULL) FROM ")
        .append(parquet("open/agg_unit_period")).append(" WHERE period_type = '").append(periodType)
        .append("' AND period IN ('").append(String.join("', '", periods)).append("') AND category <> 'all' ")
        .append("GROUP BY category");
    return rows(query.toString(), periods.size() + 2);
  }

  /** The report's records-by-category rows in the same shape, categories back to their codes. */
  static List<String> shownByCategory(ParsedReport report, ReportSettings settings, int periods) {
    return report.rows("records-by-category").stream().map(r -> {
      List<String> values = new ArrayList<>();
      values.add(settings.categories().entrySet().stream().filter(e -> e.getValue().equals(r.get("category").text()))
          .map(java.util.Map.Entry::getKey).findFirst().orElse(r.get("category").text()));
      for (int i = 0; i < periods; i++) {
        values.add(value(r.get(ReportTransforms.RECORDS + i)));
      }
      values.add(value(r.get(ReportTransforms.SUPPRESSED_UNITS)));
      return String.join("|", values);
    }).toList();
  }

  /** A figure as its exact published value, else as shown. */
  static String value(ParsedReport.ParsedCell cell) {
    return cell.value().map(BigDecimal::toPlainString).orElse(cell.text());
  }

  String html(String kind, Zone zone) {
    try {
      return Files.readString(Path.of(ReportJob.path(lake, asOf, kind, zone)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ParsedReport report(String kind, Zone zone) {
    return ParsedReport.parse(html(kind, zone));
  }
}
