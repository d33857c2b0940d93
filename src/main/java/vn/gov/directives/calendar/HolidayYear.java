package vn.gov.directives.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * One year of the holiday data: the days off (single days or ranges, weekends included as announced) and the weekend
 * days worked to make up for swapped weekdays.
 *
 * @param source the official decision or notice, or how the year was estimated
 * @param provisional true while the year is estimated from the Labour Code, before the official schedule is known
 */
public record HolidayYear(
    int year, String source, boolean provisional, List<DayOff> daysOff, List<MakeUpWorkingDay> makeUpWorkingDays) {

  public HolidayYear {
    daysOff = List.copyOf(daysOff);
    makeUpWorkingDays = List.copyOf(makeUpWorkingDays);
  }

  /** Days off from {@code from} to {@code to}, both included. */
  public record DayOff(LocalDate from, LocalDate to, String reason) {

    public boolean contains(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Weekdays (Monday–Friday) in the range: the working days this entry takes away. */
    public long weekdays() {
      return from.datesUntil(to.plusDays(1))
          .filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
          .count();
    }
  }

  /** A Saturday (or Sunday) worked in exchange for a weekday off. */
  public record MakeUpWorkingDay(LocalDate date, String reason) {}
}
