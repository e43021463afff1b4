package dossier.sample;

import java.io.IOException;
import java.util.List;

/** A file being written row by row: CSV or the first sheet of an XLSX workbook. */
interface TableWriter extends AutoCloseable {
  /**
   * Writes a row of cells; returns its 1-based physical row number in the file or sheet: in a CSV
   * file the line it starts on, which a value spanning lines before it moves past its record number.
   */
  long row(List<Cell> cells) throws IOException;

  /** How the file is written, for the ground truth: {@code csv}/{@code xlsx} and the encoding. */
  String format();

  String encoding();

  @Override
  void close() throws IOException;
}
