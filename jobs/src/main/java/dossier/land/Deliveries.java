package dossier.land;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the delivered files below the landing root, {@code <YYYY-MM>/<source>/<file>}, through the
 * Hadoop FileSystem API (local, hdfs://, s3a:// alike). Hidden entries (starting with {@code .} or
 * {@code _}) are not deliveries; other top-level entries that are no month folder are reported.
 * Delivery folders after the as-of month wait for a later run, so that a backfill lands month by
 * month exactly as the deliveries arrived.
 */
final class Deliveries {
  private static final Pattern MONTH_FOLDER = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private Deliveries() {}

  /** What the landing folder holds: files in month folders, and notes on what was passed over. */
  record Listing(List<DeliveredFile> files, List<String> notes) {}

  static Listing list(FileSystem fs, Path root, Optional<YearMonth> upTo) {
    try {
      List<DeliveredFile> files = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      int later = 0;
      if (!fs.exists(root)) {
        throw new IllegalArgumentException("the landing folder " + root + " does not exist");
      }
      for (FileStatus month : fs.listStatus(root)) {
        String name = month.getPath().getName();
        if (isHidden(name)) {
          continue;
        }
        if (!month.isDirectory() || !MONTH_FOLDER.matcher(name).matches()) {
          notes.add("passed over '" + name + "': deliveries are <YYYY-MM>/<source>/<file>");
          continue;
        }
        if (upTo.isPresent() && YearMonth.parse(name).isAfter(upTo.get())) {
          later++;
          continue;
        }
        files.addAll(filesBelow(fs, month.getPath(), name));
      }
      if (later > 0) {
        notes.add(later + " delivery folder(s) after " + upTo.get() + " left for a later run");
      }
      files.sort(java.util.Comparator.comparing(DeliveredFile::sourcePath));
      return new Listing(files, notes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing folder " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Every file below a month folder, hidden ones (and those in hidden folders) left out. A walk of
   * listStatus rather than listFiles, which reads each file's permissions: Hadoop's local file
   * system does that by running {@code ls} once per file.
   */
  private static List<DeliveredFile> filesBelow(FileSystem fs, Path monthFolder, String month) throws IOException {
    List<DeliveredFile> files = new ArrayList<>();
    walk(fs, monthFolder, monthFolder.toUri().getPath() + "/", month, files);
    return files;
  }

  private static void walk(FileSystem fs, Path folder, String prefix, String month, List<DeliveredFile> into)
      throws IOException {
    for (FileStatus entry : fs.listStatus(folder)) {
      if (isHidden(entry.getPath().getName())) {
        continue;
      }
      if (entry.isDirectory()) {
        walk(fs, entry.getPath(), prefix, month, into);
      } else {
        String relative = entry.getPath().toUri().getPath().substring(prefix.length());
        into.add(new DeliveredFile(entry.getPath().toString(), month + "/" + relative, month, entry.getLen()));
      }
    }
  }

  private static boolean isHidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
  }
}
