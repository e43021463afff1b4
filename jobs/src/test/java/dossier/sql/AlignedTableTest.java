package dossier.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Aligned output of DuckDB rows: display widths, NULL, numbers to the right, the row cap. */
class AlignedTableTest {
  private static String print(String query) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      new AlignedTable().print(rows, out::append);
    }
    return out.toString();
  }

  @Test
  void aChineseCharacterTakesTwoColumns() {
    assertThat(AlignedTable.width("单位预警")).as("four Chinese characters").isEqualTo(8);
    assertThat(AlignedTable.width("A区（东）")).as("Latin, Chinese and full-width brackets").isEqualTo(9);
    assertThat(AlignedTable.width("e\u0301")).as("e with a combining accent").isEqualTo(1);
  }

  @Test
  void columnsAlignByDisplayWidthWithNullShownAndNumbersRight() throws SQLException {
    String text = print("SELECT * FROM (VALUES ('单位预警', 3, NULL), ('ab', 12345, 'x\ny')) AS t(label, n, note)");

    assertThat(text).as("aligned rows").isEqualTo("""
        label         n  note
        --------  -----  ----
        单位预警      3  NULL
        ab        12345  x\\ny
        (2 rows)
        """);
  }

  @Test
  void onlyTheFirstRowsAreShownAndAllCounted() throws SQLException {
    String text = print("SELECT range AS i FROM range(" + (AlignedTable.MAX_ROWS + 5) + ")");

    assertThat(text.lines().count()).as("lines: header, separator, shown rows, footer")
        .isEqualTo(AlignedTable.MAX_ROWS + 3);
    assertThat(text).as("footer").endsWith("(1,005 rows, the first 1,000 shown: --csv prints every row)\n");
  }
}
