package dossier.land;

import dossier.contract.DatasetContract;
import dossier.normalise.Values;
import dossier.settings.LandingSettings;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything executors need to read delivered files: value cleaning, footer prefixes, how far to
 * search for the header row, and each dataset's layout. Serializable, built once per run.
 */
record ReadRules(Values values, List<String> footerPrefixes, int headerSearchRows, Map<String, DatasetLayout> layouts)
    implements Serializable {
  static ReadRules from(LandingSettings landing, Map<String, DatasetContract> contracts) {
    Map<String, DatasetLayout> layouts = new TreeMap<>();
    contracts.forEach((name, contract) -> layouts.put(name, new DatasetLayout(contract)));
    return new ReadRules(Values.withNullWords(landing.nullWords()), List.copyOf(landing.footerPrefixes()),
        landing.headerSearchRows(), layouts);
  }

  DatasetLayout layout(String dataset) {
    return layouts.get(dataset);
  }
}
