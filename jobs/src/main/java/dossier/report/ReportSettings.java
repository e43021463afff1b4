package dossier.report;

import dossier.settings.ConfigReader;
import dossier.settings.DossierSettings;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the reports are made, parsed once from {@code dossier.report} (reference.conf), the
 * suppression threshold publish applies ({@code dossier.publish.min-persons}: the open report
 * shows a suppressed figure as "&lt;3") and the category labels ({@code dossier.rules.categories}).
 *
 * @param trendMonths months shown on the quarterly report's trend line, up to the quarter's end
 * @param risingUnits units listed as rising fastest in the quarterly report
 * @param minPersons publish's small-cell threshold
 * @param categories record category code to its Chinese label
 */
record ReportSettings(int trendMonths, int risingUnits, int minPersons, Map<String, String> categories) {
  ReportSettings {
    categories = Map.copyOf(categories);
  }

  static ReportSettings from(DossierSettings settings) {
    ConfigReader report = ConfigReader.at(settings.config(), "dossier.report");
    ConfigReader labels = ConfigReader.at(settings.config(), "dossier.rules.categories");
    Map<String, String> categories = new TreeMap<>();
    labels.raw().root().keySet().forEach(code -> categories.put(code, labels.nonEmptyString(code)));
    return new ReportSettings(report.positiveInt("trend-months"), report.positiveInt("rising-units"),
        ConfigReader.at(settings.config(), "dossier.publish").positiveInt("min-persons"), categories);
  }

  /** How a suppressed figure reads: fewer than the threshold. */
  String suppressedMark() {
    return "<" + minPersons;
  }

  String categoryLabel(String code) {
    return categories.getOrDefault(code, code);
  }
}
