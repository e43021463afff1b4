package dossier.analyse;

import dossier.schema.ColumnDoc;

/** Columns several analysed tables share, documented once. */
public final class AnalysedColumns {
  public static final ColumnDoc AS_OF_MONTH = ColumnDoc.of("as_of_month", "统计截至月份", "string",
      "The as-of month of the run that wrote the row (yyyy-MM): figures use the records as delivered by the end of "
          + "that month.");
  public static final ColumnDoc PERSON_KEY = ColumnDoc.of("person_key", "人员标识", "string",
      "The cadre: keyed hash (HMAC-SHA-256) of the normalised ID number, stable across runs; never the ID itself.");
  public static final ColumnDoc ROLE = ColumnDoc.of("role", "正副职", "string",
      "正职 (principal) or 副职 (deputy), from the cadre's post at the time stated by the table; null when not in post.");
  public static final ColumnDoc YEAR = ColumnDoc.of("year", "年度", "int", "The calendar year graded or awarded.");

  private AnalysedColumns() {}

  /** The unit column, with what "the unit" means in this table. */
  public static ColumnDoc unitCode(String meaning) {
    return ColumnDoc.of("unit_code", "单位代码", "string", meaning);
  }

  /** A list of record ids (conformed record_id) that a figure rests on. */
  public static ColumnDoc recordIds(String name, String label, String meaning) {
    return ColumnDoc.of(name, label, "array<string>", meaning + " (conformed record_id values, sorted).");
  }
}
