package dossier.sample;

import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.sample.Spool.Key;
import dossier.sample.Spool.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes delivery folders: every spooled file of a folder, and the snapshots. Decides each file's
 * habits (CSV or XLSX, encoding, line ends, header spellings chosen from the contract, title and
 * footer rows, extra columns, an omitted 记录状态 column), adds exact duplicate rows and invalid
 * copies, plays the file-level quirks (identical re-delivery, re-delivery with new bytes, a file
 * missing a required column), writes the column of a planted snapshot as year-months only, and
 * reports every file and invalid row to the ground truth.
 */
final class Deliveries {
  private static final DateTimeFormatter FILE_MONTH = DateTimeFormatter.ofPattern("yyyyMM");
  private static final String RECORD_STATE = "record_state";
  private final Path landing;
  private final Calendar calendar;
  private final Tables tables;
  private final SampleSettings.Delivery habits;
  private final SampleSettings.Values cellRates;
  private final Vocabulary vocabulary;
  private final List<String> footerPrefixes;
  private final CellRenderer cells;
  private final Defects defects;
  private final Targets targets;
  private final GroundTruth truth;
  private final Spool spool;
  private final long seed;
  private final Map<String, Integer> filesOfDataset = new LinkedHashMap<>();

  Deliveries(Path landing, Calendar calendar, Tables tables, SampleSettings settings, Vocabulary vocabulary,
      List<String> nullWords, List<String> footerPrefixes, Targets targets, GroundTruth truth, Spool spool) {
    this.landing = landing;
    this.calendar = calendar;
    this.tables = tables;
    this.habits = settings.delivery();
    this.cellRates = settings.values();
    this.vocabulary = vocabulary;
    this.footerPrefixes = footerPrefixes;
    this.cells = new CellRenderer(settings.values(), nullWords);
    this.defects = new Defects(vocabulary.unparseableDates(), vocabulary.unknownCode());
    this.targets = targets;
    this.truth = truth;
    this.spool = spool;
    this.seed = settings.seed();
  }

  /**
   * A file to write: where, which dataset and month, and what it may hold. {@code format} is null
   * (chosen by chance) or the format a re-delivery must keep (a file is known by its name).
   * {@code monthOnly} names a date-or-month column every row of the file gives as a year-month
   * without its day, or is null.
   */
  private record FileSpec(YearMonth folder, DatasetContract contract, String baseName, YearMonth fileMonth,
      long rows, boolean stateful, boolean noise, String dropColumn, int variant, String format, String monthOnly) {
    FileSpec(YearMonth folder, DatasetContract contract, String baseName, YearMonth fileMonth, long rows,
        boolean stateful, boolean noise, String dropColumn, int variant, String format) {
      this(folder, contract, baseName, fileMonth, rows, stateful, noise, dropColumn, variant, format, null);
    }

    String sourcePath(String extension) {
      return folder + "/" + contract.source() + "/" + baseName + "." + extension;
    }
  }

  /** What was written. */
  record Written(String sourcePath, String dataset, String format, String encoding, long dataRows,
      long invalidRows, List<String> headers) {}

  /**
   * Writes a snapshot file of {@code fileMonth} into {@code folder} from {@code rows}; every row gives
   * the date-or-month column {@code monthOnly} (when not null) as a year-month without its day.
   */
  Written snapshot(YearMonth folder, String dataset, YearMonth fileMonth, long rows, String monthOnly,
      Consumer<Consumer<String[]>> source) {
    FileSpec spec = new FileSpec(folder, tables.contract(dataset), dataset + "_" + FILE_MONTH.format(fileMonth),
        fileMonth, rows, false, true, null, 0, null, monthOnly);
    Written written = write(spec, source);
    record(spec, written, "landed", null);
    return written;
  }

  /** Writes every spooled file of a delivery folder, then forgets its rows. */
  void folder(YearMonth folder) {
    List<Written> copyable = new ArrayList<>();
    for (Key key : spool.keys(folder)) {
      DatasetContract contract = tables.contract(key.dataset());
      String base = key.dataset() + "_" + FILE_MONTH.format(folder);
      int columns = contract.columns().size();
      if (key.part() == Part.CORRECTIONS) {
        FileSpec spec = new FileSpec(folder, contract, base + "_2", folder, spool.count(key), true, true, null, 0, null);
        record(spec, write(spec, rows -> spool.read(key, columns, rows)), "landed", null);
      } else if (key.part() == Part.MAIN) {
        mainFile(key, contract, base, copyable);
      }
    }
    copyIdentically(folder, copyable);
    spool.discard(folder);
  }

