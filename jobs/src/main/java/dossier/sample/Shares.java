package dossier.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items with shares, for weighted choices (e.g. leave types by frequency). Shares need not sum
 * to one: they are relative.
 */
record Shares<T>(List<T> items, double[] cumulative) {
  Shares {
    items = List.copyOf(items);
  }

  static <T> Shares<T> of(Map<T, Double> shares) {
    List<T> items = new ArrayList<>(shares.keySet());
    double[] cumulative = new double[items.size()];
    double total = 0;
    for (int i = 0; i < items.size(); i++) {
      total += shares.get(items.get(i));
      cumulative[i] = total;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= total;
    }
    return new Shares<>(items, cumulative);
  }

  /** The item at {@code u}, a uniform number in [0, 1). */
  T pick(double u) {
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }
}
