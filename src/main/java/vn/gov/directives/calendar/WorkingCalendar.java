package vn.gov.directives.calendar;

import java.time.LocalDate;

/**
 * Working days of Vietnamese state agencies, from yearly holiday data (days off, make-up working Saturdays).
 * Implemented by {@link HolidayWorkingCalendar} (bean {@code workingCalendar}); every method throws
 * {@link MissingHolidayDataException} for a day whose year has no data.
 */
public interface WorkingCalendar {

  boolean isWorkingDay(LocalDate day);

  /**
   * n &gt; 0: the n-th working day after {@code start}; n &lt; 0: the n-th working day before it; n == 0: {@code start}
   * itself if it is a working day, else the next working day.
   */
  LocalDate plusWorkingDays(LocalDate start, int n);

  /** The day itself if it is a working day, else the next working day. */
  LocalDate onOrNextWorkingDay(LocalDate day);

  /** Working days in (from, to]; negative when to is before from. */
  int workingDaysBetween(LocalDate from, LocalDate to);
}
