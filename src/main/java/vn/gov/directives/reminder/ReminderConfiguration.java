package vn.gov.directives.reminder;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import vn.gov.directives.calendar.WorkingCalendar;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Reminder beans. The engine plugin must not depend on engine services (they need the plugin first), so the
 * calendar and organisation are resolved lazily.
 */
@Configuration
@EnableConfigurationProperties(ReminderProperties.class)
public class ReminderConfiguration {

  @Bean
  ReminderJobScheduler reminderJobScheduler(
      ObjectProvider<WorkingCalendar> calendar,
      ReminderProperties properties,
      @Value("${app.calendar.reminder-time:07:30}") String reminderTime,
      @Value("${app.assignments.no-deadline-reminder-days:5}") int noDeadlineEveryWorkingDays) {
    return ReminderJobScheduler.create(calendar, parseTime(reminderTime), properties, noDeadlineEveryWorkingDays);
  }

  @Bean
  ReminderDelivery reminderDelivery(
      ReminderLog reminderLog,
      ObjectProvider<JavaMailSender> mailSender,
      @Value("${spring.mail.host:}") String mailHost,
      ReminderProperties properties,
      @Value("${app.public-base-url:http://localhost:8080}") String publicBaseUrl,
      @Value("${app.reminders.smtp-connection-reuse:true}") boolean reuseSmtpConnections,
      ApplicationEventPublisher events) {
    // Spring Boot creates a mail sender even for an empty host: only a real host means "send e-mail".
    JavaMailSender sender = mailHost == null || mailHost.isBlank() ? null : mailSender.getIfAvailable();
    return new ReminderDelivery(reminderLog, sender, properties.mailFrom(), publicBaseUrl, events,
        reuseSmtpConnections);
  }

  @Bean
  ReminderEnginePlugin reminderEnginePlugin(
      ReminderDelivery delivery, ReminderJobScheduler scheduler, ObjectProvider<OrganizationDirectory> organization,
      ReminderProperties properties) {
    // a bad app.reminders.retry-intervals stops the start here, naming the value
    return new ReminderEnginePlugin(new DeadlineReminderJobHandler(delivery, scheduler, organization::getObject), scheduler,
        ReminderRetryPolicy.of(properties.retryIntervals()));
  }

  /** Used in BPMN: {@code delegateExpression="${deadlineReminders}"} on the start event's end. */
  @Bean("deadlineReminders")
  DeadlineReminders deadlineReminders(ReminderJobScheduler scheduler) {
    return new DeadlineReminders(scheduler);
  }

  static LocalTime parseTime(String value) {
    try {
      return LocalTime.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "app.calendar.reminder-time must be a time of day like 07:30, got \"" + value + "\"", e);
    }
  }
}
