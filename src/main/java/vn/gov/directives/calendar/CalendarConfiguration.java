package vn.gov.directives.calendar;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Spring wiring of the calendar capability; logic lives in the plain classes. */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

  /** Loaded and validated at start-up: a bad data file stops the application with a clear message. */
  @Bean
  public HolidayWorkingCalendar workingCalendar(@Value("${app.calendar.holidays-file:}") String holidaysFile) {
    HolidayWorkingCalendar calendar = holidaysFile == null || holidaysFile.isBlank()
        ? HolidayWorkingCalendar.bundled()
        : HolidayWorkingCalendar.fromFile(Path.of(holidaysFile.trim()));
    LOG.info("Working-day calendar loaded from {}: {}",
        holidaysFile == null || holidaysFile.isBlank() ? HolidayDataLoader.BUNDLED_RESOURCE : holidaysFile, calendar);
    return calendar;
  }

  @Bean
  public WorkingDayDeadlines workingDayDeadlines(WorkingCalendar workingCalendar,
      @Value("${app.calendar.off-day-deadline:next-working-day}") String offDayDeadline,
      @Value("${app.calendar.reminder-time:07:30}") String reminderTime) {
    return new WorkingDayDeadlines(workingCalendar, OffDayDeadlinePolicy.fromConfig(offDayDeadline),
        WorkingDayDeadlines.parseReminderTime(reminderTime));
  }

  /** Named for BPMN: {@code ${dueDates.forStep('drafting', execution)}}. */
  @Bean("dueDates")
  public DueDateService dueDates(WorkingDayDeadlines deadlines, Environment environment) {
    Map<String, Integer> dueDays = Binder.get(environment)
        .bind("app.due-days", Bindable.mapOf(String.class, Integer.class))
        .orElse(Map.of());
    return new DueDateService(deadlines, dueDays);
  }

  /** Picked up by the Camunda starter like every ProcessEnginePlugin bean. */
  @Bean
  public WorkingDayBusinessCalendarPlugin workingDayBusinessCalendarPlugin(WorkingCalendar workingCalendar) {
    return new WorkingDayBusinessCalendarPlugin(workingCalendar);
  }
}
