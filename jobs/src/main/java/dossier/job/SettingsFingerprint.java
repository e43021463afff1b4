package dossier.job;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import dossier.settings.DossierSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of every setting a stage's output can depend on: the whole {@code dossier} tree except
 * where things run (Spark, the lake and landing folders) and the commands that are not stages
 * (sample, bench, schedule), plus a one-way hash of the person_key secret. A stage run recorded
 * with another fingerprint ran on other rules, so a resumed run does not pass over it.
 */
public final class SettingsFingerprint {
  /** Paths below {@code dossier} that say where or how fast, not what. */
  private static final List<String> NOT_CONTENT =
      List.of("spark", "lake", "landing.root", "sample", "bench", "schedule", "identity");

  private SettingsFingerprint() {}

  public static String of(DossierSettings settings) {
    Config content = settings.config().getConfig("dossier");
    for (String path : NOT_CONTENT) {
      content = content.withoutPath(path);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(content.root().render(ConfigRenderOptions.concise()).getBytes(StandardCharsets.UTF_8));
      // The secret itself is never stored: only whether it changed, through a one-way hash.
      digest.update(MessageDigest.getInstance("SHA-256").digest(settings.identity().key()));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
