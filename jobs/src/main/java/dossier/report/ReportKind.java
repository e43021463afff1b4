package dossier.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three reports of the article's loop, by the {@code --kind} that asks for one. */
enum ReportKind {
  MONTH("month", "月度简报"),
  QUARTER("quarter", "季度分析报告"),
  YEAR("year", "数据年报");

  private final String code;
  private final String title;

  ReportKind(String code, String title) {
    this.code = code;
    this.title = title;
  }

  String code() {
    return code;
  }

  String title() {
    return title;
  }

  static ReportKind of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--kind " + code + ": expected one of " + codes()));
  }

  static String codes() {
    return Arrays.stream(values()).map(ReportKind::code).collect(Collectors.joining(", "));
  }
}
