package vn.gov.directives.notice;

import java.time.LocalDate;
import vn.gov.directives.calendar.WorkingCalendar;

/**
 * Moves a notice in time for the demo: issued on the latest working day before today, every other date keeping its
 * distance in working days from the issue date, so that "due in 7 working days" stays true. A deadline on a day
 * off counts from the working day it really falls on (the next one), so the due day keeps its distance too.
 */
public final class DemoDates {

  private final WorkingCalendar calendar;

  public DemoDates(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  public NoticeRequest shift(NoticeRequest notice, LocalDate today) {
    LocalDate original = notice.issuedOn();
    LocalDate issued = calendar.plusWorkingDays(today, -1);
    return new NoticeRequest(notice.number(), issued, notice.issuer(), move(notice.meetingDate(), original, issued),
        notice.signer(), notice.title(), notice.assignments().stream().map(a -> new NoticeRequest.Assignment(
            a.code(), a.kind(), a.title(), a.leads(), a.partners(), move(a.deadline(), original, issued), a.urgent()))
        .toList());
  }

  private LocalDate move(LocalDate day, LocalDate originalIssue, LocalDate newIssue) {
    if (day == null) {
      return null;
    }
    int distance = calendar.workingDaysBetween(originalIssue, calendar.onOrNextWorkingDay(day));
    return distance == 0 ? newIssue : calendar.plusWorkingDays(newIssue, distance);
  }
}
