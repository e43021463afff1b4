package dossier.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dossier.settings.SettingsException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatasetContractsTest {
  private static final String VALID = """
      dossier.datasets.jw_cf {
        label = "党纪政务处分", source = jw, kind = incremental, key = [doc_no]
        columns = [
          { name = id_number, label = "身份证号", headers = [身份证号], type = id, required = true }
          { name = sanction, label = "处分类型", headers = [处分类型, 处分], type = code, codes = [警告, 记过] }
          { name = doc_no, label = "决定文号", headers = [决定文号, 文号], type = string, required = true }
        ]
        checks = [ { name = "has a doc", sql = "doc_no IS NOT NULL" } ]
      }
      """;

  private static Map<String, DatasetContract> parse(String hocon) {
    return DatasetContracts.from(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()));
  }

  private static Config valid() {
    return ConfigFactory.parseString(VALID).withFallback(ConfigFactory.defaultReference());
  }

  private static String invalid(String path, Object value) {
    Config bad = ConfigFactory.parseString(path + " = " + value).withFallback(valid());
    try {
      DatasetContracts.from(bad);
    } catch (SettingsException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + path + " = " + value + " to be refused");
  }

  @Test
  void parsesColumnsHeadersTypesKeysAndChecksInOrder() {
    DatasetContract contract = parse(VALID).get("jw_cf");

    assertThat(contract.source()).as("source").isEqualTo("jw");
    assertThat(contract.kind()).as("kind").isEqualTo(DatasetContract.Kind.INCREMENTAL);
    assertThat(contract.key()).as("key").containsExactly("doc_no");
    assertThat(contract.columns()).extracting(ColumnSpec::name).as("column order")
        .containsExactly("id_number", "sanction", "doc_no");
    assertThat(contract.column("sanction").orElseThrow().headers()).as("spellings").containsExactly("处分类型", "处分");
    assertThat(contract.column("sanction").orElseThrow().codes()).as("codes").containsExactly("警告", "记过");
    assertThat(contract.column("id_number").orElseThrow().required()).as("required").isTrue();
    assertThat(contract.column("sanction").orElseThrow().required()).as("optional by default").isFalse();
    assertThat(contract.checks()).extracting(RowCheck::name).as("checks").containsExactly("has a doc");
  }

  @Test
  void everyDateColumnHasAPlausibleRangeTheDefaultsOrItsOwn() {
    String columns = "[{ name = doc_no, label = D, headers = [文号], type = string },"
        + " { name = decided, label = A, headers = [决定日期], type = date },"
        + " { name = planned, label = B, headers = [计划日期], type = date, latest-after-delivery-days = 366 },"
        + " { name = born, label = C, headers = [出生年月], type = date-or-month, earliest-year = 1930 }]";
    DatasetContract contract = DatasetContracts.from(
        ConfigFactory.parseString("dossier.datasets.jw_cf.columns = " + columns).withFallback(valid())).get("jw_cf");

    assertThat(contract.columns()).extracting(ColumnSpec::dates).as("ranges of doc_no, decided, planned, born")
        .containsExactly(Optional.empty(), Optional.of(new DateRange(1949, 31)), Optional.of(new DateRange(1949, 366)),
            Optional.of(new DateRange(1930, 31)));
  }

  @Test
  void aPlausibleRangeBelongsToDateColumnsOnly() {
    assertThat(invalid("dossier.datasets.jw_cf.columns",
        "[{ name = doc_no, label = A, headers = [A], type = string, earliest-year = 2000 }]"))
        .contains("dossier.datasets.jw_cf.columns[0].earliest-year", "'2000'", "only date columns");
    assertThat(invalid("dossier.landing.dates.latest-after-delivery-days", "-1"))
        .contains("dossier.landing.dates.latest-after-delivery-days = '-1'", "must not be negative");
  }

  @Test
  void unknownTypeNamesTheKeyAndTheValue() {
    assertThat(invalid("dossier.datasets.jw_cf.columns", "[{ name = a, label = A, headers = [A], type = datetime }]"))
        .contains("dossier.datasets.jw_cf.columns[0].type", "'datetime'", "expected one of");
  }

  @Test
  void keyMustNameAColumn() {
    assertThat(invalid("dossier.datasets.jw_cf.key", "[case_no]"))
        .contains("dossier.datasets.jw_cf.key", "'case_no' is not a column of jw_cf");
  }

  @Test
  void codeColumnNeedsCodes() {
    assertThat(invalid("dossier.datasets.jw_cf.columns", "[{ name = a, label = A, headers = [A], type = code }]"))
        .contains("dossier.datasets.jw_cf.columns[0].codes", "needs its code list");
  }

  @Test
  void oneHeaderSpellingBelongsToOneColumn() {
    String columns = "[{ name = a, label = A, headers = [文号], type = string },"
        + " { name = b, label = B, headers = [文号], type = string }]";
    assertThat(invalid("dossier.datasets.jw_cf.columns", columns))
        .contains("columns[1].headers", "'文号'", "already a header of column 'a'");
  }

  @Test
  void provenanceNamesAreReserved() {
    assertThat(invalid("dossier.datasets.jw_cf.columns", "[{ name = row_number, label = A, headers = [A], type = int }]"))
        .contains("columns[0].name", "'row_number'", "provenance");
  }

  @Test
  void datasetMustBeginWithItsSource() {
    assertThat(invalid("dossier.datasets.jw_cf.source", "zzb"))
        .contains("dossier.datasets.jw_cf.source", "'zzb'", "must begin with its source");
  }

  @Test
  void kindIsSnapshotOrIncremental() {
    assertThat(invalid("dossier.datasets.jw_cf.kind", "monthly"))
        .contains("dossier.datasets.jw_cf.kind", "'monthly'", "[incremental, snapshot]");
  }

  @Test
  void missingContractsAreReported() {
    assertThatThrownBy(() -> parse("dossier.other = 1"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("dossier.datasets is missing");
  }

  @Test
  void codeDefaultMustBeACode() {
    String columns = "[{ name = a, label = A, headers = [A], type = code, codes = [x], default = y }, "
        + "{ name = doc_no, label = B, headers = [B], type = string }]";
    assertThat(invalid("dossier.datasets.jw_cf.columns", columns)).contains("columns[0].default", "'y'");
  }
}
