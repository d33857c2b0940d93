package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkingDayBusinessCalendarTest {

  private static final HolidayWorkingCalendar CALENDAR = HolidayWorkingCalendar.bundled();
  private final WorkingDayBusinessCalendar dueDate =
      new WorkingDayBusinessCalendar(CALENDAR, new DueDateBusinessCalendar());
  private final WorkingDayBusinessCalendar duration =
      new WorkingDayBusinessCalendar(CALENDAR, new DurationBusinessCalendar());

  /** Thursday 27/12/2018 20:00 on a New York server: already Friday 28/12 08:00 in Vietnam. */
  private static final Date EVENING_IN_NEW_YORK =
      Date.from(ZonedDateTime.of(2018, 12, 27, 20, 0, 0, 0, ZoneId.of("America/New_York")).toInstant());

  private static Date vn(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime + "+07:00").toInstant());
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void fiveDaysMeanTheEndOfTheFifthWorkingDayAfterTheVietnamStartDate() {
    // Counting from the New York date (Thu 27/12) would give Saturday 05/01; from Vietnam's Fri 28/12 it is Mon 07/01
    assertThat(dueDate.resolveDuedate("P5D", EVENING_IN_NEW_YORK)).isEqualTo(vn("2019-01-07T23:59:59"));
    assertThat(duration.resolveDuedate("P5D", EVENING_IN_NEW_YORK)).isEqualTo(vn("2019-01-07T23:59:59"));
    // Thu 31/01, Fri 01/02, then Tết until Sun 10/02, then Mon 11 ... Wed 20/02
    assertThat(dueDate.resolveDuedate("P10D", vn("2019-01-30T09:00:00"))).isEqualTo(vn("2019-02-20T23:59:59"));
  }

  @Test
  void withoutAStartDateTheEngineClockIsTheStart() {
    ClockUtil.setCurrentTime(vn("2018-12-28T10:00:00"));
    assertThat(dueDate.resolveDuedate("P5D")).isEqualTo(vn("2019-01-07T23:59:59"));
    assertThat(dueDate.resolveDuedate("P5D", (org.camunda.bpm.engine.task.Task) null))
        .isEqualTo(vn("2019-01-07T23:59:59"));
    // zero days on a day off: end of the next working day
    ClockUtil.setCurrentTime(vn("2018-12-29T10:00:00"));
    assertThat(dueDate.resolveDuedate("P0D")).isEqualTo(vn("2019-01-02T23:59:59"));
  }

  @Test
  void durationsThatAreNotWholeDaysKeepCamundaBehaviour() {
    assertThat(dueDate.resolveDuedate("PT2H", EVENING_IN_NEW_YORK))
        .isEqualTo(Date.from(EVENING_IN_NEW_YORK.toInstant().plus(Duration.ofHours(2))));
    assertThat(duration.resolveDuedate("PT2H", EVENING_IN_NEW_YORK))
        .isEqualTo(Date.from(EVENING_IN_NEW_YORK.toInstant().plus(Duration.ofHours(2))));
    assertThat(dueDate.resolveDuedate("P1DT2H", EVENING_IN_NEW_YORK))
        .isEqualTo(new DueDateBusinessCalendar().resolveDuedate("P1DT2H", EVENING_IN_NEW_YORK));
    assertThat(duration.resolveDuedate("P1W", EVENING_IN_NEW_YORK))
        .isEqualTo(new DurationBusinessCalendar().resolveDuedate("P1W", EVENING_IN_NEW_YORK));
    ClockUtil.setCurrentTime(vn("2018-12-28T10:00:00"));
    assertThat(dueDate.resolveDuedate("PT2H")).isEqualTo(vn("2018-12-28T12:00:00"));
  }

  @Test
  void datesAreNotDurationsAndPassThrough() {
    String isoDateTime = "2019-01-25T17:00:00";
    assertThat(dueDate.resolveDuedate(isoDateTime, EVENING_IN_NEW_YORK))
        .isEqualTo(new DueDateBusinessCalendar().resolveDuedate(isoDateTime, EVENING_IN_NEW_YORK));
    assertThat(dueDate.resolveDuedate("2019-01-25T17:00:00+07:00")).isEqualTo(vn("2019-01-25T17:00:00"));
  }

  @Test
  void onlyWholeDayDurationsAreWorkingDays() {
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays("P5D")).hasValue(5);
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays(" P10D ")).hasValue(10);
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays("P1DT2H")).isEmpty();
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays("P1W")).isEmpty();
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays("R3/P1D")).isEmpty();
    assertThat(WorkingDayBusinessCalendar.wholeWorkingDays("2019-01-05")).isEmpty();
  }

  @Test
  void aDeadlineBeyondTheDataIsAnError() {
    assertThatThrownBy(() -> dueDate.resolveDuedate("P5D", vn("2030-12-27T10:00:00")))
        .isInstanceOf(MissingHolidayDataException.class)
        .hasMessageStartingWith("Không có dữ liệu ngày nghỉ cho năm 2031");
  }
}
