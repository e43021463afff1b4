package dossier.sample;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import dossier.contract.ColumnSpec;
import dossier.contract.DatasetContract;
import dossier.settings.ConfigReader;
import dossier.settings.SettingsException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample generator's settings, read once from {@code dossier.sample} (every default is in
 * reference.conf) and the windows of {@code dossier.rules}, validated: every code named must be in
 * its dataset contract's code list.
 *
 * @param cadres cadres on the roster at any time
 * @param months monthly delivery folders after the backfill folder
 * @param seed seed of every random choice
 * @param lastDelivery the last delivery month
 * @param historyStart the first month of history
 * @param minCadres fewest cadres the planted scenarios need
 */
public record SampleSettings(
    int cadres, int months, long seed, YearMonth lastDelivery, YearMonth historyStart, int minCadres,
    District district, Careers careers, Matters matters, Delivery delivery, Values values, Windows windows) {

  static final String ROOT = "dossier.sample";

  /** The same settings with the command line's choices. */
  public SampleSettings with(int newCadres, int newMonths, long newSeed) {
    return new SampleSettings(newCadres, newMonths, newSeed, lastDelivery, historyStart, minCadres,
        district, careers, matters, delivery, values, windows);
  }

  /** Reads and validates {@code dossier.sample} against the dataset contracts. */
  public static SampleSettings from(Config config, Map<String, DatasetContract> contracts) {
    ConfigReader c = ConfigReader.at(config, ROOT);
    Codes codes = new Codes(contracts);
    SampleSettings settings = new SampleSettings(
        c.positiveInt("cadres"), c.positiveInt("months"), whole(c, "seed"),
        yearMonth(c, "last-delivery"), yearMonth(c, "history-start"), c.positiveInt("min-cadres"),
        District.from(c.child("district"), codes), Careers.from(c.child("careers")),
        Matters.from(c.child("matters"), codes), Delivery.from(c.child("delivery")),
        Values.from(c.child("values")), Windows.from(config));
    if (!settings.historyStart.isBefore(settings.lastDelivery)) {
      throw SettingsException.badValue(c.key("history-start"), settings.historyStart,
          "must be before last-delivery " + settings.lastDelivery);
    }
    return settings;
  }

  /** District shape: units, teams, people. */
  public record District(
      int cadresPerUnit, Shares<String> unitTypes, int[] deputies, int[] firstRosterBirthYears,
      int[] newCadreBirthYears, int retirementAge, Shares<String> idRegions, double women,
      double minorityNames, double oneCharacterGivenNames, double sameNamePairsPerThousand) {
    static District from(ConfigReader c, Codes codes) {
      return new District(c.positiveInt("cadres-per-unit"),
          codes.shares(c, "unit-types", "zzb_unit", "unit_type"), range(c, "deputies"),
          range(c, "first-roster-birth-years"), range(c, "new-cadre-birth-years"),
          c.positiveInt("retirement-age"), idRegions(c), c.fraction("women"), c.fraction("minority-names"),
          c.fraction("one-character-given-names"), c.number("same-name-pairs-per-thousand"));
    }

    private static Shares<String> idRegions(ConfigReader c) {
      Shares<String> regions = shares(c, "id-regions");
      for (String region : regions.items()) {
        if (!region.matches("[1-9][0-9]{5}")) {
          throw SettingsException.badValue(c.key("id-regions"), region, "a region code is six digits");
        }
      }
      return regions;
    }
  }

  /** Career events, per cadre (or unit) and year. */
  public record Careers(
      double leaveRate, double rejoinShare, int[] rejoinAfterYears, double moveRate, double postChangeRate,
      double principalFromOtherUnit, double unitRenameRate, double unitCloseRate) {
    static Careers from(ConfigReader c) {
      return new Careers(c.fraction("leave-rate"), c.fraction("rejoin-share"), range(c, "rejoin-after-years"),
          c.fraction("move-rate"), c.fraction("post-change-rate"), c.fraction("principal-from-other-unit"),
          c.fraction("unit-rename-rate"), c.fraction("unit-close-rate"));
    }
  }

  /** A class and sanction of jw_cf / zzb_cf. */
  public record SanctionKind(String sanctionClass, String sanction) {}

  /** A dj_kh grade and the lowest score that earns it. */
  public record GradeFrom(String grade, double from) {}

  /** Matters: rates per cadre (or unit) and year, and the mix of codes. */
  public record Matters(
      Shares<String> assessmentGrades, double assessmentMissingScoreShare, int partyBuildingQuarterlyFrom,
      List<GradeFrom> partyBuildingGrades,
      double sanctionRate, Shares<SanctionKind> sanctions, double sanctionInZzbCf, double zzbCfWithDocNo,
      double admonitionRate, Shares<String> admonitionKinds, double answeredShare,
      double petitionRate, Shares<String> petitionFindings, int[] petitionMonthsToClose,
      double petitionWithoutId, double petitionInvalidId, double petitionAboutNobodyRate,
      double ambiguousPetitionRate, double petitionWithPost,
      double personalReportChecked, Shares<String> personalReportResults,
      double instantReportRate, double instantReportLateShare,
      double leaveRate, Shares<String> leaveTypes, double leaveUnapprovedShare, double leaveReturnedLateShare,
      double leaveNotClosedShare,
      double travelRate, double travelRefusedShare, double unfiledTravelRate,
      double policeRate, Shares<String> policeCauses, Shares<String> policeOutcomes,
      double procuratorateRate, String procuratorateFirstStage, Shares<String> procuratorateOutcomes,
      double courtRate, Shares<String> courtCaseTypes, Map<String, List<String>> courtRoles,
      String courtDishonestDebtorCaseType, double courtDishonestDebtorShare,
      double auditRate, Shares<String> auditRatings, double auditReferredShare,
      double efficiencyPersonRate, double efficiencyUnitRate, Shares<String> efficiencyLevels,
      double rectificationRate, Shares<String> rectificationRemedies, double inspectionRate,
      Shares<String> inspectionRatings) {
    static Matters from(ConfigReader c, Codes codes) {
      return new Matters(
          codes.shares(c, "assessment-grades", "zzb_kh", "grade"), c.fraction("assessment-missing-score-share"),
          c.positiveInt("party-building-quarterly-from"), partyBuildingGrades(c, codes),
          c.number("sanction-rate"), sanctions(c, codes), c.fraction("sanction-in-zzb-cf"),
          c.fraction("zzb-cf-with-doc-no"),
          c.number("admonition-rate"), codes.shares(c, "admonition-kinds", "zzb_txhx", "kind"),
          c.fraction("answered-share"),
          c.number("petition-rate"), codes.shares(c, "petition-findings", "xf_jb", "finding"),
          range(c, "petition-months-to-close"), c.fraction("petition-without-id"), c.fraction("petition-invalid-id"),
          c.number("petition-about-nobody-rate"), c.number("ambiguous-petition-rate"), c.fraction("petition-with-post"),
          c.fraction("personal-report-checked"), codes.shares(c, "personal-report-results", "zzb_grsx", "result"),
          c.number("instant-report-rate"), c.fraction("instant-report-late-share"),
          c.number("leave-rate"), codes.shares(c, "leave-types", "zzb_qj", "leave_type"),
          c.fraction("leave-unapproved-share"), c.fraction("leave-returned-late-share"),
          c.fraction("leave-not-closed-share"),
          c.number("travel-rate"), c.fraction("travel-refused-share"), c.number("unfiled-travel-rate"),
          c.number("police-rate"), codes.shares(c, "police-causes", "ga_wf", "cause"),
          codes.shares(c, "police-outcomes", "ga_wf", "outcome"),
          c.number("procuratorate-rate"), codes.code(c, "procuratorate-first-stage", "jcy_aj", "stage"),
          codes.shares(c, "procuratorate-outcomes", "jcy_aj", "stage"),
          c.number("court-rate"), codes.shares(c, "court-case-types", "fy_aj", "case_type"), courtRoles(c, codes),
          codes.code(c, "court-dishonest-debtor-case-type", "fy_aj", "case_type"), c.fraction("court-dishonest-debtor-share"),
          c.number("audit-rate"), codes.shares(c, "audit-ratings", "sj_jzsj", "rating"),
          c.fraction("audit-referred-share"),
          c.number("efficiency-person-rate"), c.number("efficiency-unit-rate"),
          codes.shares(c, "efficiency-levels", "xn_yj", "level"),
          c.number("rectification-rate"), codes.shares(c, "rectification-remedies", "zx_wt", "remedy"),
          c.number("inspection-rate"), codes.shares(c, "inspection-ratings", "zx_wt", "rating"));
    }

    private static List<GradeFrom> partyBuildingGrades(ConfigReader c, Codes codes) {
      List<GradeFrom> grades = new ArrayList<>();
      List<? extends Config> list = c.raw().getConfigList("party-building-grades");
      for (int i = 0; i < list.size(); i++) {
        ConfigReader grade = ConfigReader.of(list.get(i), c.key("party-building-grades") + "[" + i + "]");
        grades.add(new GradeFrom(codes.code(grade, "grade", "dj_kh", "grade"), grade.number("from")));
      }
      return List.copyOf(grades);
    }

    private static Shares<SanctionKind> sanctions(ConfigReader c, Codes codes) {
      Map<SanctionKind, Double> shares = new LinkedHashMap<>();
      List<? extends Config> list = c.raw().getConfigList("sanctions");
      for (int i = 0; i < list.size(); i++) {
        ConfigReader kind = ConfigReader.of(list.get(i), c.key("sanctions") + "[" + i + "]");
        shares.put(new SanctionKind(codes.code(kind, "class", "jw_cf", "sanction_class"),
            codes.code(kind, "sanction", "jw_cf", "sanction")), kind.fraction("share"));
      }
      return Shares.of(shares);
    }

    private static Map<String, List<String>> courtRoles(ConfigReader c, Codes codes) {
      Map<String, List<String>> roles = new TreeMap<>();
      ConfigReader block = c.child("court-roles");
      for (String caseType : new TreeMap<>(block.raw().root()).keySet()) {
        codes.check(block.key(caseType), caseType, "fy_aj", "case_type");
        List<String> list = block.strings(caseType);
        list.forEach(role -> codes.check(block.key(caseType), role, "fy_aj", "party_role"));
        roles.put(caseType, List.copyOf(list));
      }
      return roles;
    }
  }

  /** File-level habits of the agencies. */
  public record Delivery(
      double lateShare, int lateMonths, double xlsxShare, int xlsxMaxRows, Shares<String> encodings,
      double crlfShare, double trailingBlankLinesShare, double titleShare, int blankRowsMax, double footerShare,
      double extraColumnsShare, double withoutRecordStateShare, double correctionShare,
      double sameMonthCorrectionShare, double revocationShare, double identicalRedeliveriesPerMonth,
      int changedRedeliveries, int rejectedFiles, double changedRedeliveryNewRows, int monthOnlyRosters) {
    static Delivery from(ConfigReader c) {
      Shares<String> encodings = shares(c, "encodings");
      for (String encoding : encodings.items()) {
        if (!CsvTable.ENCODINGS.contains(encoding)) {
          throw SettingsException.badValue(c.key("encodings"), encoding, "must be one of " + CsvTable.ENCODINGS);
        }
      }
      return new Delivery(c.fraction("late-share"), c.positiveInt("late-months"), c.fraction("xlsx-share"),
          c.positiveInt("xlsx-max-rows"), encodings, c.fraction("crlf-share"),
          c.fraction("trailing-blank-lines-share"), c.fraction("title-share"), c.nonNegativeInt("blank-rows-max"),
          c.fraction("footer-share"), c.fraction("extra-columns-share"), c.fraction("without-record-state-share"),
          c.fraction("correction-share"), c.fraction("same-month-correction-share"), c.fraction("revocation-share"),
          c.number("identical-redeliveries-per-month"), c.nonNegativeInt("changed-redeliveries"),
          c.nonNegativeInt("rejected-files"), c.fraction("changed-redelivery-new-rows"),
          c.nonNegativeInt("month-only-rosters"));
    }
  }

  /** Cell-level habits: every one keeps the canonical value, except the invalid rows. */
  public record Values(
      double exactDuplicateRows, double invalidRows, double fifteenDigitIds, double lowerCaseX, double fullWidth,
      double padded, double spacedNames, double nullWords, double xlsxDateCells, double yearMonths) {
    static Values from(ConfigReader c) {
      return new Values(c.fraction("exact-duplicate-rows"), c.fraction("invalid-rows"),
          c.fraction("fifteen-digit-ids"), c.fraction("lower-case-x"), c.fraction("full-width"), c.fraction("padded"),
          c.fraction("spaced-names"), c.fraction("null-words"), c.fraction("xlsx-date-cells"),
          c.fraction("year-months"));
    }
  }

  /** The day counts of the derived records and the sanction merge, from dossier.rules. */
  public record Windows(
      int travelExitEarlyDays, int leaveReturnedLateDays, int leaveNotClosedDays, int instantReportLateDays,
      int sanctionDecisionWindowDays) {
    static Windows from(Config config) {
      ConfigReader derived = ConfigReader.at(config, "dossier.rules.derived");
      ConfigReader dedup = ConfigReader.at(config, "dossier.rules.dedup");
      return new Windows(derived.nonNegativeInt("travel-exit-early-days"),
          derived.nonNegativeInt("leave-returned-late-days"), derived.nonNegativeInt("leave-not-closed-days"),
          derived.nonNegativeInt("instant-report-late-days"), dedup.nonNegativeInt("sanction-decision-window-days"));
    }
  }

  /** Codes named in settings, checked against the contracts' code lists. */
  static final class Codes {
    private final Map<String, DatasetContract> contracts;

    Codes(Map<String, DatasetContract> contracts) {
      this.contracts = contracts;
    }

    String code(ConfigReader c, String key, String dataset, String column) {
      String value = c.nonEmptyString(key);
      check(c.key(key), value, dataset, column);
      return value;
    }

    Shares<String> shares(ConfigReader c, String key, String dataset, String column) {
      Shares<String> shares = SampleSettings.shares(c, key);
      shares.items().forEach(code -> check(c.key(key), code, dataset, column));
      return shares;
    }

    void check(String key, String code, String dataset, String column) {
      List<String> allowed = codeList(contracts, dataset, column);
      if (!allowed.contains(code)) {
        throw SettingsException.badValue(key, code, "not a code of " + dataset + "." + column + " " + allowed);
      }
    }
  }

  /** The code list of a contract column; a missing dataset or column fails naming it. */
  static List<String> codeList(Map<String, DatasetContract> contracts, String dataset, String column) {
    DatasetContract contract = contracts.get(dataset);
    if (contract == null) {
      throw new SettingsException("the sample generator needs dataset contract " + dataset);
    }
    ColumnSpec spec = contract.column(column).orElseThrow(() ->
        new SettingsException("the sample generator needs column " + column + " in dataset contract " + dataset));
    return spec.codes();
  }

  private static Shares<String> shares(ConfigReader c, String key) {
    Map<String, Double> shares = new LinkedHashMap<>();
    Map<String, ConfigValue> entries = new TreeMap<>(c.child(key).raw().root());
    for (String item : entries.keySet()) {
      shares.put(item, c.child(key).fraction("\"" + item + "\""));
    }
    if (shares.isEmpty() || shares.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
      throw SettingsException.badValue(c.key(key), shares, "needs at least one positive share");
    }
    return Shares.of(shares);
  }

  private static int[] range(ConfigReader c, String key) {
    List<Integer> values = c.raw().getIntList(key);
    if (values.size() != 2 || values.get(0) > values.get(1) || values.get(0) < 0) {
      throw SettingsException.badValue(c.key(key), values, "must be [lowest, highest]");
    }
    return new int[] {values.get(0), values.get(1)};
  }

  private static long whole(ConfigReader c, String key) {
    double value = c.number(key);
    if (value != Math.rint(value) || Math.abs(value) > (1L << 53)) {
      throw SettingsException.badValue(c.key(key), value, "must be a whole number");
    }
    return (long) value;
  }

  private static YearMonth yearMonth(ConfigReader c, String key) {
    String value = c.nonEmptyString(key);
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw SettingsException.badValue(c.key(key), value, "expected a month as YYYY-MM");
    }
  }
}
