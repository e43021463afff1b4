package dossier.settings;

/** Bad configuration, found at start. The message names the key and the value. */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingsException(String message) {
    super(message);
  }

  public SettingsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "dossier.x.y = 'v': must be ..." */
  public static SettingsException badValue(String key, Object value, String expectation) {
    return new SettingsException(key + " = '" + value + "': " + expectation);
  }
}
