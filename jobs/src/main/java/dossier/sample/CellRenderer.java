package dossier.sample;

import dossier.contract.ColumnSpec;
import dossier.contract.ColumnType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes a canonical value as an agency would: dates and year-months in every format (Excel
 * serial numbers and real date cells included), ID numbers in the old 15-digit form or with a
 * lower-case x, full-width digits and letters, padding with U+3000, names spaced out or with
 * another middle dot, null words for nothing. The landing job's normalisation gives back the
 * canonical value from every one of them.
 */
final class CellRenderer {
  /** Middle dots agencies use; the canonical one is U+00B7. */
  static final List<String> MIDDLE_DOTS = List.of("\u00B7", "\u2022", "\u30FB");
  private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
  private static final List<String> DATE_CELL_FORMATS = List.of("yyyy-mm-dd", "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"");
  private final SampleSettings.Values rates;
  private final List<String> nullWords;

  CellRenderer(SampleSettings.Values rates, List<String> nullWords) {
    this.rates = rates;
    this.nullWords = nullWords.stream().filter(w -> !w.isEmpty()).toList();
  }

  Cell render(ColumnSpec column, String value, boolean xlsx, Rng rng) {
    if (value == null) {
      return !nullWords.isEmpty() && rng.chance(rates.nullWords()) ? new Cell.Text(rng.pick(nullWords)) : Cell.BLANK;
    }
    return switch (column.type()) {
      case DATE -> date(LocalDate.parse(value), xlsx, rng);
      case DATE_OR_MONTH -> dateOrMonth(LocalDate.parse(value), xlsx, rng);
      case MONTH -> new Cell.Text(yearMonth(YearMonth.parse(value), rng));
      case INT, DECIMAL -> xlsx && rng.chance(0.8) ? new Cell.Number(Double.parseDouble(value)) : text(value, rng);
      case ID -> new Cell.Text(pad(id(value, rng), rng));
      case NAME -> new Cell.Text(pad(name(value, rng), rng));
      case STRING, CODE -> text(value, rng);
    };
  }

  /** The value exactly as canonical text, for invalid rows (one defect, nothing else). */
  static Cell plain(String value) {
    return new Cell.Text(value);
  }

  private Cell text(String value, Rng rng) {
    return new Cell.Text(pad(rng.chance(rates.fullWidth()) ? fullWidth(value) : value, rng));
  }

  private Cell date(LocalDate date, boolean xlsx, Rng rng) {
    if (xlsx && rng.chance(rates.xlsxDateCells())) {
      return new Cell.Date(date, rng.pick(DATE_CELL_FORMATS));
    }
    int formats = xlsx ? 5 : 6;
    String text = switch (rng.below(formats)) {
      case 0 -> date.toString();
      case 1 -> date.getYear() + "/" + date.getMonthValue() + "/" + date.getDayOfMonth();
      case 2 -> date.getYear() + "." + date.getMonthValue() + "." + date.getDayOfMonth();
      case 3 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
      case 4 -> date.getYear() + Digits.padded(date.getMonthValue(), 2) + Digits.padded(date.getDayOfMonth(), 2);
      default -> Long.toString(ChronoUnit.DAYS.between(EXCEL_EPOCH, date));
    };
    return new Cell.Text(pad(rng.chance(rates.fullWidth()) ? fullWidth(text) : text, rng));
  }

  /** A date or a year-month; a year-month only for the first day of a month (nothing is lost). */
  private Cell dateOrMonth(LocalDate date, boolean xlsx, Rng rng) {
    if (date.getDayOfMonth() == 1 && rng.chance(rates.yearMonths())) {
      return new Cell.Text(yearMonth(YearMonth.from(date), rng));
    }
    return date(date, xlsx, rng);
  }

  /**
   * A date written as its year-month only, the day dropped: what one roster export did to every
   * 任职时间 (issue 22, defect 6). Unlike {@link #render}, it loses the day.
   */
  Cell yearMonthOnly(LocalDate date, Rng rng) {
    return text(yearMonth(YearMonth.from(date), rng), rng);
  }

  private static String yearMonth(YearMonth month, Rng rng) {
    return switch (rng.below(4)) {
      case 0 -> month.toString();
      case 1 -> month.getYear() + "." + Digits.padded(month.getMonthValue(), 2);
      case 2 -> month.getYear() + "年" + month.getMonthValue() + "月";
      default -> month.getYear() + Digits.padded(month.getMonthValue(), 2);
    };
  }

  private String id(String id, Rng rng) {
    String written = id;
    String old = IdNumbers.fifteenDigitForm(id);
    if (old != null && rng.chance(rates.fifteenDigitIds())) {
      written = old;
    } else if (id.endsWith("X") && rng.chance(rates.lowerCaseX())) {
      written = id.substring(0, 17) + "x";
    }
    return rng.chance(rates.fullWidth()) ? fullWidth(written) : written;
  }

  private String name(String name, Rng rng) {
    String written = name;
    if (written.contains(MIDDLE_DOTS.get(0))) {
      written = written.replace(MIDDLE_DOTS.get(0), rng.pick(MIDDLE_DOTS));
    } else if (rng.chance(rates.spacedNames())) {
      written = String.join(" ", written.split(""));
    }
    return written;
  }

  private String pad(String text, Rng rng) {
    if (!rng.chance(rates.padded())) {
      return text;
    }
    String pad = rng.chance(0.5) ? "\u3000" : " ";
    return rng.chance(0.5) ? pad + text : text + pad;
  }

  /** Digits and Latin letters as their full-width forms (U+FF10 …). */
  static String fullWidth(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      boolean latin = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      out.append(latin ? (char) (c + 0xFEE0) : c);
    }
    return out.toString();
  }

  static boolean isDateType(ColumnType type) {
    return type == ColumnType.DATE || type == ColumnType.DATE_OR_MONTH;
  }
}
