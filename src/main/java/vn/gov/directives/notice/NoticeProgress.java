package vn.gov.directives.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Progress of a notice: one line per (assignment, lead) and the counts by status. Computed from the tracking rows
 * and the current instant, never stored, so that "overdue" is always true to the clock.
 *
 * @param assignments in the notice's order
 */
public record NoticeProgress(
    String number,
    int total,
    int completedOnTime,
    int completedLate,
    int inProgress,
    int overdue,
    int extensionRequested,
    int rejected,
    List<Line> assignments) {

  /**
   * @param dueDate end of the deadline, ISO with the Vietnam offset (2019-01-05T23:59:59+07:00); null when none
   * @param completedOn Vietnam date of completion; null while not completed
   */
  public record Line(String code, String lead, ProgressStatus status, String dueDate, LocalDate completedOn) {}

  public static NoticeProgress of(String number, List<TrackedLead> leads, Instant now) {
    List<Line> lines = leads.stream().map(lead -> new Line(lead.assignmentCode(), lead.leadCode(),
        status(lead, now), isoVietnam(lead.dueAt()),
        lead.completedAt() == null ? null : LocalDate.ofInstant(lead.completedAt(), VietnamTime.ZONE))).toList();
    return new NoticeProgress(number, lines.size(), count(lines, ProgressStatus.COMPLETED_ON_TIME),
        count(lines, ProgressStatus.COMPLETED_LATE), count(lines, ProgressStatus.IN_PROGRESS),
        count(lines, ProgressStatus.OVERDUE), count(lines, ProgressStatus.EXTENSION_REQUESTED),
        count(lines, ProgressStatus.REJECTED), lines);
  }

  /** Completion is judged against the due time in force when the lead completed (an extension moves it). */
  public static ProgressStatus status(TrackedLead lead, Instant now) {
    if (TrackedLead.REJECTED.equals(lead.status())) {
      return ProgressStatus.REJECTED;
    }
    if (TrackedLead.COMPLETED.equals(lead.status())) {
      boolean late = lead.dueAt() != null && lead.completedAt() != null && lead.completedAt().isAfter(lead.dueAt());
      return late ? ProgressStatus.COMPLETED_LATE : ProgressStatus.COMPLETED_ON_TIME;
    }
    if (lead.extensionRequested()) {
      return ProgressStatus.EXTENSION_REQUESTED;
    }
    if (lead.dueAt() != null && now.isAfter(lead.dueAt())) {
      return ProgressStatus.OVERDUE;
    }
    return ProgressStatus.IN_PROGRESS;
  }

  /** True when every line has ended: completed on time or late, or not approved. */
  public boolean allCompleted() {
    return completedOnTime + completedLate + rejected == total;
  }

  static String isoVietnam(Instant instant) {
    return instant == null ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(VietnamTime.ZONE).toOffsetDateTime());
  }

  private static int count(List<Line> lines, ProgressStatus status) {
    return (int) lines.stream().filter(line -> line.status() == status).count();
  }
}
