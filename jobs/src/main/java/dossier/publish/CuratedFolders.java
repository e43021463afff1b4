package dossier.publish;

import dossier.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where publish prepares curated content and how it swaps it in. New content is written to
 * {@code curated/.staging/} (hidden: BI tools, Spark and {@code LakeListing} skip names starting with
 * a dot), then renamed into place: the live folder is renamed to {@code curated/.trash/}, the new
 * one to the live name, and the old one deleted. A reader listing a table's folder finds the old
 * files or the new ones, never a folder being written; between the two renames (a metadata
 * operation each) the folder is briefly absent. After a crash, the next publish of the lake
 * clears what is left in both folders and writes again what its manifest does not hold.
 */
final class CuratedFolders {
  private static final String STAGING = ".staging";
  private static final String TRASH = ".trash";

  private CuratedFolders() {}

  static Path staging(Lake lake) {
    return new Path(lake.root() + "/curated/" + STAGING);
  }

  static Path trash(Lake lake) {
    return new Path(lake.root() + "/curated/" + TRASH);
  }

  /** A staging folder for one table folder of one run, e.g. {@code open_unit_warning-<run>}. */
  static Path staged(Lake lake, String folder, String runId) {
    return new Path(staging(lake), folder.replace('/', '_') + "-" + runId);
  }

  /** Deletes what earlier runs left in the staging and trash folders (a run that stopped half-way). */
  static void clear(FileSystem fs, Lake lake) {
    try {
      fs.delete(staging(lake), true);
      fs.delete(trash(lake), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + staging(lake) + " and " + trash(lake) + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Puts {@code staged} (a folder or a file of {@link #staging}) in the place of {@code live}: the
   * live one is renamed aside into the trash, the staged one renamed to the live name, then the old
   * one deleted.
   */
  static void replace(FileSystem fs, Lake lake, Path staged, Path live) {
    try {
      Path aside = null;
      if (fs.exists(live)) {
        fs.mkdirs(trash(lake));
        aside = new Path(trash(lake), staged.getName());
        rename(fs, live, aside);
      }
      fs.mkdirs(live.getParent());
      rename(fs, staged, live);
      if (aside != null) {
        fs.delete(aside, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put " + staged + " in place of " + live + ": " + e.getMessage(), e);
    }
  }

  private static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("the file system refused to rename " + from + " to " + to);
    }
  }
}
