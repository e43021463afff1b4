package dossier.land;

import java.util.List;

/**
 * One physical row of a delivered file, as text.
 *
 * @param number 1-based physical row: the CSV record (blank lines counted) or the sheet row
 * @param cells cell texts by column position, null for an empty cell
 */
record SheetRow(int number, List<String> cells) {
  String cell(int column) {
    return column < cells.size() ? cells.get(column) : null;
  }
}
