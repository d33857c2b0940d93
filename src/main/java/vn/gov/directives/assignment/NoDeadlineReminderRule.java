package vn.gov.directives.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Objects;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/**
 * When an assignment without a deadline is reminded: on every N-th working day after its work task was created, at
 * the start of the working day. The engine's timer cycles count calendar days, so the timer ticks daily at the
 * reminder time and this rule decides whether the tick is a reminder day.
 */
public final class NoDeadlineReminderRule {

  private final WorkingDayDeadlines deadlines;
  private final int everyWorkingDays;

  public NoDeadlineReminderRule(WorkingDayDeadlines deadlines, int everyWorkingDays) {
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    if (everyWorkingDays < 1) {
      throw new IllegalArgumentException("app.assignments.no-deadline-reminder-days = " + everyWorkingDays
          + " không hợp lệ: phải là số ngày làm việc từ 1 trở lên.");
    }
    this.everyWorkingDays = everyWorkingDays;
  }

  public int everyWorkingDays() {
    return everyWorkingDays;
  }

  /** True on the N-th, 2N-th, ... working day after the day the work started (that day itself does not count). */
  public boolean isReminderDay(LocalDate workStarted, LocalDate today) {
    WorkingCalendar calendar = deadlines.calendar();
    if (!calendar.isWorkingDay(today)) {
      return false;
    }
    int elapsed = calendar.workingDaysBetween(workStarted, today);
    return elapsed > 0 && elapsed % everyWorkingDays == 0;
  }

  /** The first reminder day for work started on that day (for messages and tests). */
  public LocalDate firstReminderDay(LocalDate workStarted) {
    return deadlines.calendar().plusWorkingDays(workStarted, everyWorkingDays);
  }

  /**
   * ISO 8601 cycle for the timer: every day at the reminder time, starting with the first such time after
   * {@code now}, e.g. {@code R/2019-01-03T07:30:00+07:00/P1D}.
   */
  public String dailyCycle(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, VietnamTime.ZONE);
    Date first = deadlines.reminderInstant(day);
    if (!first.toInstant().isAfter(now)) {
      first = deadlines.reminderInstant(day.plusDays(1));
    }
    return "R/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.ofInstant(first.toInstant(),
        VietnamTime.ZONE)) + "/P1D";
  }
}
