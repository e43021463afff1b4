/**
 * How delivered values become canonical: full-width folding, trimming and null words
 * ({@link dossier.normalise.Values}), national ID numbers ({@link dossier.normalise.NationalIds}),
 * dates and year-months ({@link dossier.normalise.Dates}), personal names
 * ({@link dossier.normalise.Names}) and numbers ({@link dossier.normalise.Numbers}).
 *
 * <p>These are the one place the rules of {@code extracts.md} live: the landing job applies them
 * to every cell, and the conform stage and the sample generator reuse them. Pure Java, no Spark,
 * safe to call on executors.
 */
package dossier.normalise;
