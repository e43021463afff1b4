package dossier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the measured code is: a digest of the pipeline's classes and configuration as loaded (the
 * jar, or the classes folder in tests), the bench's own classes left out. A measurement in parts
 * ({@link Journal}) only goes on with the code it started with, so that no total adds up stages
 * measured on different code. Entries are digested by name and content, not by the jar's
 * timestamps, so a rebuild of unchanged sources keeps the fingerprint.
 */
final class CodeFingerprint {
  private static final String BENCH = CodeFingerprint.class.getPackageName().replace('.', '/') + "/";

  private CodeFingerprint() {}

  /** The fingerprint of the code (jars or folders) the classes came from: 12 hex digits. */
  static String of(List<Class<?>> loaded) {
    return of(loaded.stream().map(CodeFingerprint::location).distinct().toList());
  }

  /** The fingerprint of jars and class folders. */
  static String of(Collection<Path> locations) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path location : locations) {
        Map<String, byte[]> entries = Files.isDirectory(location) ? folder(location) : jar(location);
        entries.forEach((name, content) -> {
          digest.update(name.getBytes(StandardCharsets.UTF_8));
          digest.update(content);
        });
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code in " + locations + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static Path location(Class<?> loaded) {
    try {
      return Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the code of " + loaded.getName(), e);
    }
  }

  private static Map<String, byte[]> folder(Path classes) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name = classes.relativize(file).toString().replace('\\', '/');
        if (measured(name)) {
          entries.put(name, Files.readAllBytes(file));
        }
      }
    }
    return entries;
  }

  private static Map<String, byte[]> jar(Path jar) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : file.stream().filter(e -> !e.isDirectory() && measured(e.getName())).toList()) {
        try (InputStream in = file.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }

  /** Everything but the bench's classes and the jar's manifest (which carries build metadata). */
  private static boolean measured(String name) {
    return !name.startsWith(BENCH) && !name.startsWith("META-INF/");
  }
}
