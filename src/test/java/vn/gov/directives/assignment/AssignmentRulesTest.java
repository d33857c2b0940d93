package vn.gov.directives.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.HolidayWorkingCalendar;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/** The assignment logic without the engine: task names, the no-deadline reminder days. */
class AssignmentRulesTest {

  private static final NoDeadlineReminderRule EVERY_FIVE =
      new NoDeadlineReminderRule(new WorkingDayDeadlines(HolidayWorkingCalendar.bundled()), 5);
  private static final LocalDate TODAY = LocalDate.of(2018, 12, 27);

  @Test
  void taskNameGetsTheSuffixOnce() {
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", " — TB 295/TB-UBND, mục 3"))
        .isEqualTo("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3", " — TB 295/TB-UBND, mục 3"))
        .isEqualTo("Thực hiện nhiệm vụ — TB 295/TB-UBND, mục 3");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", null)).isEqualTo("Thực hiện nhiệm vụ");
    assertThat(TaskNames.withSuffix("Thực hiện nhiệm vụ", "  ")).isEqualTo("Thực hiện nhiệm vụ");
  }

  @Test
  void noDeadlineRemindersEveryFifthWorkingDay_acrossTheNewYearBreak() {
    // 29/12/2018–01/01/2019 off; Saturday 05/01/2019 a make-up working day
    assertThat(EVERY_FIVE.firstReminderDay(TODAY)).isEqualTo(LocalDate.of(2019, 1, 5));
    assertThat(TODAY.datesUntil(LocalDate.of(2019, 1, 20)).filter(day -> EVERY_FIVE.isReminderDay(TODAY, day)))
        .containsExactly(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 11), LocalDate.of(2019, 1, 18));
  }

  @Test
  void timerTicksDailyAtTheStartOfTheWorkingDay() {
    var beforeWork = ZonedDateTime.of(2018, 12, 27, 7, 0, 0, 0, VietnamTime.ZONE).toInstant();
    var afterWork = ZonedDateTime.of(2018, 12, 27, 9, 0, 0, 0, VietnamTime.ZONE).toInstant();
    assertThat(EVERY_FIVE.dailyCycle(beforeWork)).isEqualTo("R/2018-12-27T07:30:00+07:00/P1D");
    assertThat(EVERY_FIVE.dailyCycle(afterWork)).isEqualTo("R/2018-12-28T07:30:00+07:00/P1D");
  }

  @Test
  void badReminderIntervalIsRefusedWithTheKey() {
    assertThatThrownBy(() -> new NoDeadlineReminderRule(new WorkingDayDeadlines(HolidayWorkingCalendar.bundled()), 0))
        .hasMessageContaining("app.assignments.no-deadline-reminder-days");
  }

  @Test
  void statusNamesAreChecked() {
    assertThat(AssignmentStatusPublisher.parse("completed")).isEqualTo(AssignmentStatus.COMPLETED);
    assertThatThrownBy(() -> AssignmentStatusPublisher.parse("DONE")).hasMessageContaining("'DONE' không tồn tại");
  }
}
