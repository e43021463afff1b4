package dossier.land;

import java.io.Serializable;

/**
 * One file to read on an executor, with everything its rows carry as provenance.
 *
 * @param uri fully qualified path for the Hadoop FileSystem API
 * @param format {@link Fingerprint#CSV} or {@link Fingerprint#XLSX}
 * @param encoding the text encoding of a CSV, null for XLSX
 */
record ParseTask(String uri, String sourcePath, String sourceFile, String dataset, String deliveryMonth,
    String fileMonth, String sha256, String format, String encoding, long sizeBytes) implements Serializable {}
