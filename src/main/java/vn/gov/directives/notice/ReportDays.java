package vn.gov.directives.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/**
 * When a periodic progress report goes out. The report cycle counts calendar days from registration (the engine's
 * cycle calendar), so a weekly report can fall due on a weekend or a holiday (Tết 2019: 02/02–10/02): then it is not
 * skipped but moved to the start of the next working day (the configured reminder time, 07:30 by default), when
 * Văn phòng UBND and the signer are at work to read it.
 */
final class ReportDays {

  private ReportDays() {}

  /** Empty when the report may go out at {@code due}; otherwise the start of the next working day. */
  static Optional<Date> postponedTo(Instant due, WorkingDayDeadlines deadlines) {
    LocalDate day = LocalDate.ofInstant(due, VietnamTime.ZONE);
    if (deadlines.calendar().isWorkingDay(day)) {
      return Optional.empty();
    }
    return Optional.of(deadlines.reminderInstant(deadlines.calendar().onOrNextWorkingDay(day)));
  }
}
