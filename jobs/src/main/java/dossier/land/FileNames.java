package dossier.land;

import dossier.contract.DatasetContract;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivered file's name, {@code <dataset>_<YYYYMM>[_<n>].csv|xlsx}, against the configured
 * contracts and the folder it came in. A name that does not fit is a rejected file, with a
 * message saying why; so is a name whose month is after its delivery folder's, since a folder
 * delivers its month and earlier ones (the rule that defers folders after the as-of month).
 */
final class FileNames {
  private static final Pattern NAME = Pattern.compile(
      "([a-z]+_[a-z0-9_]+?)_(\\d{4})(\\d{2})(?:_\\d+)?\\.(csv|xlsx)", Pattern.CASE_INSENSITIVE);

  private FileNames() {}

  /**
   * What the name says.
   *
   * @param dataset the dataset, when the name names a configured one
   * @param fileMonth yyyy-MM from the name, when it has one
   * @param extension csv or xlsx, lower case, when the name has one
   * @param rejection why the file cannot be landed, or null
   */
  record Identity(String dataset, String fileMonth, String extension, String rejection) {}

  /**
   * What makes two deliveries versions of one file: the name without its extension, so that a
   * workbook re-sent as CSV (or back) replaces the earlier version.
   */
  static String versionKey(String fileName) {
    return fileName.replaceFirst("(?i)\\.(csv|xlsx)$", "");
  }

  static Identity identify(DeliveredFile file, Map<String, DatasetContract> contracts) {
    Matcher m = NAME.matcher(file.fileName());
    if (!m.matches()) {
      return new Identity(null, null, null, "file name '" + file.fileName()
          + "' is not <dataset>_<YYYYMM>[_<n>].csv or .xlsx");
    }
    String dataset = m.group(1);
    int month = Integer.parseInt(m.group(3));
    String fileMonth = month >= 1 && month <= 12 ? m.group(2) + "-" + m.group(3) : null;
    String extension = m.group(4).toLowerCase(java.util.Locale.ROOT);
    DatasetContract contract = contracts.get(dataset);
    String rejection = null;
    if (contract == null) {
      rejection = "unknown dataset '" + dataset + "': no contract dossier.datasets." + dataset + " is configured";
      dataset = null;
    } else if (fileMonth == null) {
      rejection = "file name month '" + m.group(2) + m.group(3) + "' is not a month";
    } else if (fileMonth.compareTo(file.deliveryMonth()) > 0) {
      rejection = "file name month " + fileMonth + " is after its delivery folder " + file.deliveryMonth()
          + ": deliver it in the " + fileMonth + " folder";
    } else if (file.sourceFolder() == null) {
      rejection = "not in a source folder: deliveries are <YYYY-MM>/<source>/<file>";
    } else if (!contract.source().equals(file.sourceFolder())) {
      rejection = "delivered in source folder '" + file.sourceFolder() + "' but " + dataset
          + " comes from source '" + contract.source() + "'";
    }
    return new Identity(dataset, fileMonth, extension, rejection);
  }
}
