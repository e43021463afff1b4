package dossier.land;

import java.io.Serializable;

/**
 * A file found below the landing root.
 *
 * @param uri fully qualified path, readable through the Hadoop FileSystem API on any executor
 * @param sourcePath path below the landing root, {@code <YYYY-MM>/<source>/<file>}
 * @param deliveryMonth the delivery folder, yyyy-MM
 * @param sizeBytes file length
 */
record DeliveredFile(String uri, String sourcePath, String deliveryMonth, long sizeBytes) implements Serializable {
  /** The file name: a file's identity, whatever folder it arrives in. */
  String fileName() {
    return sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
  }

  /** The folder between the month and the file (the delivering source), or null when not exactly one. */
  String sourceFolder() {
    String[] parts = sourcePath.split("/");
    return parts.length == 3 ? parts[1] : null;
  }
}
