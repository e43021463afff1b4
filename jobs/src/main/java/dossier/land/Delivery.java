package dossier.land;

/**
 * A discovered file with what its name and its bytes say.
 *
 * @param file where it is
 * @param identity dataset and month from its name
 * @param fingerprint hash, format and encoding from its bytes
 */
record Delivery(DeliveredFile file, FileNames.Identity identity, Fingerprint fingerprint) {
  /** Why the file is rejected before any row is read (its name, folder or format), or null. */
  String rejection() {
    if (identity.rejection() != null) {
      return identity.rejection();
    }
    if (file.sizeBytes() == 0) {
      return FileMessages.EMPTY_FILE;
    }
    if (Fingerprint.XLS.equals(fingerprint.format())) {
      return "a legacy Excel 97-2003 workbook: save it as .xlsx";
    }
    if (!fingerprint.format().equals(identity.extension())) {
      return "the name says ." + identity.extension() + " but the content is " + fingerprint.format();
    }
    return null;
  }

  ParseTask task() {
    return new ParseTask(file.uri(), file.sourcePath(), file.fileName(), identity.dataset(), file.deliveryMonth(),
        identity.fileMonth(), fingerprint.sha256(), fingerprint.format(), fingerprint.encoding(), file.sizeBytes());
  }
}
