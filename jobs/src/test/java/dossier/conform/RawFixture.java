package dossier.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dossier.conform.io.RawTables;
import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.contract.Provenance;
import dossier.lake.Lake;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Raw-layer rows for tests, built from a dataset's contract the way the landing job lands them:
 * canonical columns typed, a contract default applied, provenance filled in (delivery month,
 * file month and sequence from the file name, row numbers from 2 after the header, raw values:
 * each given text under its column's first header spelling).
 */
final class RawFixture {
  private final SparkSession spark;
  private final Map<String, DatasetContract> contracts;
  private final List<File> files = new ArrayList<>();

  RawFixture(SparkSession spark, Map<String, DatasetContract> contracts) {
    this.spark = spark;
    this.contracts = contracts;
  }

  /** A delivered file: {@code <dataset>_<YYYYMM>[_n].csv} in delivery folder {@code deliveryMonth}. */
  File file(String deliveryMonth, String fileName) {
    String dataset = fileName.replaceFirst("_[0-9]{6}(_[0-9]+)?\\.[a-z]+$", "");
    if (!contracts.containsKey(dataset)) {
      throw new IllegalArgumentException("no contract for " + fileName);
    }
    File file = new File(contracts.get(dataset), deliveryMonth, fileName);
    files.add(file);
    return file;
  }

  /** The unit register of each month: U1 甲镇 (镇街) and U2 乙局 (部门). */
  RawFixture twoUnits(List<String> months) {
    for (String month : months) {
      file(month, "zzb_unit_" + month.replace("-", "") + ".csv").row("unit_code", "U1", "unit_name", "甲镇", "unit_type", "镇街")
          .row("unit_code", "U2", "unit_name", "乙局", "unit_type", "部门");
    }
    return this;
  }

  /** The raw rows of a dataset (RawTables shape), from every file of it. */
  Dataset<Row> rows(String dataset) {
    return rows(dataset, "9999-12");
  }

  /** The raw rows of a dataset from the files delivered up to {@code month}. */
  Dataset<Row> rows(String dataset, String month) {
    return RawTables.typed(landed(dataset, month), contracts.get(dataset));
  }

  /** A dataset's raw table as the landing job writes it, from the files delivered up to {@code month}. */
  private Dataset<Row> landed(String dataset, String month) {
    DatasetContract contract = contracts.get(dataset);
    StructType landedText = new StructType();
    for (ColumnSpec column : contract.columns()) {
      landedText = landedText.add(column.name(), DataTypes.StringType);
    }
    for (String name : RawTables.PROVENANCE) {
      landedText = landedText.add(name, name.equals(Provenance.ROW_NUMBER) ? DataTypes.IntegerType : DataTypes.StringType);
    }
    landedText = landedText.add(Provenance.RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    // A file delivered again under the same name replaces its earlier version (extracts.md), whose
    // rows stay, marked with the replacement's path.
    Map<String, File> latest = new LinkedHashMap<>();
    Map<File, String> replacedBy = new LinkedHashMap<>();
    files.stream().filter(f -> f.contract == contract && f.deliveryMonth.compareTo(month) <= 0)
        .sorted(java.util.Comparator.comparing(f -> f.deliveryMonth))
        .forEach(f -> {
          File earlier = latest.put(f.name, f);
          if (earlier != null) {
            replacedBy.put(earlier, f.path());
          }
        });
    List<Row> rows = new ArrayList<>();
    files.stream().filter(f -> f.contract == contract && f.deliveryMonth.compareTo(month) <= 0)
        .forEach(f -> rows.addAll(f.rows(replacedBy.get(f))));
    List<Column> typed = new ArrayList<>();
    contract.columns().forEach(c -> typed.add(col(c.name()).cast(c.type().sparkType()).as(c.name())));
    RawTables.PROVENANCE.forEach(name -> typed.add(col(name)));
    typed.add(col(Provenance.RAW_VALUES));
    return spark.createDataFrame(rows, landedText).select(typed.toArray(Column[]::new));
  }

  /** Writes every dataset's rows delivered up to {@code month} as its raw Delta table (a new version each time). */
  void land(Lake lake, String month) {
    contracts.keySet().stream().filter(d -> files.stream().anyMatch(f -> f.contract.name().equals(d)
        && f.deliveryMonth.compareTo(month) <= 0)).forEach(d ->
        landed(d, month).withColumn("run_id", lit("test")).write().format("delta").mode("overwrite")
            .option("overwriteSchema", "true").save(lake.raw(d)));
  }

  /** One delivered file and its rows. */
  static final class File {
    private final DatasetContract contract;
    private final String deliveryMonth;
    private final String name;
    private final List<Map<String, String>> values = new ArrayList<>();

    private File(DatasetContract contract, String deliveryMonth, String name) {
      this.contract = contract;
      this.deliveryMonth = deliveryMonth;
      this.name = name;
    }

    /** A row: canonical column, value as text, ... (columns not given are null or their default). */
    File row(String... columnsAndValues) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < columnsAndValues.length; i += 2) {
        if (contract.column(columnsAndValues[i]).isEmpty()) {
          throw new IllegalArgumentException(columnsAndValues[i] + " is not a column of " + contract.name());
        }
        row.put(columnsAndValues[i], columnsAndValues[i + 1]);
      }
      values.add(row);
      return this;
    }

    private String path() {
      return deliveryMonth + "/" + contract.source() + "/" + name;
    }

    private List<Row> rows(String supersededBy) {
      String fileMonth = name.replaceFirst("^.*_([0-9]{4})([0-9]{2})(_[0-9]+)?\\.[a-z]+$", "$1-$2");
      String sha = sha256(name + values);
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        List<Object> cells = new ArrayList<>();
        for (ColumnSpec column : contract.columns()) {
          cells.add(values.get(i).getOrDefault(column.name(), column.defaultValue().orElse(null)));
        }
        cells.addAll(List.of(deliveryMonth, fileMonth, name, path(), sha));
        cells.add(i + 2);
        cells.add(supersededBy);
        cells.add(CollectionConverters.asScala(rawValues(values.get(i))));
        rows.add(RowFactory.create(cells.toArray()));
      }
      return rows;
    }

    /** The cells as delivered: each value given, under its column's first header spelling. */
    private Map<String, String> rawValues(Map<String, String> row) {
      Map<String, String> raw = new LinkedHashMap<>();
      row.forEach((column, value) -> {
        if (value != null) {
          raw.put(contract.column(column).orElseThrow().headers().get(0), value);
        }
      });
      return raw;
    }

    private static String sha256(String text) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
