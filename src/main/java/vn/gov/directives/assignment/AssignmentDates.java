package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.Date;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/** The assignment's deadline as the process keeps it: a yyyy-MM-dd String, or absent/blank when the notice gave none. */
final class AssignmentDates {

  static final String ASSIGNMENT_DEADLINE = "assignmentDeadline";
  static final String PLAN_DEADLINE = "planDeadline";
  static final String NO_DEADLINE_TEXT = "Không có thời hạn";

  private AssignmentDates() {}

  /** Null when there is no deadline; a malformed value is an error naming the variable. */
  static LocalDate deadline(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return VietnamTime.toLocalDate(date);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    try {
      return WorkingDayDeadlines.parseIsoDate(value.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Thời hạn của nhiệm vụ (biến " + ASSIGNMENT_DEADLINE + "): " + e.getMessage(), e);
    }
  }

  /** "05/01/2019", or "Không có thời hạn". */
  static String text(LocalDate deadline) {
    return deadline == null ? NO_DEADLINE_TEXT : VietnamTime.shortDate(deadline);
  }
}
