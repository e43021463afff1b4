package dossier.conform;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** person_key computed independently with the JDK's HMAC, to check the Spark expression and expected values. */
final class TestHmac {
  private TestHmac() {}

  static String personKey(String id) {
    return hmac(TestSettings.CONFORM.identityKey(), id);
  }

  static String hmac(byte[] key, String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
