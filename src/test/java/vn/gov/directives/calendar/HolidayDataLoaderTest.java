package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office staff edit the data file: every mistake must be refused with a message naming the year and entry. */
class HolidayDataLoaderTest {

  private static final String VALID_2019 = """
      years:
        - year: 2019
          source: "Thông báo thử"
          provisional: false
          days-off:
            - from: 2018-12-29
              to: 2019-01-01
              reason: "Tết Dương lịch"
            - date: 2019-04-15
              reason: "Giỗ Tổ Hùng Vương – nghỉ bù"
          working-saturdays:
            - date: 2019-01-05
              reason: "Làm bù"
      """;

  private static List<HolidayYear> parse(String yaml) {
    return HolidayDataLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  @Test
  void readsRangesSingleDaysAndMakeUpDays() {
    List<HolidayYear> years = parse(VALID_2019);
    assertThat(years).singleElement().satisfies(y -> {
      assertThat(y.year()).isEqualTo(2019);
      assertThat(y.daysOff()).extracting(HolidayYear.DayOff::from)
          .containsExactly(LocalDate.of(2018, 12, 29), LocalDate.of(2019, 4, 15));
      assertThat(y.makeUpWorkingDays()).extracting(HolidayYear.MakeUpWorkingDay::date)
          .containsExactly(LocalDate.of(2019, 1, 5));
    });
  }

  @Test
  void impossibleDateIsRefusedNamingYearAndEntry() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("date: 2019-04-15", "date: 2019-02-30")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("năm 2019, ngày nghỉ thứ 2 (2019-02-30)")
        .hasMessageContaining("không phải là ngày hợp lệ");
  }

  @Test
  void dayMonthYearWritingIsRefusedWithTheExpectedFormat() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("date: 2019-01-05", "date: 05/01/2019")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("năm 2019, ngày làm bù thứ 1 (05/01/2019)")
        .hasMessageContaining("NĂM-THÁNG-NGÀY");
  }

  @Test
  void makeUpSaturdayThatIsAlsoADayOffIsRefused() {
    String yaml = """
        years:
          - year: 2019
            source: "Thông báo thử"
            days-off:
              - date: 2019-04-15
                reason: "Giỗ Tổ Hùng Vương – nghỉ bù"
              - from: 2019-04-27
                to: 2019-05-01
                reason: "30/4 và 1/5"
            working-saturdays:
              - date: 2019-04-27
                reason: "Làm bù"
        """;
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("test.yaml")
        .hasMessageContaining("năm 2019, ngày làm bù thứ 1 (2019-04-27) trùng với ngày nghỉ ở năm 2019, ngày nghỉ thứ 2")
        .hasMessageContaining("vừa nghỉ vừa làm bù");
  }

  @Test
  void makeUpOnAWeekdayIsRefused() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("date: 2019-01-05", "date: 2019-01-07")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("năm 2019, ngày làm bù thứ 1 (2019-01-07)")
        .hasMessageContaining("không phải thứ Bảy hay Chủ nhật");
  }

  @Test
  void reversedRangeMissingReasonAndOverlapsAreRefused() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("to: 2019-01-01", "to: 2018-12-28")))
        .hasMessageContaining("năm 2019, ngày nghỉ thứ 1 (2018-12-29): ngày kết thúc 2018-12-28 trước ngày bắt đầu");
    assertThatThrownBy(() -> parse(VALID_2019.replace("reason: \"Giỗ Tổ Hùng Vương – nghỉ bù\"", "reason: \"\"")))
        .hasMessageContaining("năm 2019, ngày nghỉ thứ 2 (2019-04-15) thiếu lý do");
    assertThatThrownBy(() -> parse(VALID_2019.replace("date: 2019-04-15", "date: 2019-01-01")))
        .hasMessageContaining("ngày 2019-01-01 đã có trong năm 2019, ngày nghỉ thứ 1");
    assertThatThrownBy(() -> parse(VALID_2019.replace("to: 2019-01-01", "to: 2019-11-01")))
        .hasMessageContaining("dài hơn 20 ngày");
  }

  @Test
  void entryOutsideItsYearAndDuplicateYearsAreRefused() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("date: 2019-04-15", "date: 2020-04-15")))
        .hasMessageContaining("năm 2019, ngày nghỉ thứ 2 (2020-04-15): ngày 2020-04-15 không thuộc năm 2019");
    String twice = VALID_2019 + VALID_2019.substring(VALID_2019.indexOf("  - year"));
    assertThatThrownBy(() -> parse(twice)).hasMessageContaining("năm 2019 được khai báo hai lần");
  }

  @Test
  void officialYearNeedsASourceAndUnknownFieldsAreNamed() {
    assertThatThrownBy(() -> parse(VALID_2019.replace("source: \"Thông báo thử\"", "source: \"\"")))
        .hasMessageContaining("năm 2019 thiếu 'source'");
    assertThat(parse(VALID_2019.replace("source: \"Thông báo thử\"", "source: \"\"")
        .replace("provisional: false", "provisional: true"))).singleElement()
        .satisfies(y -> assertThat(y.provisional()).isTrue());
    assertThatThrownBy(() -> parse(VALID_2019.replace("days-off:", "holidays:")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("trường 'holidays' không hợp lệ")
        .hasMessageContaining("dòng ");
  }

  @Test
  void externalFileIsLoadedAndAMissingOneIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ngay-nghi.yaml");
    Files.writeString(file, VALID_2019.replace("year: 2019", "year: 2019") + """
          - year: 2018
            source: "Thông báo thử 2018"
            days-off:
              - date: 2018-01-01
                reason: "Tết Dương lịch"
        """, StandardCharsets.UTF_8);
    HolidayWorkingCalendar calendar = HolidayWorkingCalendar.fromFile(file);
    assertThat(calendar.isWorkingDay(LocalDate.of(2019, 1, 5))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2018, 12, 31))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2019, 2, 4))).isTrue(); // this file has no Tết: its data rules
    assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2020, 1, 2)))
        .hasMessageContaining("Không có dữ liệu ngày nghỉ cho năm 2020 (dữ liệu hiện có: 2018–2019)");

    assertThatThrownBy(() -> HolidayWorkingCalendar.fromFile(dir.resolve("khong-co.yaml")))
        .isInstanceOf(HolidayDataException.class)
        .hasMessageContaining("Không tìm thấy tệp ngày nghỉ")
        .hasMessageContaining("khong-co.yaml");
  }
}
