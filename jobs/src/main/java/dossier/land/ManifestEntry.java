package dossier.land;

/**
 * One row of {@code raw/file_manifest}: a delivered file path, what was done with it and its row
 * counts ({@code rowsRead = rowsLanded + rowsQuarantined + rowsRejected}: a rejected file's rows are
 * neither landed nor quarantined one by one, the file stands for them). The run id and time are
 * added when written.
 */
record ManifestEntry(String sourcePath, String sourceFile, String dataset, String deliveryMonth, String fileMonth,
    String sha256, long sizeBytes, String format, String encoding, String status, long rowsRead, long rowsLanded,
    long rowsQuarantined, long rowsRejected, String message) {

  static final String LANDED = "landed";
  static final String SKIPPED = "skipped";
  static final String REPLACED = "replaced";
  static final String SUPERSEDED = "superseded";
  static final String REJECTED = "rejected";

  /** Whether this version's rows are the ones in the raw tables (or quarantine) for its file name. */
  boolean isCurrent() {
    return status.equals(LANDED) || status.equals(REPLACED) || status.equals(REJECTED);
  }

  ManifestEntry withStatus(String newStatus, String newMessage) {
    return new ManifestEntry(sourcePath, sourceFile, dataset, deliveryMonth, fileMonth, sha256, sizeBytes, format,
        encoding, newStatus, rowsRead, rowsLanded, rowsQuarantined, rowsRejected, newMessage);
  }
}
