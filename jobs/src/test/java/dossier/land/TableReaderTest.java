package dossier.land;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dossier.contract.DatasetContracts;
import dossier.settings.LandingSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Header finding, footers, blank rows and cell judgement, on CSV and XLSX, without Spark. */
class TableReaderTest {
  private static final ReadRules RULES = ReadRules.from(
      new LandingSettings("unused", List.of("", "无", "/", "-"), List.of("注", "填报单位", "填报人", "制表"), 5,
          1),
      DatasetContracts.from(ConfigFactory.parseString("""
          dossier.datasets.zzb_txhx {
            label = t, source = zzb, kind = incremental, key = [doc_no]
            columns = [
              { name = id_number, label = a, headers = [身份证号], type = id, required = true }
              { name = kind, label = b, headers = [类型], type = code, codes = [提醒, 函询, 诫勉], required = true }
              { name = issued, label = c, headers = [日期, 发文日期], type = date, required = true }
              { name = doc_no, label = d, headers = [文号], type = string, required = true }
            ]
          }
          """).withFallback(ConfigFactory.defaultReference())));
  private static final YearMonth JUNE = YearMonth.of(2024, 6);
  private static final String ID = "11010519491231002X";

  private static List<TableReader.DataRow> readCsv(Charset charset, String text) throws IOException {
    return read(new CsvReader(new ByteArrayInputStream(text.getBytes(charset)), charset.name()));
  }

  private static List<TableReader.DataRow> read(SheetReader sheet) {
    TableReader reader = new TableReader(sheet, RULES.layout("zzb_txhx"), RULES, JUNE);
    List<TableReader.DataRow> rows = new ArrayList<>();
    reader.forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void csvHeaderOnTheFirstLineMapsSpellingsToColumns() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,发文日期,文号\r\n" + ID + ",提醒,2024/6/3,T-1\r\n");

    assertThat(rows).as("rows").hasSize(1);
    assertThat(rows.get(0).values()).as("canonical values")
        .containsEntry("id_number", ID).containsEntry("kind", "提醒").containsEntry("issued", "2024-06-03")
        .containsEntry("doc_no", "T-1");
    assertThat(rows.get(0).rowNumber()).as("physical row").isEqualTo(2);
  }

  @Test
  void titleAndBlankLinesAboveTheHeaderAreSkipped() throws IOException {
    List<TableReader.DataRow> rows = readCsv(Fixtures.GBK,
        "2024年6月提醒函询诫勉情况表,,,\n,,,\n身份证号,类型,日期,文号\n" + ID + ",函询,20240603,T-1\n");

    assertThat(rows).extracting(TableReader.DataRow::rowNumber).as("data row numbers").containsExactly(4);
  }

  @Test
  void blankLinesInsideAndTrailingAreNotRows() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,日期,文号\n" + ID + ",提醒,2024-06-03,T-1\n\n" + ID + ",诫勉,2024-06-04,T-2\n\n\n");

