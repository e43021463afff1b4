package dossier.conform.identity;

import static dossier.testing.Rows.row;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dossier.testing.Rows;
import dossier.testing.SparkTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** person_key built from Spark's sha2 equals the JDK's HMAC-SHA-256, for short and long secrets. */
@SparkTest
class PersonKeysTest {
  private static final String ID = "32100219800101001X";

  private static String jdkHmac(byte[] key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private static String sparkHmac(SparkSession spark, byte[] key, String message) {
    Row row = Rows.of(spark, "id string", row(message)).select(new PersonKeys(key).of(col("id"))).first();
    return row.getString(0);
  }

  @Test
  void equalsTheJdkHmacForAKeyShorterThanABlock(SparkSession spark) throws Exception {
    byte[] key = "a-secret-of-32-bytes-for-testing".getBytes(StandardCharsets.UTF_8);
    assertThat(sparkHmac(spark, key, ID)).as("HMAC-SHA-256 of the ID").isEqualTo(jdkHmac(key, ID));
  }

  @Test
  void equalsTheJdkHmacForAKeyLongerThanABlock(SparkSession spark) throws Exception {
    byte[] key = "x".repeat(100).getBytes(StandardCharsets.UTF_8);
    assertThat(sparkHmac(spark, key, ID)).as("a key over 64 bytes is hashed first").isEqualTo(jdkHmac(key, ID));
  }

  @Test
  void nullIdHasNoKey(SparkSession spark) {
    Row row = Rows.of(spark, "id string", row((Object) null)).select(new PersonKeys(new byte[16]).of(col("id"))).first();
    assertThat(row.isNullAt(0)).as("no ID, no person_key").isTrue();
  }
}