  private void mainFile(Key key, DatasetContract contract, String base, List<Written> copyable) {
    YearMonth folder = key.folder();
    int columns = contract.columns().size();
    boolean stateful = spool.stateful(key);
    Consumer<Consumer<String[]>> rows = r -> spool.read(key, columns, r);
    if (targets.rejected(folder, key.dataset())) {
      ColumnSpec dropped = requiredColumn(contract, Rng.of(seed, base, 1));
      FileSpec spec = new FileSpec(folder, contract, base, folder, spool.count(key), stateful, false, dropped.name(), 0,
          null);
      Written rejected = write(spec, rows);
      int n = spool.count(new Key(folder, key.dataset(), Part.CORRECTIONS)) > 0 ? 3 : 2;
      FileSpec resend = new FileSpec(folder.plusMonths(1), contract, base + "_" + n, folder, spool.count(key), stateful,
          true, null, 0, null);
      Written resent = write(resend, rows);
      record(spec, rejected, "rejected", "missing required column " + dropped.name());
      truth.fileList("rejected", GroundTruth.ordered("source_path", rejected.sourcePath(),
          "reason", Defects.Reason.MISSING_REQUIRED_COLUMN.code(), "column", dropped.name(), "headers", dropped.headers(),
          "resent_as", resent.sourcePath()));
      record(resend, resent, "landed", "re-sends " + rejected.sourcePath());
    } else if (targets.changed(folder, key.dataset())) {
      Key extra = new Key(folder, key.dataset(), Part.REDELIVERY_ONLY);
      FileSpec first = new FileSpec(folder, contract, base, folder, spool.count(key), stateful, false, null, 0, null);
      Written earlier = write(first, rows);
      FileSpec second = new FileSpec(folder.plusMonths(1), contract, base, folder, spool.count(key) + spool.count(extra),
          stateful || spool.stateful(extra), false, null, 1, earlier.format());
      Written later = write(second, r -> {
        spool.read(key, columns, changingFirstRow(contract, earlier.sourcePath(), second.sourcePath(second.format()), r));
        spool.read(extra, columns, r);
      });
      record(first, earlier, "superseded", "superseded by " + later.sourcePath());
      record(second, later, "replaced", "replaces " + earlier.sourcePath());
      truth.fileList("superseded", GroundTruth.ordered("source_path", earlier.sourcePath(), "superseded_by", later.sourcePath()));
      truth.fileList("replaced", GroundTruth.ordered("source_path", later.sourcePath(), "replaces", earlier.sourcePath()));
    } else {
      FileSpec spec = new FileSpec(folder, contract, base, folder, spool.count(key), stateful, true, null, 0, null);
      Written written = write(spec, rows);
      record(spec, written, "landed", null);
      copyable.add(written);
    }
  }

  /**
   * Passes rows on to {@code rows}, the first with its {@link Targets#CHANGED_COLUMN} changed (when
   * the dataset has one): the replacement corrects one matter, which stays delivered in the earlier
   * version's month and reads as changed from the replacement's (issue 22, defect 1).
   */
  private Consumer<String[]> changingFirstRow(DatasetContract contract, String earlierPath, String laterPath,
      Consumer<String[]> rows) {
    String column = Targets.CHANGED_COLUMN.get(contract.name());
    if (column == null) {
      return rows;
    }
    int index = contract.columns().indexOf(contract.column(column).orElseThrow());
    List<String> choices = column.equals("port") ? vocabulary.travelPorts() : vocabulary.travelDestinations();
    Rng rng = Rng.of(seed, "changed-row " + laterPath);
    boolean[] changed = {false};
    return values -> {
      if (changed[0]) {
        rows.accept(values);
        return;
      }
      changed[0] = true;
      String[] after = values.clone();
      List<String> others = choices.stream().filter(c -> !c.equals(values[index])).toList();
      after[index] = rng.pick(others);
      Map<String, Object> key = new LinkedHashMap<>();
      contract.key().forEach(k -> key.put(k, values[contract.columns().indexOf(contract.column(k).orElseThrow())]));
      truth.fileList("changed_rows", GroundTruth.ordered("dataset", contract.name(), "source_path", laterPath,
          "replaces", earlierPath, "key", key, "column", column, "before", values[index], "after", after[index]));
      rows.accept(after);
    };
  }

