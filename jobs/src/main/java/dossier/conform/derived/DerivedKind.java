package dossier.conform.derived;

import java.util.List;
import java.util.Map;

/**
 * The records conform derives from other records (rules.md §1, architecture.md): each restates one
 * record of its {@link #source()} dataset, whose columns (plus {@code sub_category}) its points
 * rules see, and reads the columns listed in {@link #reads()}.
 */
public enum DerivedKind {
  /** An exit (ga_crj) not covered by an approved private-travel filing (zzb_crjbb). */
  UNFILED_TRAVEL("unfiled_travel", "ga_crj", Map.of(
      "ga_crj", List.of("direction", "crossed", "destination"),
      "zzb_crjbb", List.of("planned_exit", "planned_entry", "approval"))),
  /** Leave (zzb_qj) taken without approval, returned late, or not closed. */
  LEAVE_IRREGULARITY("leave_irregularity", "zzb_qj", Map.of(
      "zzb_qj", List.of("start", "end", "returned", "approval"))),
  /** An instant report (zzb_jsbg) made too long after the occurrence. */
  LATE_INSTANT_REPORT("late_instant_report", "zzb_jsbg", Map.of(
      "zzb_jsbg", List.of("matter", "occurred", "reported")));

  private final String category;
  private final String source;
  private final Map<String, List<String>> reads;

  DerivedKind(String category, String source, Map<String, List<String>> reads) {
    this.category = category;
    this.source = source;
    this.reads = reads;
  }

  /** The record category code (dossier.rules.categories). */
  public String category() {
    return category;
  }

  /** The dataset whose record the derived record restates. */
  public String source() {
    return source;
  }

  /** The columns read, by dataset. */
  public Map<String, List<String>> reads() {
    return reads;
  }
}
