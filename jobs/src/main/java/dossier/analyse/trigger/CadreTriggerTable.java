package dossier.analyse.trigger;

import dossier.analyse.AnalysedColumns;
import dossier.analyse.evidence.Reasons;
import dossier.analyse.score.ScoreTransforms;
import dossier.schema.ColumnDoc;
import dossier.schema.TableSpec;

/**
 * {@code analysed/cadre_trigger}: threshold triggers (触线, rules.md §2). Grain: one row per
 * trigger; a trigger is one rise of a cadre's line, identified by cadre, line and the month-end it
 * was raised at.
 *
 * <p>A trigger is raised at the first month-end K at which the cadre's line, computed from the
 * records <b>delivered by K</b>, is stronger than at the month-end before; its line is the line
 * reached. So one run over all history and one run per month give the same triggers. Its status
 * as of M: <b>closed</b> when an action (zzb_txhx, category admonition) of its kind or stronger
 * was issued on or after the raise date, before the line fell back; as the raise date is a
 * month-end (deliveries are monthly), an action issued during the month of the raise counts as
 * issued on it, being indistinguishable in time from the data that raised the line (and an
 * action's own points may be what raised it); <b>withdrawn</b> when the
 * line fell below the trigger's line at a month-end before any such action; otherwise
 * <b>overdue</b> when raised more than the configured days before M's end, else <b>open</b>.
 * A rise skipping lines raises one trigger, of the line reached; an earlier trigger of a weaker
 * line stays as it is and an action answering the stronger one answers it too.
 */
public final class CadreTriggerTable {
  public static final String OPEN = "open";
  public static final String OVERDUE = "overdue";
  public static final String CLOSED = "closed";
  public static final String WITHDRAWN = "withdrawn";

  public static final TableSpec SPEC = TableSpec.builder("cadre_trigger", "触线提醒",
          "one row per trigger (cadre × line × month-end raised)")
      .key("trigger_id")
      .column("trigger_id", "触线编号", "string",
          "Stable id of the trigger: 24 hex characters of the SHA-256 of person_key, line and raised_month "
              + "(the same in every as-of month and in the reported slices).")
      .column(AnalysedColumns.PERSON_KEY)
      .column(AnalysedColumns.unitCode("The cadre's unit on the day the trigger was raised."))
      .column(AnalysedColumns.ROLE)
      .column("line", "触线等级", "string", "The line reached: reminder, inquiry or admonishment.")
      .column("line_label", "触线等级名称", "string", "提醒, 函询 or 诫勉: also the action kind that answers it.")
      .column("line_rank", "触线等级序号", "int", "1 reminder, 2 inquiry, 3 admonishment.")
      .column("raised_month", "触线月份", "string", "The month-end at which the line was first reached (yyyy-MM).")
      .column("raised_on", "触线日期", "date",
          "That month-end's date. Actions of the line's kind or stronger issued in that month or later answer the trigger.")
      .column("score_at_raise", "触线时积分", "decimal(9,2)", "S at that month-end, as delivered by then.")
      .column(Reasons.column("reasons", "触线原因", "The line's conditions that held at the raise."))
      .column(ColumnDoc.of("evidence", "触线依据事项", ScoreTransforms.RECORDS_TYPE,
          "The records in the window at the raise, as delivered by then: record_id, category, sub_category, "
              + "event_date, points, severe, finding (petition finding, when a line names it)."))
      .column("status", "状态", "string", "open, overdue (open more than the configured days), closed or withdrawn.")
      .column("status_on", "状态日期", "date",
          "closed: the answering action's issue date; withdrawn: the month-end the line fell; else null.")
      .column("days_open", "持续天数", "int",
          "Days from raised_on to status_on (0 when answered within the month of the raise), or to the as-of "
              + "month's end while open or overdue.")
      .column("closing_record_id", "处置事项", "string", "closed: the record_id of the answering action (zzb_txhx).")
      .column("closing_kind", "处置类型", "string", "closed: its kind (提醒, 函询, 诫勉).")
      .column("closing_doc_no", "处置文号", "string", "closed: its document number (文号), when known.")
      .column("withdrawn_reason", "撤回原因", "string",
          "withdrawn: the score and line at the month-end the line fell, and the records no longer counted with why "
              + "(left the window, or revoked or corrected).")
      .build();

  private CadreTriggerTable() {}
}