    assertThat(rows).extracting(TableReader.DataRow::rowNumber).as("row numbers").containsExactly(2, 4);
  }

  @Test
  void aQuotedValueOverTwoLinesMovesTheNextRowsToTheLinesTheyStartOn() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,日期,文号\r\n" + ID + ",提醒,2024-06-03,\"T-1\r\n（补）\"\r\n" + ID + ",诫勉,2024-06-04,T-2\r\n"
            + "\r\n" + ID + ",训诫,2024-06-05,T-3\r\n");

    assertThat(rows).extracting(TableReader.DataRow::rowNumber).as("physical lines the rows start on")
        .containsExactly(2, 4, 6);
    assertThat(rows.get(2).reasons()).as("the invalid row's reasons").isNotEmpty();
  }

  @Test
  void aFooterRowEndsTheData() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,日期,文号\n" + ID + ",提醒,2024-06-03,T-1\n制表人：王某,,,\n" + ID + ",提醒,2024-06-03,T-9\n");

    assertThat(rows).extracting(TableReader.DataRow::rowNumber).as("rows before the footer").containsExactly(2);
  }

  @Test
  void rowsReadAreCountedWhateverTheirJudgement() throws IOException {
    TableReader reader = new TableReader(new CsvReader(new ByteArrayInputStream(
        ("身份证号,类型,日期,文号\n" + ID + ",提醒,2024-06-03,T-1\nbad,提醒,2024-06-03,T-2\n")
            .getBytes(StandardCharsets.UTF_8)), "UTF-8"), RULES.layout("zzb_txhx"), RULES, JUNE);
    reader.forEachRemaining(r -> { });

    assertThat(reader.rowsRead()).as("rows read").isEqualTo(2);
    assertThat(reader.fileReason()).as("file reason").isNull();
  }

  @Test
  void eachInvalidCellGivesItsReason() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,日期,文号\n123,训诫,2024-13-01,\n");

    assertThat(rows.get(0).reasons()).as("reasons").containsExactly(
        "id_number: wrong length (expected 18 or 15 characters)", "kind: not in the code list [提醒, 函询, 诫勉]",
        "issued: not a date", "doc_no: required value missing");
  }

  @Test
  void aMissingRequiredColumnRejectsTheFileButItsRowsAreStillRead() throws IOException {
    TableReader reader = new TableReader(new CsvReader(new ByteArrayInputStream(
        ("身份证号,类型,日期\n" + ID + ",提醒,2024-06-03\n").getBytes(StandardCharsets.UTF_8)), "UTF-8"),
        RULES.layout("zzb_txhx"), RULES, JUNE);
    List<TableReader.DataRow> rows = new ArrayList<>();
    reader.forEachRemaining(rows::add);

    assertThat(reader.fileReason()).as("file reason").isEqualTo("missing required column 'doc_no' (文号)");
    assertThat(rows).as("rows still read, raw").hasSize(1);
    assertThat(rows.get(0).rawValues()).as("raw values").containsEntry("身份证号", ID);
  }

  @Test
  void noHeaderWithinTheSearchRowsRejectsTheFile() throws IOException {
    TableReader reader = new TableReader(new CsvReader(new ByteArrayInputStream(
        "a\nb\nc\nd\ne\n身份证号,类型,日期,文号\n".getBytes(StandardCharsets.UTF_8)), "UTF-8"),
        RULES.layout("zzb_txhx"), RULES, JUNE);

    assertThat(reader.hasNext()).as("no rows").isFalse();
    assertThat(reader.fileReason()).as("reason").startsWith("no header row in the first 5 rows");
  }

  @Test
  void xlsxTitleBlankRowAndFooterAroundRealDateCells(@TempDir Path dir) throws IOException {
    Path file = Fixtures.xlsx(dir, "zzb_txhx_202406.xlsx", "2024年6月提醒函询诫勉情况表",
        List.of("身份证号", "类型", "发文日期", "文号"),
        List.of(List.of(ID, "提醒", LocalDate.of(2024, 6, 3), "T-1"), List.of(ID, "诫勉", 45446, "T-2")),
        "注：本表由组织部填报");
    List<TableReader.DataRow> rows;
    try (XlsxReader sheet = new XlsxReader(file.toFile())) {
      rows = read(sheet);
    }

    assertThat(rows).extracting(TableReader.DataRow::rowNumber).as("sheet rows").containsExactly(4, 5);
    assertThat(rows).extracting(r -> r.values().get("issued")).as("real date cell, serial number")
        .containsExactly("2024-06-03", "2024-06-03");
    assertThat(rows.get(0).rawValues()).as("raw date cell text").containsEntry("发文日期", "2024-06-03");
  }

  @Test
  void duplicateAndBlankHeadersKeepTheirValuesRaw() throws IOException {
    List<TableReader.DataRow> rows = readCsv(StandardCharsets.UTF_8,
        "身份证号,类型,日期,文号,备注,备注,\n" + ID + ",提醒,2024-06-03,T-1,x,y,z\n");

    assertThat(rows.get(0).rawValues()).as("raw values")
        .containsEntry("备注", "x").containsEntry("备注 (2)", "y").containsEntry("(column 7)", "z");
  }
}
