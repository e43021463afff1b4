package dossier.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generator delivered, for tests to check the pipeline against without re-deriving it.
 * Written beside the landing folder {@code <parent>/<name>}: the summary
 * {@code <name>-ground-truth.json}, and three JSON-lines files whose size grows with the data
 * ({@code <name>-ground-truth-files.jsonl}, {@code -invalid-rows.jsonl},
 * {@code -unresolved.jsonl}).
 *
 * <h2>Summary fields</h2>
 * <ul>
 *   <li>{@code seed}, {@code cadres}, {@code months}, {@code history_start}, {@code backfill_delivery}
 *       (the folder holding all history before the window), {@code first_delivery}, {@code last_delivery}
 *       (yyyy-MM), {@code as_of} (the last delivery's last day: derived records are counted as of it),
 *       {@code detail_files} (names of the JSON-lines files).
 *   <li>{@code files}: {@code total}; {@code by_status} (landed / skipped / replaced / superseded /
 *       rejected, the landing manifest's statuses); {@code skipped} [{source_path, same_as}],
 *       {@code replaced} [{source_path, replaces}], {@code superseded} [{source_path, superseded_by}],
 *       {@code changed_rows} [{dataset, source_path, replaces, key {column: value}, column, before,
 *       after}] (the one matter a replacement changes: delivered with {@code before} in the month of
 *       the version it replaces, with {@code after} from the replacement's),
 *       {@code rejected} [{source_path, reason, column, headers, resent_as}] (the missing required
 *       column, its canonical name and accepted spellings, and the {@code _n} file of the next
 *       month that re-sends the rows).
 *   <li>{@code datasets}: per dataset {@code files}, {@code data_rows} (every row under the header of
 *       every file, skipped copies included), {@code raw_rows} (rows the raw table holds after landing
 *       everything: valid rows of landed, replacing and replaced files), {@code quarantined_rows} (invalid rows
 *       of those files), {@code rejected_rows} (rows of files rejected as a whole),
 *       {@code exact_duplicate_rows}, {@code matters} (distinct business keys delivered),
 *       {@code late_matters} (first delivered in the window after the month of their event),
 *       {@code correction_rows} (更正 rows), {@code corrected_matters}, {@code revoked_matters}
 *       (matters whose last delivered row is 撤销).
 *   <li>{@code invalid_rows}: {@code total} and {@code by_reason} (id_check_digit, id_length,
 *       id_birth_date, required_missing, unknown_code, unparseable_date, out_of_range). Every invalid
 *       row is listed in the invalid-rows file; a rejected file's rows are not invalid rows (its
 *       reason is in the rejected list).
 *   <li>{@code matters}: {@code by_category} (distinct person records per category of the conformed
 *       layer after deduplication, revoked ones included, petitions only when they resolve to one
 *       cadre, derived records not included); {@code unit_records} (zzb_bzkh, dj_kh and unit
 *       warnings of xn_yj, per dataset); {@code revoked}; {@code corrections} {rows, matters};
 *       {@code sanctions} {jw_only, zzb_only, merged_by_doc_no, merged_by_date_window};
 *       {@code exact_duplicate_rows}; {@code petition_resends} (petition rows after each petition's
 *       first delivered row).
 *   <li>{@code petitions}: {@code distinct}, {@code without_id}, {@code invalid_id_set_aside},
 *       {@code resolved}, {@code unresolved} {no_match, ambiguous}; each unresolved petition is listed in
 *       the unresolved file.
 *   <li>{@code derived}: {@code unfiled_travel}, {@code leave_irregularity} by kind (未经批准离岗,
 *       逾期销假, 超期未销假), {@code late_instant_report}, computed by the windows of
 *       dossier.rules.derived over the last delivered version of each matter.
 *   <li>{@code careers}: from the roster snapshots: {@code snapshots}, {@code persons} (distinct IDs),
 *       {@code intervals} (per person, runs of consecutive snapshots with an identical canonical roster
 *       row, the unit's name aside: cadre_history's intervals), {@code unit_changes}, {@code role_changes},
 *       {@code leavers}, {@code rejoiners}, {@code new_cadres}; {@code month_only_rosters}
 *       [{source_path, file_month, column, rows}]: the rosters whose every row (data rows, invalid
 *       copies included) gives {@code column} (post_since, 任职时间) as a year-month without the day,
 *       which every other roster gives as a full date; the canonical row holds the full date, so they
 *       open no interval (issue 22, defect 6); {@code units} {distinct, closed, renamed}.
 *   <li>{@code showcase}: the cadre with many kinds of records {id_number, name, unit_code, planted};
 *       {@code scenarios}: every planted case {purpose, id_number, unit_code, planted}.
 * </ul>
 *
 * <h2>JSON-lines files</h2>
 * <ul>
 *   <li>files: one line per delivered file: source_path, source_file, dataset, delivery_month,
 *       file_month, format (csv / xlsx), encoding (GB18030 / UTF-8-BOM / UTF-8, empty for XLSX),
 *       headers (as written, extra columns included), sha256, size_bytes, status, message,
 *       data_rows, invalid_rows (for a skipped copy: those of its original, which lists them),
 *       and the manifest's expected rows_read / rows_landed / rows_quarantined / rows_rejected (0
 *       when skipped).
 *   <li>invalid-rows: source_path, row_number (1-based physical row: in a CSV file the line the row
 *       starts on, past its record number when a quoted value spanning lines comes before it, as
 *       the vocabulary's two-line zx_wt 问题描述 does; issue 22, defect 3), dataset, reason, column.
 *   <li>unresolved: petition_no, kind (no_match / ambiguous), candidates (ID numbers).
 * </ul>
 */
final class GroundTruth implements AutoCloseable {
  private final Path summary;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final BufferedWriter files;
  private final BufferedWriter invalidRows;
  private final BufferedWriter unresolved;
  private final List<BufferedWriter> writers = new ArrayList<>();
  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Long> filesByStatus = new TreeMap<>();
  private final Map<String, List<Map<String, Object>>> fileLists = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> datasets = new TreeMap<>();
  private final Map<String, Long> invalidByReason = new TreeMap<>();
  private final Map<String, Long> categories = new TreeMap<>();
  private final Map<String, Long> unitRecords = new TreeMap<>();
  private final Map<String, Long> sanctions = new LinkedHashMap<>();
  private final Map<String, Long> petitions = new LinkedHashMap<>();
  private final Map<String, Long> leaveIrregularities = new TreeMap<>();
  private final Map<String, Long> derived = new LinkedHashMap<>();
  private final Map<String, Long> careers = new LinkedHashMap<>();
  private final Map<String, Long> units = new LinkedHashMap<>();
  private final List<Map<String, Object>> monthOnlyRosters = new ArrayList<>();
  private final List<Map<String, Object>> scenarios = new ArrayList<>();
  private Map<String, Object> showcase;
  private long filesTotal;

  GroundTruth(Path landing) throws IOException {
    Path dir = landing.toAbsolutePath().normalize().getParent();
    String name = landing.toAbsolutePath().normalize().getFileName().toString();
    this.summary = dir.resolve(name + "-ground-truth.json");
    this.files = lines(dir.resolve(name + "-ground-truth-files.jsonl"));
    this.invalidRows = lines(dir.resolve(name + "-ground-truth-invalid-rows.jsonl"));
    this.unresolved = lines(dir.resolve(name + "-ground-truth-unresolved.jsonl"));
    header.put("detail_files", List.of(name + "-ground-truth-files.jsonl", name + "-ground-truth-invalid-rows.jsonl",
        name + "-ground-truth-unresolved.jsonl"));
    List.of("skipped", "replaced", "superseded", "rejected", "changed_rows").forEach(s -> fileLists.put(s, new ArrayList<>()));
    List.of("landed", "skipped", "replaced", "superseded", "rejected").forEach(s -> filesByStatus.put(s, 0L));
    List.of("jw_only", "zzb_only", "merged_by_doc_no", "merged_by_date_window").forEach(k -> sanctions.put(k, 0L));
    List.of("distinct", "without_id", "invalid_id_set_aside", "resolved", "no_match", "ambiguous", "resends")
        .forEach(k -> petitions.put(k, 0L));
    List.of("unfiled_travel", "late_instant_report").forEach(k -> derived.put(k, 0L));
    List.of("snapshots", "persons", "intervals", "unit_changes", "role_changes", "leavers", "rejoiners", "new_cadres")
        .forEach(k -> careers.put(k, 0L));
    List.of("distinct", "closed", "renamed").forEach(k -> units.put(k, 0L));
  }

  /** Where the summary of a landing folder's ground truth is written. */
  static Path summaryPath(Path landing) {
    Path normal = landing.toAbsolutePath().normalize();
    return normal.getParent().resolve(normal.getFileName() + "-ground-truth.json");
  }

  private BufferedWriter lines(Path path) throws IOException {
    BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    writers.add(writer);
    return writer;
  }

  /** Writes one JSON line. */
  private static void line(BufferedWriter writer, Map<String, Object> value) {
    try {
      writer.write(JSON.writeValueAsString(value));
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void header(String key, Object value) {
    header.put(key, value);
  }

  /** One delivered file (its status known) and its rows. */
  void file(Map<String, Object> entry, String dataset, String status, long dataRows, long invalid) {
    filesTotal++;
    filesByStatus.merge(status, 1L, Long::sum);
    line(files, entry);
    Map<String, Long> counts = dataset(dataset);
    counts.merge("files", 1L, Long::sum);
    counts.merge("data_rows", dataRows, Long::sum);
    if (status.equals("landed") || status.equals("replaced")) {
      counts.merge("raw_rows", dataRows - invalid, Long::sum);
      counts.merge("quarantined_rows", invalid, Long::sum);
    } else if (status.equals("superseded")) {
      counts.merge("raw_rows", dataRows - invalid, Long::sum);
    } else if (status.equals("rejected")) {
      counts.merge("rejected_rows", dataRows, Long::sum);
    }
  }

  void fileList(String status, Map<String, Object> item) {
    fileLists.get(status).add(item);
  }

  void invalidRow(String path, long rowNumber, String dataset, Defects.Reason reason, String column) {
    invalidByReason.merge(reason.code(), 1L, Long::sum);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("source_path", path);
    row.put("row_number", rowNumber);
    row.put("dataset", dataset);
    row.put("reason", reason.code());
    row.put("column", column);
    line(invalidRows, row);
  }

  void exactDuplicate(String dataset) {
    count(dataset, "exact_duplicate_rows");
  }

  /** A counter of a dataset (matters, late_matters, correction_rows …). */
  void count(String dataset, String counter) {
    dataset(dataset).merge(counter, 1L, Long::sum);
  }

  void category(String category) {
    categories.merge(category, 1L, Long::sum);
  }

  void unitRecord(String dataset) {
    unitRecords.merge(dataset, 1L, Long::sum);
  }

  void sanction(String outcome) {
    sanctions.merge(outcome, 1L, Long::sum);
  }

  void petition(String counter) {
    petitions.merge(counter, 1L, Long::sum);
  }

  void petitionResends(long rows) {
    petitions.merge("resends", rows, Long::sum);
  }

  void unresolved(String petitionNo, String kind, List<String> candidates) {
    petitions.merge(kind, 1L, Long::sum);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("petition_no", petitionNo);
    row.put("kind", kind);
    row.put("candidates", candidates);
    line(unresolved, row);
  }

  void derived(String kind) {
    derived.merge(kind, 1L, Long::sum);
  }

  void leaveIrregularity(String kind) {
    leaveIrregularities.merge(kind, 1L, Long::sum);
  }

  void career(String counter, long n) {
    careers.merge(counter, n, Long::sum);
  }

  /** A roster giving {@code column} as a year-month only in each of its {@code rows} rows. */
  void monthOnlyRoster(String sourcePath, YearMonth fileMonth, String column, long rows) {
    monthOnlyRosters.add(ordered("source_path", sourcePath, "file_month", fileMonth.toString(), "column", column,
        "rows", rows));
  }

  void unit(String counter, long n) {
    units.merge(counter, n, Long::sum);
  }

  void showcase(Map<String, Object> cadre) {
    showcase = cadre;
  }

  void scenario(Map<String, Object> scenario) {
    scenarios.add(scenario);
  }

  private Map<String, Long> dataset(String dataset) {
    return datasets.computeIfAbsent(dataset, d -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      List.of("files", "data_rows", "raw_rows", "quarantined_rows", "rejected_rows", "exact_duplicate_rows", "matters", "late_matters",
          "correction_rows", "corrected_matters", "revoked_matters").forEach(k -> counts.put(k, 0L));
      return counts;
    });
  }

  /** Writes the summary and closes the JSON-lines files. */
  @Override
  public void close() throws IOException {
    for (BufferedWriter writer : writers) {
      writer.close();
    }
    Map<String, Object> root = new LinkedHashMap<>(header);
    Map<String, Object> fileSection = new LinkedHashMap<>();
    fileSection.put("total", filesTotal);
    fileSection.put("by_status", filesByStatus);
    fileSection.putAll(fileLists);
    root.put("files", fileSection);
    root.put("datasets", datasets);
    root.put("invalid_rows", ordered("total", invalidByReason.values().stream().mapToLong(Long::longValue).sum(),
        "by_reason", invalidByReason));
    root.put("matters", matters());
    Map<String, Object> petitionSection = new LinkedHashMap<>();
    List.of("distinct", "without_id", "invalid_id_set_aside", "resolved").forEach(k -> petitionSection.put(k, petitions.get(k)));
    petitionSection.put("unresolved", ordered("no_match", petitions.get("no_match"), "ambiguous", petitions.get("ambiguous")));
    root.put("petitions", petitionSection);
    Map<String, Object> derivedSection = new LinkedHashMap<>();
    derivedSection.put("unfiled_travel", derived.get("unfiled_travel"));
    derivedSection.put("leave_irregularity", leaveIrregularities);
    derivedSection.put("late_instant_report", derived.get("late_instant_report"));
    root.put("derived", derivedSection);
    Map<String, Object> careerSection = new LinkedHashMap<>(careers);
    careerSection.put("month_only_rosters", monthOnlyRosters);
    careerSection.put("units", units);
    root.put("careers", careerSection);
    root.put("showcase", showcase);
    root.put("scenarios", scenarios);
    try (BufferedWriter writer = Files.newBufferedWriter(summary, StandardCharsets.UTF_8)) {
      writer.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      writer.write('\n');
    }
  }

  private Map<String, Object> matters() {
    Map<String, Object> matters = new LinkedHashMap<>();
    matters.put("by_category", categories);
    matters.put("unit_records", unitRecords);
    matters.put("revoked", total("revoked_matters"));
    matters.put("corrections", ordered("rows", total("correction_rows"), "matters", total("corrected_matters")));
    matters.put("sanctions", sanctions);
    matters.put("exact_duplicate_rows", total("exact_duplicate_rows"));
    matters.put("petition_resends", petitions.get("resends"));
    return matters;
  }

  /** A map that keeps the order of its keys (Map.of does not, from one JVM to the next). */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private long total(String counter) {
    return datasets.values().stream().mapToLong(c -> c.get(counter)).sum();
  }

  Map<String, Long> datasetCounts(String dataset) {
    return dataset(dataset);
  }
}
