package dossier.conform.identity;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unhex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * person_key = hex HMAC-SHA-256 (RFC 2104) of the normalised ID number with the configured
 * secret, built from Spark's own {@code sha2} so that no UDF is needed:
 * {@code H((K ^ opad) || H((K ^ ipad) || id))}, where the two padded keys are constants computed
 * here once. The secret only ever enters the plan as those padded keys.
 */
public final class PersonKeys {
  private static final int BLOCK_BYTES = 64;

  private final byte[] innerKey;
  private final byte[] outerKey;

  public PersonKeys(byte[] secret) {
    byte[] block = Arrays.copyOf(secret.length > BLOCK_BYTES ? sha256(secret) : secret, BLOCK_BYTES);
    innerKey = new byte[BLOCK_BYTES];
    outerKey = new byte[BLOCK_BYTES];
    for (int i = 0; i < BLOCK_BYTES; i++) {
      innerKey[i] = (byte) (block[i] ^ 0x36);
      outerKey[i] = (byte) (block[i] ^ 0x5c);
    }
  }

  /** The person_key of an ID-number column (null stays null). */
  public Column of(Column idNumber) {
    Column inner = unhex(sha2(concat(lit(innerKey), encode(idNumber, "UTF-8")), 256));
    return sha2(concat(lit(outerKey), inner), 256);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
