package dossier.job;

/**
 * An option a stage takes besides the ones every stage shares ({@code --landing}, {@code --lake},
 * {@code --conf}, {@code --as-of}): a flag ({@code --as-reported}) or an option with a value
 * ({@code --run RUN_ID}). The CLI offers it, the stage manifest can pass it, and the stage reads it
 * from its {@link StageArguments}.
 *
 * @param name long option name without the dashes, e.g. {@code as-reported}
 * @param argName the value's name in --help (e.g. {@code RUN_ID}); null for a flag
 * @param description one line for --help
 */
public record StageOption(String name, String argName, String description) {
  public StageOption {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("option name '" + name + "' is not lower-case words joined by dashes");
    }
  }

  public static StageOption flag(String name, String description) {
    return new StageOption(name, null, description);
  }

  public static StageOption valued(String name, String argName, String description) {
    return new StageOption(name, argName, description);
  }

  public boolean takesValue() {
    return argName != null;
  }
}
