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
import java.util.Optional;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * When reminders and escalations go out: at the start of a working day (Vietnam time), a number of working days
 * before a deadline's day or after it. Instants already past are left out.
 *
 * <p>Only the next reminder of a deadline has a job ({@link ReminderJobScheduler}): {@link #first} gives it when a
 * deadline is set, {@link #after} the one that follows when a reminder has gone out.
 *
 * <p>Work without a deadline ({@link ReminderKind#NO_DEADLINE_REMINDER}) is reminded on the N-th, 2N-th … working day
 * after the day its task was created, at the same start of the working day ({@link #nextNoDeadline}).
 */
public final class ReminderSchedule {

  private final WorkingCalendar calendar;
  private final LocalTime reminderTime;
  private final List<Integer> daysBefore;
  private final int escalateDaysAfter;
  private final int noDeadlineEveryWorkingDays;

  /** The default of {@code app.assignments.no-deadline-reminder-days}. */
  public static final int DEFAULT_NO_DEADLINE_EVERY_WORKING_DAYS = 5;

  /** A schedule whose work without deadline is reminded every {@value #DEFAULT_NO_DEADLINE_EVERY_WORKING_DAYS} working days. */
  public ReminderSchedule(
      WorkingCalendar calendar, LocalTime reminderTime, List<Integer> daysBefore, int escalateDaysAfter) {
    this(calendar, reminderTime, daysBefore, escalateDaysAfter, DEFAULT_NO_DEADLINE_EVERY_WORKING_DAYS);
  }

  /**
   * @param reminderTime start of the working day, Vietnam time
   * @param daysBefore working days before a deadline at which reminders go out, each at least 1
   * @param escalateDaysAfter working days after a task's due day at which an open task is escalated; 0 = never
   * @param noDeadlineEveryWorkingDays working days between two reminders of work without deadline, at least 1
   */
  public ReminderSchedule(WorkingCalendar calendar, LocalTime reminderTime, List<Integer> daysBefore,
      int escalateDaysAfter, int noDeadlineEveryWorkingDays) {
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
    if (noDeadlineEveryWorkingDays < 1) {
      throw new IllegalArgumentException("app.assignments.no-deadline-reminder-days = " + noDeadlineEveryWorkingDays
          + " không hợp lệ: phải là số ngày làm việc từ 1 trở lên.");
    }
    this.daysBefore = daysBefore.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    this.escalateDaysAfter = escalateDaysAfter;
    this.noDeadlineEveryWorkingDays = noDeadlineEveryWorkingDays;
  }

  /** Working days between two reminders of work without deadline. */
  public int noDeadlineEveryWorkingDays() {
    return noDeadlineEveryWorkingDays;
  }

  /**
   * The next reminder of work without deadline whose task was created at {@code created}, after the one sent
   * {@code daysDone} working days after it (0: none yet), and not before {@code now}: reminder days missed while
   * nothing ran (an outage, a task older than its declaration) are not made up, the next one due is sent.
   */
  public PlannedReminder nextNoDeadline(int daysDone, Instant created, Instant now) {
    Instant anchor = seconds(created);
    LocalDate workStarted = anchor.atZone(VietnamTime.ZONE).toLocalDate();
    int every = noDeadlineEveryWorkingDays;
    int periods = Math.max(daysDone, 0) / every + 1;
    LocalDate today = now.isAfter(anchor) ? now.atZone(VietnamTime.ZONE).toLocalDate() : workStarted;
    if (today.isAfter(workStarted)) {
      // jump close to today instead of walking period by period through a long-open task's past
      periods = Math.max(periods, calendar.workingDaysBetween(workStarted, today) / every);
    }
    while (true) {
      int days = periods * every;
      Instant at = startOf(calendar.plusWorkingDays(workStarted, days));
      if (!at.isBefore(now)) {
        return new PlannedReminder(ReminderKind.NO_DEADLINE_REMINDER, days, at, anchor);
      }
      periods++;
    }
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

  /**
   * The reminder that goes out first for a task's due date ({@code kind} a task kind) or a plan deadline
   * ({@link ReminderKind#DEADLINE_REMINDER}), leaving out those before {@code now}; empty when none is left.
   */
  public Optional<PlannedReminder> first(ReminderKind kind, Instant deadline, Instant now) {
    if (kind.periodic()) {
      return Optional.of(nextNoDeadline(0, deadline, now));
    }
    return planned(kind, deadline, now).stream().findFirst();
  }

  /**
   * The reminder planned right after the one of {@code kind} and {@code days} for this deadline: the next reminder,
   * or the escalation after the last one; empty after the last. It is returned even if its time has passed (a
   * reminder that went out late, e.g. after an outage, still leaves the following one to be sent, at once). The
   * current reminder's place is worked out from its kind and days, so it is found also when the configured days
   * have changed since it was scheduled.
   */
  public Optional<PlannedReminder> after(ReminderKind kind, int days, Instant deadline) {
    if (kind.periodic()) {
      return Optional.of(nextNoDeadline(days, deadline, Instant.MIN));
    }
    Instant current = plannedAt(kind, days, deadline);
    return planned(kind, deadline, Instant.MIN).stream().filter(next -> next.at().isAfter(current)).findFirst();
  }

  /** When the reminder of {@code kind} and {@code days} for this deadline goes out by this schedule's rule. */
  public Instant plannedAt(ReminderKind kind, int days, Instant deadline) {
    if (kind.periodic()) {
      return startOf(calendar.plusWorkingDays(deadline.atZone(VietnamTime.ZONE).toLocalDate(), days));
    }
    LocalDate deadlineDay = deadlineDay(deadline);
    return startOf(kind == ReminderKind.TASK_ESCALATION
        ? calendar.plusWorkingDays(deadlineDay, days)
        : calendar.plusWorkingDays(deadlineDay, -days));
  }

  private List<PlannedReminder> planned(ReminderKind kind, Instant deadline, Instant now) {
    return kind.aboutTask() ? forTask(deadline, now) : forDeadline(deadline, now);
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
