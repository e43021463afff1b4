package dossier.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import dossier.contract.DatasetContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every quirk of extracts.md is in the default sample, asserted on the delivered files themselves. */
class SampleQuirksTest {
  private static Sample sample;
  private static List<DeliveredFile> files;
  /** Every data cell of every file, by column type (canonical column found by the contract's header spellings). */
  private static Map<ColumnType, List<String>> cellsByType;
  private static Map<String, List<String>> cellsByColumn;

  @BeforeAll
  static void generate() {
    sample = Sample.standard();
    files = sample.files().stream().filter(p -> !p.toString().contains(".sample-spool"))
        .map(sample::read).toList();
    cellsByType = new HashMap<>();
    cellsByColumn = new HashMap<>();
    for (DeliveredFile file : files) {
      DatasetContract contract = contract(file.path());
      List<String> header = file.header().cells();
      for (int c = 0; c < header.size(); c++) {
        String title = header.get(c);
        ColumnSpec column = contract.columns().stream().filter(s -> s.headers().contains(title)).findFirst().orElse(null);
        if (column == null) {
          continue;
        }
        for (DeliveredFile.Line line : file.dataRows()) {
          String cell = line.cell(c);
          cellsByType.computeIfAbsent(column.type(), t -> new ArrayList<>()).add(cell);
          cellsByColumn.computeIfAbsent(contract.name() + "." + column.name(), t -> new ArrayList<>()).add(cell);
        }
      }
    }
  }

  private static DatasetContract contract(Path file) {
    String name = file.getFileName().toString();
    return sample.dossier.datasets().values().stream().filter(c -> name.matches(c.name() + "_\\d{6}(_\\d+)?\\..*"))
        .findFirst().orElseThrow();
  }

  private static List<DeliveredFile> csv() {
    return files.stream().filter(f -> f.format().equals("csv")).toList();
  }

  private static List<DeliveredFile> xlsx() {
    return files.stream().filter(f -> f.format().equals("xlsx")).toList();
  }

  private static boolean anyCell(ColumnType type, String regex) {
    Pattern pattern = Pattern.compile(regex);
    return cellsByType.getOrDefault(type, List.of()).stream().anyMatch(c -> pattern.matcher(c).matches());
  }

  @Test
  void csvFilesComeInEveryEncodingDetectedFromTheirBytes() {
    Set<String> encodings = new LinkedHashSet<>();
    csv().forEach(f -> encodings.add(f.encoding()));
    assertThat(encodings).as("encodings found by BOM / strict UTF-8 / GB18030 decoding")
        .contains("UTF-8-BOM", "UTF-8", "GB18030");
  }

  @Test
  void csvFilesUseBothLineEndsAndSomeEndWithBlankLines() {
    assertThat(csv().stream().anyMatch(f -> f.lineEnd().equals("\r\n"))).as("CRLF files").isTrue();
    assertThat(csv().stream().anyMatch(f -> f.lineEnd().equals("\n"))).as("LF files").isTrue();
    assertThat(csv().stream().anyMatch(f -> f.trailingBlankLines() > 0)).as("files ending with blank lines")
        .isTrue();
  }

  @Test
  void xlsxSheetsHaveMergedTitleRowsBlankRowsAndFooters() {
    assertThat(xlsx().stream().anyMatch(f -> f.mergedTitle() && f.line(1).cells().get(0).matches("\\d{4}年\\d{1,2}月.+情况表")))
        .as("a merged title row like 2024年6月…情况表 above the header").isTrue();
    assertThat(xlsx().stream().anyMatch(f -> f.header().number() > 1 && f.line(f.header().number() - 1).blank()))
        .as("blank rows above the header").isTrue();
    List<String> prefixes = sample.dossier.landing().footerPrefixes();
    for (String prefix : prefixes) {
      assertThat(xlsx().stream().anyMatch(f -> {
        DeliveredFile.Line last = f.lines().get(f.lines().size() - 1);
        return !last.cells().isEmpty() && last.cells().get(0).startsWith(prefix);
      })).as("a footer row starting with " + prefix).isTrue();
    }
  }

  @Test
  void everyHeaderSpellingOfEveryContractIsUsed() {
    for (DatasetContract contract : sample.dossier.datasets().values()) {
      for (ColumnSpec column : contract.columns()) {
        for (String spelling : column.headers()) {
          assertThat(files.stream().anyMatch(f ->
              contract(f.path()).name().equals(contract.name()) && f.header().cells().contains(spelling)))
              .as(contract.name() + " header " + spelling).isTrue();
        }
      }
    }
  }

  @Test
  void unknownExtraColumnsAppear() {
    assertThat(files.stream().anyMatch(f -> f.header().cells().contains("序号"))).as("files with a row counter column").isTrue();
    assertThat(files.stream().anyMatch(f -> f.header().cells().contains("备注"))).as("files with a remark column").isTrue();
  }

