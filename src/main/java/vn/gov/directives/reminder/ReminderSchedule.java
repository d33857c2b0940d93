package vn.gov.directives.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * When reminders and escalations go out: at the start of a working day (Vietnam time), a number of working days
 * before a deadline's day or after it. Instants already past are left out.
 */
public final class ReminderSchedule {

  private final WorkingCalendar calendar;
  private final LocalTime reminderTime;
  private final List<Integer> daysBefore;
  private final int escalateDaysAfter;

  /**
   * @param reminderTime start of the working day, Vietnam time
   * @param daysBefore working days before a deadline at which reminders go out, each at least 1
   * @param escalateDaysAfter working days after a task's due day at which an open task is escalated; 0 = never
   */
  public ReminderSchedule(
      WorkingCalendar calendar, LocalTime reminderTime, List<Integer> daysBefore, int escalateDaysAfter) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.reminderTime = Objects.requireNonNull(reminderTime, "reminderTime");
    Objects.requireNonNull(daysBefore, "daysBefore");
    for (Integer days : daysBefore) {
      if (days == null || days < 1) {
        throw new IllegalArgumentException(
            "app.reminders.days-before must list working-day counts of at least 1, got " + daysBefore);
      }
    }
    if (escalateDaysAfter < 0) {
      throw new IllegalArgumentException(
          "app.reminders.escalate-days-after must be 0 (never) or more, got " + escalateDaysAfter);
    }
    this.daysBefore = daysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    this.escalateDaysAfter = escalateDaysAfter;
  }

  /**
   * The Vietnam day a deadline belongs to. A deadline at exactly 00:00 is "24:00" of the day before, the way a
   * day's end is sometimes stored.
   */
  public static LocalDate deadlineDay(Instant deadline) {
    ZonedDateTime local = deadline.atZone(VietnamTime.ZONE);
    return local.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  /** Reminders before a task's due date, then its escalation; only those not before {@code now}. */
  public List<PlannedReminder> forTask(Instant due, Instant now) {
    List<PlannedReminder> planned = remindersBefore(ReminderKind.TASK_REMINDER, due, now);
    if (escalateDaysAfter > 0) {
      LocalDate day = calendar.plusWorkingDays(deadlineDay(due), escalateDaysAfter);
      add(planned, new PlannedReminder(ReminderKind.TASK_ESCALATION, escalateDaysAfter, startOf(day), seconds(due)),
          now);
    }
    return planned;
  }

  /** Reminders before a process's plan deadline; only those not before {@code now}. */
  public List<PlannedReminder> forDeadline(Instant deadline, Instant now) {
    return remindersBefore(ReminderKind.DEADLINE_REMINDER, deadline, now);
  }

  private List<PlannedReminder> remindersBefore(ReminderKind kind, Instant deadline, Instant now) {
    List<PlannedReminder> planned = new ArrayList<>();
    LocalDate deadlineDay = deadlineDay(deadline);
    for (int days : daysBefore) {
      LocalDate day = calendar.plusWorkingDays(deadlineDay, -days);
      add(planned, new PlannedReminder(kind, days, startOf(day), seconds(deadline)), now);
    }
    return planned;
  }

  private static void add(List<PlannedReminder> planned, PlannedReminder reminder, Instant now) {
    if (!reminder.at().isBefore(now)) {
      planned.add(reminder);
    }
  }

  private Instant startOf(LocalDate day) {
    return ZonedDateTime.of(day, reminderTime, VietnamTime.ZONE).toInstant();
  }

  /** Deadlines are compared and stored to the second: databases differ below that. */
  static Instant seconds(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
