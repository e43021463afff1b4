package dossier.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** How a query's rows are printed: as text pieces, each bringing its own line ends. */
public interface ResultFormat {
  void print(ResultSet rows, Consumer<String> out) throws SQLException;
}
