package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.VietnamTime;

/** Status of each (assignment, lead) and the counts, from tracking rows and the clock only. */
class NoticeProgressTest {

  static Instant at(int month, int day, int hour) {
    int year = month == 12 ? 2018 : 2019;
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, VietnamTime.ZONE).toInstant();
  }

  static Instant endOf(int month, int day) {
    return VietnamTime.endOfDay(LocalDate.of(month == 12 ? 2018 : 2019, month, day)).toInstant();
  }

  static TrackedLead lead(String code, Instant dueAt, String status, Instant completedAt, boolean extension) {
    return new TrackedLead("id-" + code, "n", "295/TB-UBND", LocalDate.of(2018, 12, 26), code,
        AssignmentKind.GENERAL, "Việc " + code, false, null, List.of(), "STTTT", "p-" + code,
        dueAt == null ? null : LocalDate.ofInstant(dueAt, VietnamTime.ZONE), dueAt, status, completedAt, extension);
  }

  @Test
  void eachLeadFallsInExactlyOneBucket() {
    Instant now = at(1, 7, 8);
    List<TrackedLead> leads = List.of(
        lead("1", endOf(1, 5), TrackedLead.COMPLETED, at(1, 5, 23), false),   // last hour of the due day: on time
        lead("2", endOf(1, 2), TrackedLead.COMPLETED, at(1, 3, 0), false),    // the next morning: late
        lead("3", null, TrackedLead.COMPLETED, at(1, 20, 9), false),          // no date: never late
        lead("4", endOf(1, 4), TrackedLead.IN_PROGRESS, null, false),         // past due
        lead("5", endOf(1, 4), TrackedLead.IN_PROGRESS, null, true),          // past due but asked for more time
        lead("6", endOf(1, 25), TrackedLead.IN_PROGRESS, null, false),
        lead("7", null, TrackedLead.IN_PROGRESS, null, false),
        lead("8", endOf(1, 4), TrackedLead.REJECTED, at(1, 3, 9), false));    // not approved: not a completion
    NoticeProgress progress = NoticeProgress.of("295/TB-UBND", leads, now);
    assertThat(progress.assignments()).extracting(NoticeProgress.Line::status).containsExactly(
        ProgressStatus.COMPLETED_ON_TIME, ProgressStatus.COMPLETED_LATE, ProgressStatus.COMPLETED_ON_TIME,
        ProgressStatus.OVERDUE, ProgressStatus.EXTENSION_REQUESTED, ProgressStatus.IN_PROGRESS,
        ProgressStatus.IN_PROGRESS, ProgressStatus.REJECTED);
    assertThat(progress.total()).isEqualTo(8);
    assertThat(progress.completedOnTime()).isEqualTo(2);
    assertThat(progress.completedLate()).isEqualTo(1);
    assertThat(progress.overdue()).isEqualTo(1);
    assertThat(progress.extensionRequested()).isEqualTo(1);
    assertThat(progress.inProgress()).isEqualTo(2);
    assertThat(progress.rejected()).isEqualTo(1);
    assertThat(progress.allCompleted()).isFalse();
  }

  @Test
  void aNoticeWhoseLastOpenAssignmentWasNotApprovedHasEnded() {
    NoticeProgress progress = NoticeProgress.of("295/TB-UBND", List.of(
        lead("1", endOf(1, 5), TrackedLead.COMPLETED, at(1, 4, 9), false),
        lead("2", endOf(1, 5), TrackedLead.REJECTED, at(1, 4, 10), false)), at(1, 7, 8));
    assertThat(progress.completedOnTime()).isEqualTo(1);
    assertThat(progress.rejected()).isEqualTo(1);
    assertThat(progress.completedLate()).isZero();
    assertThat(progress.allCompleted()).isTrue();
    assertThat(NoticeReportContent.label(ProgressStatus.REJECTED)).isEqualTo("Không được phê duyệt");
  }

  @Test
  void datesAreVietnamDatesWhateverTheServerZone() {
    // 23:30 in Vietnam is still the morning in New York, and the completion day is the Vietnamese one
    NoticeProgress progress = NoticeProgress.of("295/TB-UBND",
        List.of(lead("3", endOf(1, 5), TrackedLead.COMPLETED, at(1, 5, 23), false)), at(1, 7, 8));
    NoticeProgress.Line line = progress.assignments().get(0);
    assertThat(line.dueDate()).isEqualTo("2019-01-05T23:59:59+07:00");
    assertThat(line.completedOn()).isEqualTo(LocalDate.of(2019, 1, 5));
    assertThat(progress.allCompleted()).isTrue();
  }

  @Test
  void becomesOverdueOnlyAfterTheLastSecondOfTheDueDay() {
    TrackedLead open = lead("9", endOf(1, 2), TrackedLead.IN_PROGRESS, null, false);
    assertThat(NoticeProgress.status(open, endOf(1, 2))).isEqualTo(ProgressStatus.IN_PROGRESS);
    assertThat(NoticeProgress.status(open, endOf(1, 2).plusSeconds(1))).isEqualTo(ProgressStatus.OVERDUE);
  }
}
