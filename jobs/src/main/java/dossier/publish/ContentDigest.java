package dossier.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dossier.lake.RowHashes;
import dossier.schema.CuratedTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a curated table's content is, in one aggregation over its rows: the row count and a digest
 * of the rows that does not depend on their order or partitioning (two independent hashes of each
 * row's JSON, summed exactly), plus the schema. Equal digests mean the same rows, so publish leaves
 * a table whose new content has the live one's digest as it is. The same pass checks that the
 * table's key is unique, which makes its sorted files deterministic, and counts the rows holding
 * an ID number in any text ({@link IdNumbers}), so the no-id-numbers gate costs no scan of its own.
 *
 * @param rows the rows
 * @param digest SHA-256 (hex) of the schema, the row count and the two hash sums
 * @param rowsHoldingIdNumbers the rows with an ID number in a text (0 for a table without text)
 */
record ContentDigest(long rows, String digest, long rowsHoldingIdNumbers) {
  /** The digest of a curated table's rows, as {@link CuratedTable#spec()} conforms them. */
  static ContentDigest of(CuratedTable table, Dataset<Row> content) {
    Dataset<Row> data = table.spec().conform(content);
    Column[] hashes = RowHashes.aggregates(RowHashes.json(data.schema()));
    Column key = struct(table.spec().key().stream().map(k -> col("`" + k + "`")).toArray(Column[]::new));
    Column idShaped = IdNumbers.inRow(data.schema()).map(holds -> count(when(holds, lit(1)))).orElse(lit(0L));
    Row totals = data.agg(count(lit(1)), count_distinct(key), hashes[0], hashes[1], idShaped).first();
    long rows = totals.getLong(0);
    if (totals.getLong(1) != rows) {
      throw new IllegalStateException("curated table " + table.folder() + " holds " + rows + " rows but only "
          + totals.getLong(1) + " distinct keys " + table.spec().key() + ": its key is not unique");
    }
    return new ContentDigest(rows, sha256(data.schema().catalogString() + "|" + rows + "|"
        + RowHashes.sums(totals, 2)), ((Number) totals.get(4)).longValue());
  }

  private static String sha256(String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
