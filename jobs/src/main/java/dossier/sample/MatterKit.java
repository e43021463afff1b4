package dossier.sample;

import dossier.sample.Matter.Kind;
import dossier.sample.Matter.Version;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the matter generators share: rows, delivery months (late with a small share), days,
 * running document numbers, corrections and revocations, and the emitter.
 */
final class MatterKit {
  final Tables tables;
  final Calendar calendar;
  final SampleSettings settings;
  final SampleSettings.Matters rates;
  final SampleSettings.Windows windows;
  final DomainCodes codes;
  final Vocabulary vocabulary;
  final GroundTruth truth;
  final LocalDate asOf;
  private final Emitter emitter;
  private final Targets targets;
  private final Map<String, Long> running = new HashMap<>();
  private final Map<String, List<String>> codeLists = new HashMap<>();

  MatterKit(Tables tables, Calendar calendar, SampleSettings settings, DomainCodes codes, Vocabulary vocabulary,
      GroundTruth truth, Emitter emitter, Targets targets) {
    this.tables = tables;
    this.calendar = calendar;
    this.settings = settings;
    this.rates = settings.matters();
    this.windows = settings.windows();
    this.codes = codes;
    this.vocabulary = vocabulary;
    this.truth = truth;
    this.asOf = Calendar.lastDay(calendar.last());
    this.emitter = emitter;
    this.targets = targets;
  }

  Tables.Row row(String dataset) {
    return tables.row(dataset);
  }

  List<String> codes(String dataset, String column) {
    return codeLists.computeIfAbsent(dataset + "." + column,
        k -> tables.contract(dataset).column(column).orElseThrow().codes());
  }

  /** Once a year at {@code rate}: the chance for one month. */
  static boolean monthly(Rng rng, double ratePerYear) {
    return rng.chance(ratePerYear / 12);
  }

  /** The month a matter of {@code event} is first delivered: late by 1 … late-months with the late share. */
  YearMonth delivery(YearMonth event, Rng rng, boolean planted) {
    SampleSettings.Delivery delivery = settings.delivery();
    return !planted && rng.chance(delivery.lateShare()) ? event.plusMonths(rng.between(1, delivery.lateMonths())) : event;
  }

  static LocalDate day(YearMonth month, Rng rng) {
    return month.atDay(rng.between(1, month.lengthOfMonth()));
  }

  static LocalDate day(YearMonth month, Rng rng, int from, int to) {
    return month.atDay(rng.between(from, Math.min(to, month.lengthOfMonth())));
  }

  /** The next document or case number of a dataset in a year. */
  String number(String dataset, int year) {
    long n = running.merge(dataset + year, 1L, Long::sum);
    return vocabulary.number(dataset, year, Digits.padded(n, 4));
  }

  /**
   * Adds, by chance, a correction ({@code corrected} gives the new row; null: never corrected) and
   * a revocation of the matter's first row. Planted matters and matters of the files chosen for
   * whole-file quirks are left alone.
   */
  void amend(Matter matter, Tables.Row row, YearMonth delivered, Rng rng, UnaryOperator<Tables.Row> corrected,
      boolean revocable) {
    if (matter.planted() || targets.special(delivered, row.dataset)) {
      return;
    }
    SampleSettings.Delivery habits = settings.delivery();
    YearMonth last = delivered;
    if (corrected != null && rng.chance(habits.correctionShare())) {
      if (rng.chance(habits.sameMonthCorrectionShare())) {
        matter.addSameMonthCorrection(corrected.apply(row), delivered);
      } else {
        last = delivered.plusMonths(rng.between(1, 3));
        matter.add(corrected.apply(row), last, Kind.CORRECTION);
      }
    }
    if (revocable && rng.chance(habits.revocationShare())) {
      matter.add(row, last.plusMonths(rng.between(1, 4)), Kind.REVOCATION);
    }
  }

  /**
   * A matter of one row delivered in {@code delivered}, corrected by chance ({@code corrected}
   * gives the new row; null: never) and revoked by chance; returns what was delivered.
   */
  List<Version> oneRow(String category, Tables.Row row, YearMonth month, YearMonth delivered, boolean planted,
      Rng rng, UnaryOperator<Tables.Row> corrected, boolean revocable) {
    Matter matter = new Matter(category, month, planted).add(row, delivered, Kind.NEW);
    amend(matter, row, delivered, rng, corrected, revocable);
    return emit(matter);
  }

  List<Version> emit(Matter matter) {
    return emitter.emit(matter);
  }

  /** The last delivered row of a dataset in {@code delivered}, or null. */
  static Tables.Row last(List<Version> delivered, String dataset) {
    Tables.Row row = null;
    for (Version version : delivered) {
      if (version.dataset().equals(dataset)) {
        row = version.row();
      }
    }
    return row;
  }

  static boolean any(List<Version> delivered, String dataset) {
    return last(delivered, dataset) != null;
  }
}
