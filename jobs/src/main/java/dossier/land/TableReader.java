package dossier.land;

import dossier.normalise.Values;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Turns the physical rows of one file into data rows of its dataset: finds the header row among
 * the first rows (title and blank rows may stand above it), maps header spellings to canonical
 * columns, stops at a footer row, passes blank rows over, and judges every cell. Counts the rows
 * it reads independently of how they are judged; when the file cannot be landed as a whole
 * (no header, a required column missing) its rows still come out, and {@link #fileReason()} says why.
 */
final class TableReader implements Iterator<TableReader.DataRow> {
  /**
   * One data row.
   *
   * @param rowNumber 1-based physical row in the file
   * @param rawValues original header to original cell text, empty cells left out
   * @param values canonical column to canonical text, for valid non-empty cells
   * @param reasons why the row cannot land (empty when it can, as far as cells go)
   * @param flags non-fatal findings, e.g. an invalid optional ID set aside
   */
  record DataRow(int rowNumber, Map<String, String> rawValues, Map<String, String> values, List<String> reasons,
      List<String> flags) {}

  private final Iterator<SheetRow> rows;
  private final DatasetLayout layout;
  private final ReadRules rules;
  private final YearMonth delivered;
  private final Deque<SheetRow> pending = new ArrayDeque<>();
  private final List<String> rawHeaders = new ArrayList<>();
  private final List<CellRule> columnRules = new ArrayList<>();
  private String fileReason;
  private long rowsRead;
  private DataRow next;
  private boolean ended;

  /** Reads the rows of a file delivered in {@code delivered} (dates are judged against it). */
  TableReader(Iterator<SheetRow> rows, DatasetLayout layout, ReadRules rules, YearMonth delivered) {
    this.rows = rows;
    this.layout = layout;
    this.rules = rules;
    this.delivered = delivered;
    findHeader();
  }

  /** Rows read so far (all of them once the iterator is exhausted). */
  long rowsRead() {
    return rowsRead;
  }

  /** Why the whole file cannot be landed, or null. */
  String fileReason() {
    return fileReason;
  }

  /**
   * Reads up to header-search-rows rows and takes the one naming the most contract columns; a
   * file that ends before a single non-blank row is an empty file.
   */
  private void findHeader() {
    SheetRow best = null;
    int bestMatches = 0;
    boolean anyText = false;
    while (rows.hasNext()) {
      SheetRow row = rows.next();
      pending.add(row);
      anyText |= !isBlank(row);
      int matches = (int) row.cells().stream().filter(c -> layout.columnOf(c) != null).count();
      if (matches > bestMatches) {
        best = row;
        bestMatches = matches;
      }
      if (row.number() >= rules.headerSearchRows()) {
        break;
      }
    }
    if (best == null && !anyText && !rows.hasNext()) {
      fileReason = FileMessages.EMPTY_FILE;
      pending.clear();
      ended = true;
      return;
    }
    if (best == null) {
      fileReason = "no header row in the first " + rules.headerSearchRows() + " rows (expected headers such as "
          + layout.someHeaders() + ")";
      pending.clear();
      ended = true;
      return;
    }
    while (pending.peekFirst() != best) {
      pending.removeFirst();
    }
    pending.removeFirst();
    mapColumns(best);
  }

  private void mapColumns(SheetRow header) {
    Set<String> mapped = new HashSet<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    Map<String, CellRule> ruleByColumn = new LinkedHashMap<>();
    layout.rules().forEach(r -> ruleByColumn.put(r.column(), r));
    for (int i = 0; i < header.cells().size(); i++) {
      String text = header.cell(i) == null ? "" : Values.trim(header.cell(i));
      String key = text.isEmpty() ? "(column " + (i + 1) + ")" : text;
      int count = seen.merge(key, 1, Integer::sum);
      rawHeaders.add(count == 1 ? key : key + " (" + count + ")");
      String column = layout.columnOf(text);
      // A second column with the same meaning is kept raw only: the first one counts.
      columnRules.add(column != null && mapped.add(column) ? ruleByColumn.get(column) : null);
    }
    fileReason = layout.missingRequired(mapped);
  }

  @Override
  public boolean hasNext() {
    while (next == null && !ended) {
      SheetRow row = pending.isEmpty() ? (rows.hasNext() ? rows.next() : null) : pending.removeFirst();
      if (row == null || isFooter(row)) {
        ended = true;
      } else if (!isBlank(row)) {
        rowsRead++;
        next = judge(row);
      }
    }
    return next != null;
  }

  @Override
  public DataRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    DataRow row = next;
    next = null;
    return row;
  }

  private DataRow judge(SheetRow row) {
    Map<String, String> raw = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    List<String> reasons = new ArrayList<>(0);
    List<String> flags = new ArrayList<>(0);
    for (int i = 0; i < row.cells().size(); i++) {
      if (row.cell(i) != null) {
        raw.put(i < rawHeaders.size() ? rawHeaders.get(i) : "(column " + (i + 1) + ")", row.cell(i));
      }
    }
    if (fileReason == null) {
      for (int i = 0; i < columnRules.size(); i++) {
        CellRule rule = columnRules.get(i);
        if (rule != null) {
          record(rule.apply(rules.values().clean(row.cell(i)), delivered), rule, values, reasons, flags);
        }
      }
    }
    return new DataRow(row.number(), raw, values, reasons, flags);
  }

  private static void record(CellRule.Outcome outcome, CellRule rule, Map<String, String> values,
      List<String> reasons, List<String> flags) {
    if (outcome.value() != null) {
      values.put(rule.column(), outcome.value());
    }
    if (outcome.reason() != null) {
      reasons.add(outcome.reason());
    }
    if (outcome.flag() != null) {
      flags.add(outcome.flag());
    }
  }

  private boolean isBlank(SheetRow row) {
    return row.cells().stream().allMatch(c -> rules.values().clean(c) == null);
  }

  /** A footer (注, 填报单位, 制表 …) in the row's first non-empty cell ends the data. */
  private boolean isFooter(SheetRow row) {
    return row.cells().stream().filter(c -> c != null && !Values.trim(c).isEmpty()).findFirst()
        .map(first -> rules.footerPrefixes().stream().anyMatch(Values.trim(first)::startsWith))
        .orElse(false);
  }
}
