package dossier.publish;

import dossier.schema.ColumnDoc;

/** Columns and column edits the curated tables share, documented once. */
final class CuratedColumns {
  static final String SUPPRESSED = "suppressed";
  static final String REASONS_TYPE = "array<string>";

  static final ColumnDoc SUPPRESSED_FLAG = ColumnDoc.of(SUPPRESSED, "是否抑制", "boolean",
      "True when a figure of the row was computed from at least one but fewer than dossier.publish.min-persons "
          + "persons: such figures are published as null (and reasons without their figures), so that no one is "
          + "singled out by a small count.");

  private CuratedColumns() {}

  /** A figure the open zone suppresses: its meaning says when it is null. */
  static ColumnDoc suppressible(ColumnDoc figure) {
    return new ColumnDoc(figure.name(), figure.label(), figure.type(),
        figure.meaning() + " Null when suppressed (see suppressed).");
  }

  /** A reasons column as the curated tables write it: one text per reason. */
  static ColumnDoc reasonTexts(ColumnDoc reasons) {
    return ColumnDoc.of(reasons.name(), reasons.label(), REASONS_TYPE,
        reasons.meaning() + " Each reason is written as the text 'rule: figures'.");
  }
}
