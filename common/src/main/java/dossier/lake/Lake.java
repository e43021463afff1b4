package dossier.lake;

/**
 * Where every table lives below the lake root. Internal layers are Delta tables; the curated
 * layer is plain Parquet for outside readers.
 *
 * <pre>
 * raw/&lt;dataset&gt;/          one Delta table per agency dataset, every delivered row with provenance
 * raw/quarantine/          rejected rows and files, with every reason
 * raw/file_manifest/       one row per delivered file: hash, status, row counts
 * conformed/&lt;table&gt;/      validated, identity-resolved, deduplicated; history kept
 * analysed/&lt;table&gt;/       periods, warnings, triggers, grades, lists: restated, one row per key
 * analysed/&lt;table&gt;_reported/   what each run reported, by as_of_month; analysed/restatement: as of when
 * curated/open|restricted/&lt;table&gt;/   Parquet for BI (restated, current, or &lt;table&gt;_reported/as_of_month=M/)
 * curated/_published.json  what is live in curated/: per table folder its digest, rows, files
 * _runs/                   run log: what each run read and wrote
 * _logs/                   Spark's own log files
 * </pre>
 */
public record Lake(String root) {
  public Lake {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("lake root is empty");
    }
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String raw(String dataset) {
    return root + "/raw/" + dataset;
  }

  public String quarantine() {
    return raw("quarantine");
  }

  public String fileManifest() {
    return raw("file_manifest");
  }

  public String conformed(String table) {
    return root + "/conformed/" + table;
  }

  public String analysed(String table) {
    return root + "/analysed/" + table;
  }

  public String curated(Zone zone, String table) {
    return root + "/curated/" + zone.folder() + "/" + table;
  }

  public String runLog() {
    return root + "/_runs/run_log";
  }

  public String logs() {
    return root + "/_logs";
  }

  /** A table's path below the root ({@code analysed/period_stat}): how the run log names it, wherever the lake lives. */
  public String relative(String path) {
    if (!path.startsWith(root + "/")) {
      throw new IllegalArgumentException(path + " is not below the lake root " + root);
    }
    return path.substring(root.length() + 1);
  }

  /** Curated zones: who may read them. */
  public enum Zone {
    /** Aggregates only, small cells suppressed: for BI analysts and open reports. */
    OPEN("open"),
    /** Person-level tables keyed by person_key: for the supervision office only. */
    RESTRICTED("restricted");

    private final String folder;

    Zone(String folder) {
      this.folder = folder;
    }

    public String folder() {
      return folder;
    }
  }
}
