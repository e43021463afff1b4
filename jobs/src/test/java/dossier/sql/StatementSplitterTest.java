package dossier.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How typed or piped text is cut into statements and dot commands. */
class StatementSplitterTest {
  private static List<String> split(String text) {
    StatementSplitter splitter = new StatementSplitter();
    List<String> items = new ArrayList<>();
    text.lines().forEach(line -> items.addAll(splitter.line(line)));
    splitter.end().ifPresent(items::add);
    return items;
  }

  @Test
  void aSemicolonEndsAStatementOutsideQuotesOnly() {
    assertThat(split("SELECT 'a;b', \"c;d\" FROM t; SELECT 'it''s;'  ;"))
        .as("statements").containsExactly("SELECT 'a;b', \"c;d\" FROM t", "SELECT 'it''s;'");
  }

  @Test
  void aStatementMaySpanLinesAndTheLastNeedsNoSemicolon() {
    assertThat(split("SELECT 1\n  FROM t;\n\n;SELECT\n'x\ny'")).as("statements")
        .containsExactly("SELECT 1\n  FROM t", "SELECT\n'x\ny'");
  }

  @Test
  void aCommentIsDroppedWithTheQuotesAndSemicolonsInIt() {
    assertThat(split("SELECT 1 -- the cadre's; units\n, '--not a comment' -- x;\n;"))
        .as("statements").containsExactly("SELECT 1 \n, '--not a comment'");
  }

  @Test
  void aDotCommandIsALineOfItsOwnBetweenStatements() {
    assertThat(split(".tables\nSELECT 1;\n  .tables  \nSELECT\n.5;")).as("items")
        .containsExactly(".tables", "SELECT 1", ".tables", "SELECT\n.5");
  }

  @Test
  void itKnowsWhenAStatementWaitsForItsEnd() {
    StatementSplitter splitter = new StatementSplitter();
    splitter.line("SELECT 1;");
    assertThat(splitter.inStatement()).as("after a complete statement").isFalse();
    splitter.line("SELECT 'open");
    assertThat(splitter.inStatement()).as("inside a statement and a quote").isTrue();
  }
}
