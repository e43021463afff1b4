package dossier.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic randomness: every stream is seeded by hashing the run's seed with the keys of
 * what it decides (a person and a month, a file), so any choice can be made again in isolation
 * and the same arguments always give the same files.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A stream for {@code keys} under {@code seed}. */
  static Rng of(long seed, long... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long key : keys) {
      h = mix(h + key * 0xBF58476D1CE4E5B9L);
    }
    return new Rng(h);
  }

  /** A stream keyed by a text (a file name). */
  static Rng of(long seed, String text, long... keys) {
    long[] all = new long[keys.length + 1];
    all[0] = text.hashCode() * 31L + text.length();
    System.arraycopy(keys, 0, all, 1, keys.length);
    return of(seed, all);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  /** A whole number in [low, high], both included. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  <T> T pick(Shares<T> shares) {
    return shares.pick(random.nextDouble());
  }

  /** A normally distributed number. */
  double gaussian(double mean, double deviation) {
    double u = Math.max(random.nextDouble(), 1e-12);
    double v = random.nextDouble();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
