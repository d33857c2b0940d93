package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.gov.directives.calendar.HolidayWorkingCalendar;

/** Demo dates keep their working-day distances on the real calendar. */
class DemoDatesTest {

  final HolidayWorkingCalendar calendar = HolidayWorkingCalendar.bundled();
  final DemoDates demoDates = new DemoDates(calendar);

  NoticeRequest notice295() throws IOException {
    return new NoticeParser(code -> true).parse(NoticeParserTest.seed());
  }

  LocalDate deadline(NoticeRequest notice, String code) {
    return notice.assignments().stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow().deadline();
  }

  @Test
  void issuedOnTheLatestWorkingDayBeforeToday_overAWeekend() throws IOException {
    // Monday 18/03/2019: the latest working day before it is Friday 15/03
    NoticeRequest moved = demoDates.shift(notice295(), LocalDate.of(2019, 3, 18));
    assertThat(moved.issuedOn()).isEqualTo(LocalDate.of(2019, 3, 15));
    assertThat(moved.meetingDate()).isEqualTo(LocalDate.of(2019, 3, 14));
    // 26/12/2018 → Sat 05/01/2019 (make-up working day) is 6 working days: 18, 19, 20, 21, 22, 25/03
    assertThat(deadline(moved, "3")).isEqualTo(LocalDate.of(2019, 3, 25));
    // 01/01/2019 (holiday) falls due on 02/01, 3 working days after the notice
    assertThat(deadline(moved, "9")).isEqualTo(LocalDate.of(2019, 3, 20));
    assertThat(calendar.workingDaysBetween(moved.issuedOn(), deadline(moved, "2")))
        .isEqualTo(calendar.workingDaysBetween(LocalDate.of(2018, 12, 26), LocalDate.of(2019, 1, 25)));
    assertThat(deadline(moved, "1")).isNull();
    assertThat(moved.assignments()).hasSize(12);
    assertThat(moved.number()).isEqualTo("295/TB-UBND");
  }

  @Test
  void skipsHolidaysWhenCountingForward() throws IOException {
    // today Tue 29/04/2025, before the 30/4–1/5 holidays: issued Mon 28/04, 3 working days later is Mon 05/05
    NoticeRequest moved = demoDates.shift(notice295(), LocalDate.of(2025, 4, 29));
    assertThat(moved.issuedOn()).isEqualTo(LocalDate.of(2025, 4, 28));
    assertThat(calendar.isWorkingDay(deadline(moved, "9"))).isTrue();
    assertThat(calendar.workingDaysBetween(moved.issuedOn(), deadline(moved, "9"))).isEqualTo(3);
  }
}
