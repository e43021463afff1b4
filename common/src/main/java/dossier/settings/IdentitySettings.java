package dossier.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The secret behind person_key (HMAC-SHA-256 of the normalised ID number). It comes from the
 * environment or a secret file, never from the repository; only the local profile may fall back
 * to the clearly marked demo key.
 *
 * @param key the HMAC key bytes
 * @param isDemoKey true when the demo key is in use (the CLI says so on every run)
 */
public record IdentitySettings(byte[] key, boolean isDemoKey) {
  /** Fewer bytes than this is not a real key. */
  private static final int MIN_KEY_BYTES = 16;

  public IdentitySettings {
    key = key.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  static IdentitySettings from(ConfigReader c, String profile) {
    byte[] demoKey = normalised(c.nonEmptyString("demo-key"));
    byte[] key;
    String origin;
    if (!c.string("key-file").isBlank()) {
      origin = c.key("key-file");
      key = readKeyFile(c.key("key-file"), Path.of(c.string("key-file")));
    } else if (!c.string("key").isBlank()) {
      origin = c.key("key");
      key = normalised(c.string("key"));
    } else if ("local".equals(profile)) {
      return new IdentitySettings(demoKey, true);
    } else {
      throw new SettingsException(c.key("key") + " and " + c.key("key-file") + " are empty: profile '"
          + profile + "' needs a real person_key secret (set DOSSIER_PERSON_KEY or DOSSIER_PERSON_KEY_FILE)");
    }
    boolean isDemo = Arrays.equals(key, demoKey);
    if (isDemo && !"local".equals(profile)) {
      throw new SettingsException(origin + " holds the demo key: profile '" + profile + "' needs a real secret");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw SettingsException.badValue(origin, "(" + key.length + " bytes)", "a key needs at least " + MIN_KEY_BYTES + " bytes");
    }
    return new IdentitySettings(key, isDemo);
  }

  /**
   * A secret as its bytes, white space around it removed: the same for the key file (a trailing
   * newline), the variable (a stray space) and the demo key, so that no spelling of the demo key
   * passes for a real one.
   */
  private static byte[] normalised(String secret) {
    return secret.strip().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] readKeyFile(String configKey, Path file) {
    try {
      return normalised(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw SettingsException.badValue(configKey, file, "cannot read the key file: " + e.getMessage());
    }
  }
}
