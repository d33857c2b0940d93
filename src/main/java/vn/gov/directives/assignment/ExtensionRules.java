package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/**
 * What an extension request and an extension grant must say. Both return every problem at once, in Vietnamese, so
 * the form can be corrected in one go; an empty list means the values are acceptable.
 */
public final class ExtensionRules {

  private ExtensionRules() {}

  /**
   * A request needs reasons and a proposed date that is a real date, not before today and later than the current
   * deadline (asking for the same or an earlier date is not an extension).
   */
  public static List<String> requestProblems(Object reasons, Object proposedDeadline, LocalDate currentDeadline,
      LocalDate today) {
    List<String> problems = new ArrayList<>();
    if (reasons == null || reasons.toString().isBlank()) {
      problems.add("Phải nêu lý do đề nghị gia hạn.");
    }
    LocalDate proposed = date(proposedDeadline, "Thời hạn đề nghị", problems);
    if (proposed != null) {
      if (proposed.isBefore(today)) {
        problems.add("Thời hạn đề nghị " + VietnamTime.shortDate(proposed) + " đã qua (hôm nay là "
            + VietnamTime.shortDate(today) + ").");
      } else if (currentDeadline != null && !proposed.isAfter(currentDeadline)) {
        problems.add("Thời hạn đề nghị " + VietnamTime.shortDate(proposed) + " phải sau thời hạn hiện tại "
            + VietnamTime.shortDate(currentDeadline) + ".");
      }
    }
    return problems;
  }

  /** A grant needs a new deadline that is a real date and not before today. */
  public static List<String> grantProblems(Object newDeadline, LocalDate today) {
    List<String> problems = new ArrayList<>();
    LocalDate granted = date(newDeadline, "Thời hạn mới", problems);
    if (granted != null && granted.isBefore(today)) {
      problems.add("Thời hạn mới " + VietnamTime.shortDate(granted) + " đã qua (hôm nay là "
          + VietnamTime.shortDate(today) + ").");
    }
    return problems;
  }

  private static LocalDate date(Object value, String label, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      problems.add("Phải nhập " + label.toLowerCase(java.util.Locale.ROOT) + ".");
      return null;
    }
    try {
      return WorkingDayDeadlines.parseIsoDate(value.toString());
    } catch (IllegalArgumentException e) {
      problems.add(label + ": " + e.getMessage());
      return null;
    }
  }
}
