package dossier.land;

import dossier.contract.Provenance;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads one delivered file on an executor into generic rows: one per data row (provenance, raw
 * values, canonical values as text in the contract's column order, reasons, flags) and, last,
 * one summary row per file with the rows read and why the file as a whole cannot land, if it
 * cannot. Streaming: rows are produced as the file is read. A file that fails midway keeps the
 * rows read so far and is rejected.
 */
final class FileParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Columns of a parsed row; {@code summary} rows carry {@code rows_read} and {@code file_reason}. */
  static final StructType SCHEMA = new StructType()
      .add("dataset", DataTypes.StringType)
      .add(Provenance.SOURCE_PATH, DataTypes.StringType)
      .add(Provenance.SOURCE_FILE, DataTypes.StringType)
      .add(Provenance.DELIVERY_MONTH, DataTypes.StringType)
      .add(Provenance.FILE_MONTH, DataTypes.StringType)
      .add(Provenance.FILE_SHA256, DataTypes.StringType)
      .add(Provenance.ROW_NUMBER, DataTypes.IntegerType)
      .add(Provenance.RAW_VALUES, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType))
      // Canonical values in the contract's column order: an array, because interpreted
      // expressions look map keys up one by one, each at a per-row cost in Spark 4.2.
      .add("values", DataTypes.createArrayType(DataTypes.StringType))
      .add("reasons", DataTypes.createArrayType(DataTypes.StringType))
      .add(Provenance.FLAGS, DataTypes.createArrayType(DataTypes.StringType))
      .add("summary", DataTypes.BooleanType, false)
      .add("rows_read", DataTypes.LongType)
      .add("file_reason", DataTypes.StringType);

  private final ReadRules rules;

  /** Spark's row encoder takes Scala maps (and Java arrays for arrays). */
  static scala.collection.Map<String, String> scalaMap(java.util.Map<String, String> map) {
    return scala.jdk.javaapi.CollectionConverters.asScala(map);
  }

  FileParser(ReadRules rules) {
    this.rules = rules;
  }

  /** The rows of every task in turn, lazily. */
  Iterator<Row> parseAll(Iterator<ParseTask> tasks, Configuration conf) {
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && tasks.hasNext()) {
          current = parse(tasks.next(), conf);
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The rows of one file, then its summary row. */
  Iterator<Row> parse(ParseTask task, Configuration conf) {
    return new FileRows(task, conf);
  }

  private final class FileRows implements Iterator<Row> {
    private final ParseTask task;
    private SheetReader sheet;
    private TableReader table;
    private File localCopy;
    private String failure;
    private boolean rowsDone;
    private boolean summarised;

    FileRows(ParseTask task, Configuration conf) {
      this.task = task;
      try {
        sheet = open(task, conf);
        table = new TableReader(sheet, rules.layout(task.dataset()), rules, YearMonth.parse(task.deliveryMonth()));
      } catch (IOException | RuntimeException e) {
        fail(e);
      }
      TaskContext context = TaskContext.get();
      if (context != null) {
        context.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) c -> close());
      }
    }

    @Override
    public boolean hasNext() {
      if (!rowsDone) {
        try {
          if (table.hasNext()) {
            return true;
          }
        } catch (RuntimeException e) {
          fail(e);
        }
        rowsDone = true;
        close();
      }
      return !summarised;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (!rowsDone) {
        TableReader.DataRow row = table.next();
        return RowFactory.create(task.dataset(), task.sourcePath(), task.sourceFile(), task.deliveryMonth(),
            task.fileMonth(), task.sha256(), row.rowNumber(), scalaMap(row.rawValues()),
            rules.layout(task.dataset()).inColumnOrder(row.values()),
            row.reasons().toArray(String[]::new), row.flags().toArray(String[]::new), false, null, null);
      }
      summarised = true;
      long read = table == null ? 0 : table.rowsRead();
      String reason = failure != null ? failure : table.fileReason();
      return RowFactory.create(task.dataset(), task.sourcePath(), task.sourceFile(), task.deliveryMonth(),
          task.fileMonth(), task.sha256(), null, null, null, new String[0], new String[0], true, read, reason);
    }

    private void fail(Exception e) {
      failure = "unreadable " + task.format() + " file: " + e.getMessage();
      rowsDone = true;
      close();
    }

    private SheetReader open(ParseTask task, Configuration conf) throws IOException {
      Path path = new Path(task.uri());
      FileSystem fs = path.getFileSystem(conf);
      if (Fingerprint.CSV.equals(task.format())) {
        return new CsvReader(fs.open(path), task.encoding());
      }
      return new XlsxReader(localFile(fs, path));
    }

    /** XLSX needs random access to its ZIP directory: a local file, copied from a remote store if need be. */
    private File localFile(FileSystem fs, Path path) throws IOException {
      if (fs instanceof LocalFileSystem local) {
        return local.pathToFile(path);
      }
      localCopy = Files.createTempFile("dossier-landing-", ".xlsx").toFile();
      try (InputStream in = fs.open(path)) {
        Files.copy(in, localCopy.toPath(), StandardCopyOption.REPLACE_EXISTING);
      }
      return localCopy;
    }

    private void close() {
      try {
        if (sheet != null) {
          sheet.close();
        }
      } catch (IOException e) {
        // a reader we are done with: nothing to lose
      } finally {
        sheet = null;
        if (localCopy != null) {
          localCopy.delete();
          localCopy = null;
        }
      }
    }
  }
}