  @Test
  void datesComeInEveryFormatIncludingSerialNumbersAndDateCells() {
    assertThat(anyCell(ColumnType.DATE, "\\d{4}-\\d{2}-\\d{2}")).as("2024-06-03").isTrue();
    assertThat(anyCell(ColumnType.DATE, "\\d{4}/\\d{1,2}/\\d{1,2}")).as("2024/6/3").isTrue();
    assertThat(anyCell(ColumnType.DATE, "\\d{4}\\.\\d{1,2}\\.\\d{1,2}")).as("2024.6.3").isTrue();
    assertThat(anyCell(ColumnType.DATE, "\\d{4}年\\d{1,2}月\\d{1,2}日")).as("2024年6月3日").isTrue();
    assertThat(anyCell(ColumnType.DATE, "\\d{8}")).as("20240603").isTrue();
    assertThat(anyCell(ColumnType.DATE, "\\d{5}")).as("Excel serial number as text").isTrue();
    assertThat(anyCell(ColumnType.DATE, "DATE:\\d{4}-\\d{2}-\\d{2}")).as("real XLSX date cells").isTrue();
  }

  @Test
  void yearMonthsComeInEveryFormat() {
    assertThat(anyCell(ColumnType.DATE_OR_MONTH, "\\d{4}-\\d{2}")).as("2024-06").isTrue();
    assertThat(anyCell(ColumnType.DATE_OR_MONTH, "\\d{4}\\.\\d{2}")).as("2024.06").isTrue();
    assertThat(anyCell(ColumnType.DATE_OR_MONTH, "\\d{4}年\\d{1,2}月")).as("2024年6月").isTrue();
    assertThat(anyCell(ColumnType.DATE_OR_MONTH, "\\d{6}")).as("202406").isTrue();
  }

  @Test
  void idNumbersComeInTheOldFifteenDigitFormWithLowerCaseXAndFullWidth() {
    assertThat(anyCell(ColumnType.ID, "\\d{15}")).as("15-digit IDs").isTrue();
    assertThat(anyCell(ColumnType.ID, "\\d{17}x")).as("lower-case x").isTrue();
    assertThat(anyCell(ColumnType.ID, ".*[０-９].*")).as("full-width digits").isTrue();
    assertThat(cellsByType.get(ColumnType.ID).stream().filter(c -> c.matches("\\d{15}"))
        .allMatch(c -> c.substring(8, 10).compareTo("13") < 0)).as("15-digit IDs have a valid yymmdd birth").isTrue();
  }

  @Test
  void cellsArePaddedWithIdeographicSpaces() {
    assertThat(cellsByColumn.values().stream().flatMap(List::stream)
        .anyMatch(c -> c.startsWith("\u3000") || c.endsWith("\u3000"))).as("U+3000 padding").isTrue();
  }

  @Test
  void namesAreSpacedAndWrittenWithEveryMiddleDot() {
    List<String> names = cellsByType.get(ColumnType.NAME);
    assertThat(names.stream().anyMatch(n -> n.trim().matches("\\p{IsHan}( \\p{IsHan})+"))).as("spaced names (张 三)").isTrue();
    for (String dot : CellRenderer.MIDDLE_DOTS) {
      assertThat(names.stream().anyMatch(n -> n.contains(dot))).as("middle dot U+%04X", (int) dot.charAt(0)).isTrue();
    }
  }

  @Test
  void nullWordsStandForMissingValues() {
    List<String> all = cellsByColumn.values().stream().flatMap(List::stream).toList();
    for (String word : List.of("无", "/", "-")) {
      assertThat(all.contains(word)).as("null word " + word).isTrue();
    }
  }

  @Test
  void recordStatesIncludeCorrectionsInSecondFilesAndRevocations() {
    assertThat(files.stream().anyMatch(f -> f.path().getFileName().toString().matches(".*_\\d{6}_2\\.(csv|xlsx)")))
        .as("a _2 file of corrections").isTrue();
    List<String> states = cellsByColumn.entrySet().stream().filter(e -> e.getKey().endsWith(".record_state"))
        .flatMap(e -> e.getValue().stream()).map(String::trim).toList();
    assertThat(new LinkedHashSet<>(states)).as("record states").contains("更正", "撤销", "新增");
  }

  @Test
  void petitionsAreResentWithANewerStatus() {
    Map<String, Set<String>> statuses = new HashMap<>();
    for (DeliveredFile file : files) {
      if (!contract(file.path()).name().equals("xf_jb")) {
        continue;
      }
      List<String> header = file.header().cells();
      int number = header.indexOf("信访编号");
      int status = header.indexOf("办理状态");
      file.dataRows().forEach(l -> statuses.computeIfAbsent(l.cell(number).trim(), k -> new LinkedHashSet<>())
          .add(l.cell(status).trim()));
    }
    assertThat(statuses.values().stream().anyMatch(s -> s.containsAll(List.of("受理", "办理中", "办结"))))
        .as("a petition delivered as 受理, then 办理中, then 办结").isTrue();
    assertThat(cellsByColumn.get("xf_jb.id_number").contains("")).as("petitions without an ID").isTrue();
  }

  @Test
  void someFilesHoldExactDuplicateRows() {
    assertThat(files.stream().anyMatch(f -> {
      List<List<String>> rows = f.dataRows().stream().map(DeliveredFile.Line::cells).toList();
      return new LinkedHashSet<>(rows).size() < rows.size();
    })).as("a file with two identical data rows").isTrue();
  }
}
