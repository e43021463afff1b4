import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only launcher: runs many submissions in one warm JVM, to keep CI short. Each line of the
 * file is one command, arguments separated by tabs; the first field names the launcher, and
 * "spark-submit" passes the rest to Spark's own org.apache.spark.deploy.SparkSubmit (what the
 * spark-submit script runs).
 */
public final class SubmitEach {
  public static void main(String[] args) throws Exception {
    for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\t");
      String[] rest = java.util.Arrays.copyOfRange(fields, 1, fields.length);
      System.out.println("SubmitEach: " + String.join(" ", fields));
      switch (fields[0]) {
        case "spark-submit" -> org.apache.spark.deploy.SparkSubmit.main(rest);
        default -> throw new IllegalArgumentException("unknown launcher " + fields[0]);
      }
    }
  }
}
