package vn.gov.directives.calendar;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's "dueDate" and "duration" calendars on working days: a whole-day ISO duration {@code P<n>D} means the
 * end (23:59:59 Vietnam time) of the n-th working day after the Vietnam date of the start. Everything else (PT2H,
 * P1DT2H, P1W, R3/PT1H, ISO date-times...) goes to Camunda's standard calendar unchanged.
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

  private static final Pattern WHOLE_DAYS = Pattern.compile("P(\\d{1,4})D");

  private final WorkingCalendar calendar;
  private final BusinessCalendar standard;

  /**
   * @param standard Camunda's calendar for the same name (DueDateBusinessCalendar or DurationBusinessCalendar), used
   *     for everything that is not whole days
   */
  public WorkingDayBusinessCalendar(WorkingCalendar calendar, BusinessCalendar standard) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.standard = Objects.requireNonNull(standard, "standard");
  }

  /** n for "P<n>D", empty for anything else. */
  public static OptionalInt wholeWorkingDays(String duedateDescription) {
    if (duedateDescription == null) {
      return OptionalInt.empty();
    }
    Matcher m = WHOLE_DAYS.matcher(duedateDescription.trim());
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  @Override
  public Date resolveDuedate(String duedateDescription) {
    return resolveDuedate(duedateDescription, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Task task) {
    // A task's due date counts from now (the engine clock), as Camunda's own calendar does.
    OptionalInt days = wholeWorkingDays(duedateDescription);
    return days.isPresent() ? endOfWorkingDays(VietnamTime.now(), days.getAsInt())
        : standard.resolveDuedate(duedateDescription, task);
  }

  @Override
  public Date resolveDuedate(String duedateDescription, Date startDate) {
    OptionalInt days = wholeWorkingDays(duedateDescription);
    if (days.isEmpty()) {
      return standard.resolveDuedate(duedateDescription, startDate);
    }
    Instant start = startDate == null ? VietnamTime.now() : startDate.toInstant();
    return endOfWorkingDays(start, days.getAsInt());
  }

  private Date endOfWorkingDays(Instant start, int days) {
    return new WorkingDayDeadlines(calendar).endOfWorkingDaysAfter(start, days);
  }
}