  /** Copies some of a monthly folder's files byte for byte into the next folder (the landing job skips them). */
  private void copyIdentically(YearMonth folder, List<Written> files) {
    if (folder.equals(calendar.backfill()) || !folder.isBefore(calendar.last()) || files.isEmpty()) {
      return;
    }
    Rng rng = Rng.of(seed, "identical-redeliveries", calendar.index(folder));
    double expected = habits.identicalRedeliveriesPerMonth();
    int copies = (int) expected + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    List<Written> left = new ArrayList<>(files);
    for (int i = 0; i < copies && !left.isEmpty(); i++) {
      Written original = left.remove(rng.below(left.size()));
      String copyPath = folder.plusMonths(1) + original.sourcePath().substring(folder.toString().length());
      try {
        Files.createDirectories(landing.resolve(copyPath).getParent());
        Files.copy(landing.resolve(original.sourcePath()), landing.resolve(copyPath));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Written copy = new Written(copyPath, original.dataset(), original.format(), original.encoding(),
          original.dataRows(), original.invalidRows(), original.headers());
      record(new FileSpec(folder.plusMonths(1), tables.contract(original.dataset()), fileName(copyPath), folder, 0,
          false, false, null, 0, original.format()), copy, "skipped", "same bytes as " + original.sourcePath());
      truth.fileList("skipped", GroundTruth.ordered("source_path", copyPath, "same_as", original.sourcePath()));
    }
  }

  private static String fileName(String sourcePath) {
    String name = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** Writes one file from its canonical rows. */
  private Written write(FileSpec spec, Consumer<Consumer<String[]>> source) {
    DatasetContract contract = spec.contract();
    Rng rng = Rng.of(seed, spec.baseName(), calendar.index(spec.folder()), spec.variant());
    boolean xlsx = spec.format() != null ? spec.format().equals("xlsx")
        : spec.rows() <= habits.xlsxMaxRows() && rng.chance(habits.xlsxShare());
    List<Integer> columns = new ArrayList<>();
    List<ColumnSpec> specs = contract.columns();
    int ordinal = filesOfDataset.merge(contract.name(), 1, Integer::sum) - 1;
    // A dataset's first file has every column, so every header spelling is used at least once.
    boolean withoutState = !spec.stateful() && ordinal > 0 && rng.chance(habits.withoutRecordStateShare());
    for (int i = 0; i < specs.size(); i++) {
      String name = specs.get(i).name();
      if (!name.equals(spec.dropColumn()) && !(withoutState && name.equals(RECORD_STATE))) {
        columns.add(i);
      }
    }
    boolean extra = rng.chance(habits.extraColumnsShare());
    List<String> headers = new ArrayList<>();
    if (extra) {
      headers.add(vocabulary.rowCounterHeader());
    }
    for (int c = 0; c < columns.size(); c++) {
      List<String> spellings = specs.get(columns.get(c)).headers();
      headers.add(spellings.get((ordinal + c) % spellings.size()));
    }
    if (extra) {
      headers.add(vocabulary.remarkHeader());
    }
    String path = spec.sourcePath(xlsx ? "xlsx" : "csv");
    Path file = landing.resolve(path);
    long[] counts = new long[3];
    try {
      Files.createDirectories(file.getParent());
      try (TableWriter table = open(file, spec, xlsx, headers.stream().<Cell>map(Cell.Text::new).toList(), rng)) {
        source.accept(values -> {
          try {
            writeRow(spec, table, columns, values, extra, path, counts, rng);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return new Written(path, contract.name(), table.format(), table.encoding(), counts[0], counts[1], headers);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private TableWriter open(Path file, FileSpec spec, boolean xlsx, List<Cell> header, Rng rng) throws IOException {
    if (!xlsx) {
      return new CsvTable(file, header, rng.pick(habits.encodings()), rng.chance(habits.crlfShare()),
          rng.chance(habits.trailingBlankLinesShare()) ? rng.between(1, 2) : 0);
    }
    String label = spec.contract().label();
    String title = rng.chance(habits.titleShare())
        ? spec.fileMonth().getYear() + "年" + spec.fileMonth().getMonthValue() + "月" + label + "情况表" : null;
    String footer = rng.chance(habits.footerShare())
        ? rng.pick(footerPrefixes) + "：" + rng.pick(vocabulary.footerTexts()) : null;
    return new XlsxTable(file, label, title, rng.between(0, habits.blankRowsMax()), header, footer);
  }

  private void writeRow(FileSpec spec, TableWriter table, List<Integer> columns, String[] values, boolean extra,
      String path, long[] counts, Rng rng) throws IOException {
    DatasetContract contract = spec.contract();
    boolean xlsx = table.format().equals("xlsx");
    long sequence = ++counts[2];
    List<Cell> row = cells(contract, columns, extra, sequence, rng, (column, i) ->
        column.name().equals(spec.monthOnly()) && values[i] != null
            ? cells.yearMonthOnly(LocalDate.parse(values[i]), rng)
            : cells.render(column, values[i], xlsx, rng));
    long number = table.row(row);
    counts[0]++;
    if (spec.noise() && rng.chance(cellRates.exactDuplicateRows())) {
      table.row(row);
      counts[0]++;
      truth.exactDuplicate(contract.name());
    }
    if (spec.noise() && rng.chance(cellRates.invalidRows())) {
      Defects.Defect defect = defects.apply(contract, values, rng);
      if (defect != null && columns.contains(contract.columns().indexOf(contract.column(defect.column()).orElseThrow()))) {
        long invalid = table.row(cells(contract, columns, extra, sequence, rng, (column, i) ->
            defect.values()[i] == null ? Cell.BLANK
                : CellRenderer.plain(column.name().equals(spec.monthOnly()) && !column.name().equals(defect.column())
                    ? YearMonth.from(LocalDate.parse(defect.values()[i])).toString() : defect.values()[i])));
        counts[0]++;
        counts[1]++;
        truth.invalidRow(path, invalid, contract.name(), defect.reason(), defect.column());
      }
    }
  }

  private interface CellMaker {
    Cell make(ColumnSpec column, int index);
  }

  private List<Cell> cells(DatasetContract contract, List<Integer> columns, boolean extra, long sequence, Rng rng,
      CellMaker maker) {
    List<Cell> row = new ArrayList<>(columns.size() + 2);
    if (extra) {
      row.add(new Cell.Text(Long.toString(sequence)));
    }
    for (int i : columns) {
      row.add(maker.make(contract.columns().get(i), i));
    }
    if (extra) {
      row.add(rng.chance(0.2) ? new Cell.Text(rng.pick(vocabulary.remarks())) : Cell.BLANK);
    }
    return row;
  }

  private static ColumnSpec requiredColumn(DatasetContract contract, Rng rng) {
    List<ColumnSpec> required = contract.columns().stream().filter(ColumnSpec::required).toList();
    return rng.pick(required);
  }

  /** Reports a written file to the ground truth with its status. */
  private void record(FileSpec spec, Written written, String status, String message) {
    Path file = landing.resolve(written.sourcePath());
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("source_path", written.sourcePath());
    entry.put("source_file", file.getFileName().toString());
    entry.put("dataset", spec.contract().name());
    entry.put("delivery_month", spec.folder().toString());
    entry.put("file_month", spec.fileMonth().toString());
    entry.put("format", written.format());
    entry.put("encoding", written.encoding());
    entry.put("headers", written.headers());
    entry.put("sha256", sha256(file));
    entry.put("size_bytes", size(file));
    entry.put("status", status);
    entry.put("message", message);
    entry.put("data_rows", written.dataRows());
    entry.put("invalid_rows", written.invalidRows());
    // A rejected file's rows are neither landed nor quarantined: the file stands for them.
    boolean read = !status.equals("skipped");
    boolean rejected = status.equals("rejected");
    entry.put("rows_read", read ? written.dataRows() : 0);
    entry.put("rows_landed", read && !rejected ? written.dataRows() - written.invalidRows() : 0);
    entry.put("rows_quarantined", read && !rejected ? written.invalidRows() : 0);
    entry.put("rows_rejected", rejected ? written.dataRows() : 0);
    truth.file(entry, spec.contract().name(), status, written.dataRows(), written.invalidRows());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
