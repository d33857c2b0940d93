package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.gov.directives.support.NoticeTestSupport.at;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.HolidayWorkingCalendar;
import vn.gov.directives.calendar.OffDayDeadlinePolicy;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/** When a periodic report falling due goes out, on the 2018–2019 calendar, without the engine. */
class NoticeReportDaysTest {

  private static final WorkingDayDeadlines CALENDAR = new WorkingDayDeadlines(HolidayWorkingCalendar.bundled());

  @Test
  void onAWorkingDayItGoesOutWhenDue_includingAMakeUpSaturday() {
    assertThat(ReportDays.postponedTo(at(2019, 1, 2, 10, 0), CALENDAR)).isEmpty();
    assertThat(ReportDays.postponedTo(at(2019, 1, 5, 10, 0), CALENDAR)).as("Saturday 05/01/2019 is worked").isEmpty();
  }

  @Test
  void onADayOffItWaitsForTheStartOfTheNextWorkingDay() {
    // Tết Kỷ Hợi: 02/02–10/02/2019 off
    assertThat(ReportDays.postponedTo(at(2019, 2, 5, 10, 0), CALENDAR))
        .hasValueSatisfying(date -> assertThat(date.toInstant()).isEqualTo(at(2019, 2, 11, 7, 30)));
    // New Year: Sunday 30/12/2018 → Wednesday 02/01/2019, at the configured start of work
    WorkingDayDeadlines eightOClock = new WorkingDayDeadlines(HolidayWorkingCalendar.bundled(),
        OffDayDeadlinePolicy.NEXT_WORKING_DAY, LocalTime.of(8, 0));
    assertThat(ReportDays.postponedTo(at(2018, 12, 30, 10, 0), eightOClock))
        .hasValueSatisfying(date -> assertThat(date.toInstant()).isEqualTo(at(2019, 1, 2, 8, 0)));
    // 23:30 on Friday in Vietnam is still Friday afternoon in New York: the Vietnamese day decides
    assertThat(ReportDays.postponedTo(at(2019, 1, 4, 23, 30), CALENDAR)).isEmpty();
  }
}
