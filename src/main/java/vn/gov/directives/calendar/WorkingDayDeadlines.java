package vn.gov.directives.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Objects;

/**
 * Deadline arithmetic on a {@link WorkingCalendar}, in Vietnam time: a deadline day ends at 23:59:59 Vietnam time
 * whatever the server's zone. Plain class: no Spring, no engine.
 */
public final class WorkingDayDeadlines {

  public static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(7, 30);

  private final WorkingCalendar calendar;
  private final OffDayDeadlinePolicy offDayPolicy;
  private final LocalTime reminderTime;

  public WorkingDayDeadlines(WorkingCalendar calendar, OffDayDeadlinePolicy offDayPolicy, LocalTime reminderTime) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.offDayPolicy = Objects.requireNonNull(offDayPolicy, "offDayPolicy");
    this.reminderTime = Objects.requireNonNull(reminderTime, "reminderTime");
  }

  /** Defaults: next-working-day, reminders at 07:30. */
  public WorkingDayDeadlines(WorkingCalendar calendar) {
    this(calendar, OffDayDeadlinePolicy.NEXT_WORKING_DAY, DEFAULT_REMINDER_TIME);
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  public OffDayDeadlinePolicy offDayPolicy() {
    return offDayPolicy;
  }

  public LocalTime reminderTime() {
    return reminderTime;
  }

  /** End (23:59:59 Vietnam time) of the n-th working day after {@code start} (n = 0: start or the next working day). */
  public Date endOfWorkingDaysAfter(LocalDate start, int workingDays) {
    return VietnamTime.endOfDay(calendar.plusWorkingDays(start, workingDays));
  }

  /** Same, counted from the Vietnam date of an instant (an evening in New York is already the next day in Vietnam). */
  public Date endOfWorkingDaysAfter(Instant start, int workingDays) {
    return endOfWorkingDaysAfter(LocalDate.ofInstant(start, VietnamTime.ZONE), workingDays);
  }

  /** The day a deadline really falls on: itself, or the next working day when it is a day off under the policy. */
  public LocalDate effectiveDeadlineDay(LocalDate deadline) {
    return offDayPolicy == OffDayDeadlinePolicy.NEXT_WORKING_DAY ? calendar.onOrNextWorkingDay(deadline) : deadline;
  }

  /** End of the deadline day (23:59:59 Vietnam time) after the off-day policy. */
  public Date deadlineEnd(LocalDate deadline) {
    return VietnamTime.endOfDay(effectiveDeadlineDay(deadline));
  }

  /**
   * End of the n-th working day after {@code today}, but never later than the end of {@code capDeadline} while that
   * deadline (after the off-day policy) is today or later; a deadline already past no longer caps anything.
   *
   * @param capDeadline may be null: no cap
   */
  public Date dueDate(LocalDate today, int workingDays, LocalDate capDeadline) {
    Date due = endOfWorkingDaysAfter(today, workingDays);
    if (capDeadline == null) {
      return due;
    }
    LocalDate capDay = effectiveDeadlineDay(capDeadline);
    if (capDay.isBefore(today)) {
      return due;
    }
    Date capEnd = VietnamTime.endOfDay(capDay);
    return capEnd.before(due) ? capEnd : due;
  }

  /** The day at the configured start-of-work time, Vietnam time: when reminders go out. */
  public Date reminderInstant(LocalDate day) {
    return VietnamTime.at(day, reminderTime);
  }

  /** Strict yyyy-MM-dd ("2019-02-30" is refused) with a Vietnamese message. */
  public static LocalDate parseIsoDate(String isoDate) {
    return IsoDates.parse(isoDate);
  }

  /** "07:30" from configuration, with a message naming the key when wrong. */
  public static LocalTime parseReminderTime(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_REMINDER_TIME;
    }
    try {
      return LocalTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Giá trị '" + value + "' của app.calendar.reminder-time không hợp lệ; "
          + "viết giờ:phút, ví dụ 07:30.", e);
    }
  }
}
