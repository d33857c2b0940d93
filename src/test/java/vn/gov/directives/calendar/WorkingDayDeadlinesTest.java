package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Deadlines end at 24:00 Vietnam time on working days, whatever the server zone (tests run in New York). */
class WorkingDayDeadlinesTest {

  private static final HolidayWorkingCalendar CALENDAR = HolidayWorkingCalendar.bundled();
  private static final WorkingDayDeadlines NEXT = new WorkingDayDeadlines(CALENDAR);
  private static final WorkingDayDeadlines KEEP =
      new WorkingDayDeadlines(CALENDAR, OffDayDeadlinePolicy.KEEP, LocalTime.of(7, 30));

  /** 23:59:59 on that day in Vietnam (+07:00). */
  private static Date vnEndOf(String isoDay) {
    return Date.from(OffsetDateTime.parse(isoDay + "T23:59:59+07:00").toInstant());
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void deadlineOnFriday25January2019EndsThatEveningInVietnam() {
    assertThat(NEXT.deadlineEnd(d("2019-01-25"))).isEqualTo(vnEndOf("2019-01-25"));
    // In New York that is still the morning of the same Friday: the zone is Vietnam's, not the server's
    assertThat(NEXT.deadlineEnd(d("2019-01-25")).toInstant())
        .isEqualTo(ZonedDateTime.of(2019, 1, 25, 11, 59, 59, 0, ZoneId.of("America/New_York")).toInstant());
  }

  @Test
  void deadlineOnASaturdayMovesToTheNextWorkingDayUnlessConfiguredToKeep() {
    assertThat(NEXT.deadlineEnd(d("2019-01-26"))).isEqualTo(vnEndOf("2019-01-28"));
    assertThat(KEEP.deadlineEnd(d("2019-01-26"))).isEqualTo(vnEndOf("2019-01-26"));
    // Tết 2019: a deadline on Saturday 02/02 runs to the end of Monday 11/02
    assertThat(NEXT.deadlineEnd(d("2019-02-02"))).isEqualTo(vnEndOf("2019-02-11"));
    // Saturday 05/01/2019 was a working day: the deadline stays there
    assertThat(NEXT.deadlineEnd(d("2019-01-05"))).isEqualTo(vnEndOf("2019-01-05"));
  }

  @Test
  void endOfWorkingDaysCountsFromTheVietnamDateOfTheInstant() {
    // Thursday 27/12/2018 20:00 in New York is already Friday 28/12 08:00 in Vietnam
    Instant eveningInNewYork = ZonedDateTime.of(2018, 12, 27, 20, 0, 0, 0, ZoneId.of("America/New_York")).toInstant();
    assertThat(NEXT.endOfWorkingDaysAfter(eveningInNewYork, 5)).isEqualTo(vnEndOf("2019-01-07"));
  }

  @Test
  void dueDateIsCappedByAPlanDeadlineThatIsStillAhead() {
    LocalDate today = d("2019-01-02");
    // 10 working days after Wed 02/01/2019 (Sat 05/01 worked): Tue 15/01
    assertThat(NEXT.dueDate(today, 10, null)).isEqualTo(vnEndOf("2019-01-15"));
    assertThat(NEXT.dueDate(today, 10, d("2019-01-25"))).isEqualTo(vnEndOf("2019-01-15"));
    assertThat(NEXT.dueDate(today, 10, d("2019-01-10"))).isEqualTo(vnEndOf("2019-01-10"));
    // the plan's deadline on a Sunday runs to Monday 14/01, still before the step's own due date
    assertThat(NEXT.dueDate(today, 10, d("2019-01-13"))).isEqualTo(vnEndOf("2019-01-14"));
    assertThat(KEEP.dueDate(today, 10, d("2019-01-13"))).isEqualTo(vnEndOf("2019-01-13"));
    // a deadline due today still caps; one already past no longer does
    assertThat(NEXT.dueDate(today, 10, today)).isEqualTo(vnEndOf("2019-01-02"));
    assertThat(NEXT.dueDate(today, 10, d("2018-12-28"))).isEqualTo(vnEndOf("2019-01-15"));
  }

  @Test
  void aPlanDeadlineOnADayOffEndingTodayStillCaps() {
    // Sunday 13/01 moves to Monday 14/01: on Monday that deadline is today, not past
    assertThat(NEXT.dueDate(d("2019-01-14"), 5, d("2019-01-13"))).isEqualTo(vnEndOf("2019-01-14"));
  }

  @Test
  void remindersGoOutAtTheStartOfTheWorkingDayInVietnam() {
    assertThat(NEXT.reminderInstant(d("2019-01-07")).toInstant()).isEqualTo(Instant.parse("2019-01-07T00:30:00Z"));
    WorkingDayDeadlines eight = new WorkingDayDeadlines(CALENDAR, OffDayDeadlinePolicy.NEXT_WORKING_DAY,
        WorkingDayDeadlines.parseReminderTime("08:00"));
    assertThat(eight.reminderInstant(d("2019-01-07")).toInstant()).isEqualTo(Instant.parse("2019-01-07T01:00:00Z"));
  }

  @Test
  void datesAndConfigurationValuesAreParsedStrictly() {
    assertThat(WorkingDayDeadlines.parseIsoDate("2019-01-25")).isEqualTo(d("2019-01-25"));
    assertThatThrownBy(() -> WorkingDayDeadlines.parseIsoDate("2019-02-30"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2019-02-30' không phải là ngày hợp lệ");
    assertThatThrownBy(() -> WorkingDayDeadlines.parseIsoDate("25/01/2019"))
        .hasMessageContaining("NĂM-THÁNG-NGÀY");
    assertThatThrownBy(() -> WorkingDayDeadlines.parseReminderTime("7h30"))
        .hasMessageContaining("app.calendar.reminder-time");
    assertThat(OffDayDeadlinePolicy.fromConfig("keep")).isEqualTo(OffDayDeadlinePolicy.KEEP);
    assertThat(OffDayDeadlinePolicy.fromConfig("NEXT_WORKING_DAY")).isEqualTo(OffDayDeadlinePolicy.NEXT_WORKING_DAY);
    assertThat(OffDayDeadlinePolicy.fromConfig("")).isEqualTo(OffDayDeadlinePolicy.NEXT_WORKING_DAY);
    assertThatThrownBy(() -> OffDayDeadlinePolicy.fromConfig("previous-day"))
        .hasMessageContaining("app.calendar.off-day-deadline")
        .hasMessageContaining("next-working-day hoặc keep");
  }
}
