package dossier.report;

import java.util.List;

/**
 * One report as the reader sees it, before it becomes HTML ({@link ReportHtml}).
 *
 * @param title e.g. 月度简报
 * @param subtitle the period and zone, e.g. 2026年10月 · 公开版
 * @param facts short lines under the title: as-of month, source tables, suppression rule
 * @param sections in reading order
 */
record Report(String title, String subtitle, List<String> facts, List<Section> sections) {
  Report {
    facts = List.copyOf(facts);
    sections = List.copyOf(sections);
  }
}
