package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.directives.calendar.HolidayYear.DayOff;

/** The bundled data against the real schedules around notice 295/TB-UBND (DOMAIN.md section 2). */
class HolidayWorkingCalendarTest {

  private static final HolidayWorkingCalendar CALENDAR = HolidayWorkingCalendar.bundled();

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void saturdayFifthOfJanuary2019IsAMakeUpWorkingDay() {
    assertThat(d("2019-01-05").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(CALENDAR.isWorkingDay(d("2019-01-05"))).isTrue();
    assertThat(CALENDAR.makeUpReason(d("2019-01-05"))).get().asString().contains("31/12/2018");
    assertThat(CALENDAR.isWorkingDay(d("2019-05-04"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2018-12-29", "2018-12-30", "2018-12-31", "2019-01-01", "2019-02-02", "2019-02-04",
      "2019-02-05", "2019-02-08", "2019-02-10", "2019-04-15", "2019-04-29", "2019-04-30", "2019-05-01", "2019-09-02"})
  void daysOffAroundTheNoticeAreNotWorkingDays(String day) {
    assertThat(CALENDAR.isWorkingDay(d(day))).as(day).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2018-12-28", "2019-01-02", "2019-01-04", "2019-02-01", "2019-02-11", "2019-04-12",
      "2019-04-16", "2019-05-02"})
  void ordinaryWeekdaysAroundTheBreaksAreWorkingDays(String day) {
    assertThat(CALENDAR.isWorkingDay(d(day))).as(day).isTrue();
  }

  @Test
  void tet2020AndTet2026AreTheAnnouncedBreaks() {
    assertThat(d("2020-01-23").datesUntil(d("2020-01-30"))).noneMatch(CALENDAR::isWorkingDay);
    assertThat(CALENDAR.isWorkingDay(d("2020-01-22"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(d("2020-01-30"))).isTrue();

    assertThat(d("2026-02-14").datesUntil(d("2026-02-23"))).noneMatch(CALENDAR::isWorkingDay);
    assertThat(CALENDAR.isWorkingDay(d("2026-02-13"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(d("2026-02-23"))).isTrue();
    // New Year 2026: Friday 02/01 swapped with Saturday 10/01
    assertThat(CALENDAR.isWorkingDay(d("2026-01-02"))).isFalse();
    assertThat(CALENDAR.isWorkingDay(d("2026-01-10"))).isTrue();
  }

  @Test
  void fiveWorkingDaysAfterFriday28December2018IsMonday7January2019() {
    // 29/12–01/01 off; Wed 02, Thu 03, Fri 04, Sat 05 (make-up), Mon 07
    assertThat(CALENDAR.plusWorkingDays(d("2018-12-28"), 5)).isEqualTo(d("2019-01-07"));
    assertThat(CALENDAR.plusWorkingDays(d("2018-12-28"), 4)).isEqualTo(d("2019-01-05"));
    assertThat(CALENDAR.workingDaysBetween(d("2018-12-28"), d("2019-01-07"))).isEqualTo(5);
  }

  @Test
  void countingBackwardsAcrossTet2019SkipsTheWholeBreak() {
    assertThat(CALENDAR.plusWorkingDays(d("2019-02-11"), -1)).isEqualTo(d("2019-02-01"));
    assertThat(CALENDAR.plusWorkingDays(d("2019-02-12"), -2)).isEqualTo(d("2019-02-01"));
    assertThat(CALENDAR.plusWorkingDays(d("2019-02-11"), -3)).isEqualTo(d("2019-01-30"));
    assertThat(CALENDAR.plusWorkingDays(d("2019-02-06"), -1)).isEqualTo(d("2019-02-01"));
  }

  @Test
  void workingDaysBetweenIsSignedAndExcludesTheStart() {
    assertThat(CALENDAR.workingDaysBetween(d("2019-02-01"), d("2019-02-11"))).isEqualTo(1);
    assertThat(CALENDAR.workingDaysBetween(d("2019-02-11"), d("2019-02-01"))).isEqualTo(-1);
    assertThat(CALENDAR.workingDaysBetween(d("2019-02-11"), d("2019-02-11"))).isZero();
  }

  @Test
  void zeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay() {
    assertThat(CALENDAR.plusWorkingDays(d("2019-01-04"), 0)).isEqualTo(d("2019-01-04"));
    assertThat(CALENDAR.plusWorkingDays(d("2019-02-02"), 0)).isEqualTo(d("2019-02-11"));
    assertThat(CALENDAR.onOrNextWorkingDay(d("2018-12-29"))).isEqualTo(d("2019-01-02"));
  }

  @Test
  void dayOffReasonsAreVietnamese() {
    assertThat(CALENDAR.dayOffReason(d("2019-02-05"))).get().asString().startsWith("Tết Nguyên đán Kỷ Hợi");
    assertThat(CALENDAR.dayOffReason(d("2019-04-15"))).get().asString().contains("Giỗ Tổ Hùng Vương");
    assertThat(CALENDAR.dayOffReason(d("2019-01-12"))).contains("Thứ Bảy");
    assertThat(CALENDAR.dayOffReason(d("2019-01-05"))).isEmpty();
  }

  @Test
  void aYearWithoutDataIsAnErrorNotAGuess() {
    assertThatThrownBy(() -> CALENDAR.isWorkingDay(d("2031-01-02")))
        .isInstanceOf(MissingHolidayDataException.class)
        .hasMessageStartingWith("Không có dữ liệu ngày nghỉ cho năm 2031")
        .hasMessageContaining("2018–2030");
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(d("2030-12-27"), 5))
        .isInstanceOf(MissingHolidayDataException.class)
        .hasMessageStartingWith("Không có dữ liệu ngày nghỉ cho năm 2031");
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(d("2018-01-03"), -5))
        .isInstanceOf(MissingHolidayDataException.class)
        .hasMessageStartingWith("Không có dữ liệu ngày nghỉ cho năm 2017");
  }

  @Test
  void everyYearFrom2018To2030IsPresentAndOnlyUnannouncedYearsAreProvisional() {
    assertThat(CALENDAR.years().keySet()).containsExactlyElementsOf(
        Stream.iterate(2018, y -> y <= 2030, y -> y + 1).toList());
    CALENDAR.years().values().forEach(year -> {
      assertThat(year.provisional()).as("provisional %d", year.year()).isEqualTo(year.year() >= 2027);
      assertThat(year.source()).as("source %d", year.year()).isNotBlank();
    });
  }

  /**
   * Swaps move working days but never change how many there are: each year's weekdays off minus its make-up days
   * equal the statutory holidays (10 under the Labour Code 2012, 11 from 2021 when Quốc khánh became two days).
   */
  @Test
  void eachYearTakesExactlyTheStatutoryNumberOfWorkingDays() {
    CALENDAR.years().values().forEach(year -> {
      long weekdaysOff = year.daysOff().stream().mapToLong(DayOff::weekdays).sum();
      long net = weekdaysOff - year.makeUpWorkingDays().size();
      assertThat(net).as("net working days off in %d", year.year()).isEqualTo(year.year() < 2021 ? 10 : 11);
    });
  }

  @Test
  void tetBreakCoversTheLunarNewYearOfEveryYear() {
    // Tết (1/1 lunar, Vietnam time) from DOMAIN.md: never from a Chinese-calendar library (2030 differs)
    Stream.of("2018-02-16", "2019-02-05", "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10",
            "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-02")
        .map(LocalDate::parse)
        .forEach(tet -> assertThat(CALENDAR.dayOffReason(tet)).as("Tết %s", tet).get().asString()
            .startsWith("Tết Nguyên đán"));
  }
}
