package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring wiring only (no engine): configuration keys reach the plain classes, bad values stop the start-up. */
class CalendarConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(CalendarConfiguration.class)
      .withPropertyValues("app.due-days.survey=10", "app.due-days.drafting=5", "app.due-days.office-review=5");

  @Test
  void exposesCalendarDueDatesAndEnginePluginFromConfiguration() {
    runner.withPropertyValues("app.calendar.holidays-file=", "app.calendar.reminder-time=08:15",
        "app.calendar.off-day-deadline=keep").run(context -> {
          assertThat(context).hasSingleBean(WorkingCalendar.class).hasSingleBean(WorkingDayBusinessCalendarPlugin.class);
          assertThat(context.getBean(WorkingCalendar.class).isWorkingDay(LocalDate.of(2019, 1, 5))).isTrue();
          DueDateService dueDates = context.getBean("dueDates", DueDateService.class);
          assertThat(dueDates.dueDaysByStep()).containsEntry("office-review", 5).containsEntry("survey", 10);
          assertThat(dueDates.deadlines().reminderTime()).isEqualTo(LocalTime.of(8, 15));
          assertThat(dueDates.deadlines().offDayPolicy()).isEqualTo(OffDayDeadlinePolicy.KEEP);
        });
  }

  @Test
  void defaultsAreNextWorkingDayAndHalfPastSeven() {
    runner.run(context -> {
      WorkingDayDeadlines deadlines = context.getBean(WorkingDayDeadlines.class);
      assertThat(deadlines.offDayPolicy()).isEqualTo(OffDayDeadlinePolicy.NEXT_WORKING_DAY);
      assertThat(deadlines.reminderTime()).isEqualTo(LocalTime.of(7, 30));
    });
  }

  @Test
  void externalHolidayFileReplacesTheBundledOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ngay-nghi.yaml");
    Files.writeString(file, """
        years:
          - year: 2019
            provisional: true
            days-off:
              - date: 2019-01-07
                reason: "Nghỉ thử"
        """, StandardCharsets.UTF_8);
    runner.withPropertyValues("app.calendar.holidays-file=" + file).run(context -> {
      WorkingCalendar calendar = context.getBean(WorkingCalendar.class);
      assertThat(calendar.isWorkingDay(LocalDate.of(2019, 1, 7))).isFalse();
      assertThat(calendar.isWorkingDay(LocalDate.of(2019, 2, 4))).isTrue();
    });
  }

  @Test
  void invalidDataOrSettingsStopTheStartWithTheReason(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sai.yaml");
    Files.writeString(file, """
        years:
          - year: 2019
            provisional: true
            days-off:
              - date: 2019-02-30
                reason: "Sai ngày"
        """, StandardCharsets.UTF_8);
    runner.withPropertyValues("app.calendar.holidays-file=" + file).run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("năm 2019, ngày nghỉ thứ 1 (2019-02-30)"));
    runner.withPropertyValues("app.calendar.off-day-deadline=sometimes").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("app.calendar.off-day-deadline"));
    runner.withPropertyValues("app.due-days.director=0").run(context ->
        assertThat(context).getFailure().rootCause().hasMessageContaining("app.due-days.director"));
  }
}
