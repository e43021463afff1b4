package dossier.conform.settings;

import dossier.settings.SettingsException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.parser.ParseException;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Checks a Spark SQL expression from configuration before any data is read: it must parse, and
 * every column it names must be one the expression will be evaluated over. Uses Spark's own
 * parser, so what passes here is what the job will run.
 */
final class SqlReferences {
  private SqlReferences() {}

  /** Fails naming {@code key} when {@code sql} does not parse or names a column not in {@code columns}. */
  static void check(String key, String sql, Collection<String> columns) {
    Set<String> named = new TreeSet<>();
    try {
      collect(CatalystSqlParser$.MODULE$.parseExpression(sql), named);
    } catch (Exception e) { // Spark's ParseException, undeclared by Scala
      if (!(e instanceof ParseException)) {
        throw e;
      }
      throw SettingsException.badValue(key, sql, "not a Spark SQL expression: " + e.getMessage().lines().findFirst().orElse(""));
    }
    named.removeAll(columns);
    if (!named.isEmpty()) {
      throw SettingsException.badValue(key, sql, "unknown column(s) " + named + "; the columns are " + new TreeSet<>(columns));
    }
  }

  private static void collect(Expression expression, Set<String> named) {
    if (expression instanceof UnresolvedAttribute attribute) {
      named.add(attribute.name());
    }
    CollectionConverters.asJava(expression.children()).forEach(child -> collect(child, named));
  }
}
