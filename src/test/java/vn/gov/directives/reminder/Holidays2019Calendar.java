package vn.gov.directives.reminder;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * The 2018–2019 facts of DOMAIN.md section 2 as a small calendar for tests that must not depend on the calendar
 * capability's data file: weekends off, the New Year 2019 and Tết 2019 breaks, Saturday 05/01/2019 worked.
 */
final class Holidays2019Calendar implements WorkingCalendar {

  private static final Set<LocalDate> WEEKDAYS_OFF = Set.of(
      LocalDate.of(2018, 12, 31), LocalDate.of(2019, 1, 1),
      LocalDate.of(2019, 2, 4), LocalDate.of(2019, 2, 5), LocalDate.of(2019, 2, 6), LocalDate.of(2019, 2, 7),
      LocalDate.of(2019, 2, 8), LocalDate.of(2019, 4, 15), LocalDate.of(2019, 4, 29), LocalDate.of(2019, 4, 30),
      LocalDate.of(2019, 5, 1), LocalDate.of(2019, 9, 2));
  private static final Set<LocalDate> SATURDAYS_WORKED = Set.of(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 5, 4));

  @Override
  public boolean isWorkingDay(LocalDate day) {
    if (SATURDAYS_WORKED.contains(day)) {
      return true;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !WEEKDAYS_OFF.contains(day);
  }

  @Override
  public LocalDate plusWorkingDays(LocalDate start, int n) {
    if (n == 0) {
      return onOrNextWorkingDay(start);
    }
    int step = n > 0 ? 1 : -1;
    LocalDate day = start;
    for (int left = Math.abs(n); left > 0; ) {
      day = day.plusDays(step);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  @Override
  public LocalDate onOrNextWorkingDay(LocalDate day) {
    LocalDate current = day;
    while (!isWorkingDay(current)) {
      current = current.plusDays(1);
    }
    return current;
  }

  @Override
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int sign = to.isBefore(from) ? -1 : 1;
    LocalDate low = sign > 0 ? from : to;
    LocalDate high = sign > 0 ? to : from;
    int count = 0;
    for (LocalDate d = low.plusDays(1); !d.isAfter(high); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return sign * count;
  }
}
