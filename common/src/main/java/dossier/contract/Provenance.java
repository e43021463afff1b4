package dossier.contract;

import java.util.List;

/**
 * Columns the landing job adds to every raw table (and the quarantine) so that each row can be
 * traced back to the delivered file and replayed. Contract columns may not use these names.
 */
public final class Provenance {
  private Provenance() {}

  /** Delivery folder month, yyyy-MM: when the file arrived. */
  public static final String DELIVERY_MONTH = "delivery_month";
  /** The month in the file name ({@code <dataset>_<YYYYMM>}), yyyy-MM: the state a snapshot shows. */
  public static final String FILE_MONTH = "file_month";
  /** File name, the file's identity whatever folder it arrives in. */
  public static final String SOURCE_FILE = "source_file";
  /** Path below the landing root: {@code <YYYY-MM>/<source>/<file>}. */
  public static final String SOURCE_PATH = "source_path";
  /** SHA-256 of the file's bytes, hex. */
  public static final String FILE_SHA256 = "file_sha256";
  /** 1-based physical row (CSV line record or sheet row) of the value in the file. */
  public static final String ROW_NUMBER = "row_number";
  /** The landing run that wrote the row. */
  public static final String RUN_ID = "run_id";
  /** When the row was written. */
  public static final String LANDED_AT = "landed_at";
  /** Every original cell as delivered, header to raw text, unknown extra columns included. */
  public static final String RAW_VALUES = "raw_values";
  /** Non-fatal findings about the row, e.g. an invalid optional ID set aside. */
  public static final String FLAGS = "flags";
  /**
   * The source_path of the later version of the same file that replaced the row's version, null
   * while its version is current. A replaced version's rows stay: what it delivered stays
   * delivered in its month, and the replacement changes it from the month it arrived.
   */
  public static final String SUPERSEDED_BY = "superseded_by";

  public static final List<String> COLUMNS = List.of(
      DELIVERY_MONTH, FILE_MONTH, SOURCE_FILE, SOURCE_PATH, FILE_SHA256, ROW_NUMBER, RUN_ID,
      LANDED_AT, RAW_VALUES, FLAGS, SUPERSEDED_BY);
}
