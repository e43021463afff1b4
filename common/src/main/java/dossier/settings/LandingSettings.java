package dossier.settings;

import java.util.List;

/**
 * How delivered files are read and values normalised.
 *
 * @param root landing folder, holding {@code <YYYY-MM>/<source>/<file>}
 * @param nullWords cell values (after trimming) that mean "no value"
 * @param footerPrefixes a sheet row starting with one of these ends the data (XLSX footers)
 * @param headerSearchRows how many rows from the top of a sheet or file to search for the header
 * @param deliveredBytesPerFile delivered bytes of a dataset that make one Parquet file of its raw table
 */
public record LandingSettings(String root, List<String> nullWords, List<String> footerPrefixes,
    int headerSearchRows, long deliveredBytesPerFile) {
  public LandingSettings {
    nullWords = List.copyOf(nullWords);
    footerPrefixes = List.copyOf(footerPrefixes);
  }

  /** The same settings reading another landing folder. */
  public LandingSettings withRoot(String newRoot) {
    return new LandingSettings(newRoot, nullWords, footerPrefixes, headerSearchRows, deliveredBytesPerFile);
  }

  static LandingSettings from(ConfigReader c) {
    return new LandingSettings(c.nonEmptyString("root"), c.strings("null-words"),
        c.strings("footer-prefixes"), c.positiveInt("header-search-rows"), c.positiveBytes("delivered-bytes-per-file"));
  }
}
