package vn.gov.directives.reminder;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code app.reminders.*}: when reminders go out and who they come from.
 *
 * @param daysBefore working days before a deadline at which reminders go out
 * @param escalateDaysAfter working days after a task's due day at which an open task is escalated (0 = never)
 * @param mailFrom sender address of reminder e-mails
 * @param retryIntervals ISO-8601 waits before the retries of a failed reminder ({@link ReminderRetryPolicy})
 */
@ConfigurationProperties("app.reminders")
public record ReminderProperties(
    @DefaultValue({"3", "1"}) List<Integer> daysBefore,
    @DefaultValue("1") int escalateDaysAfter,
    @DefaultValue("theodoi-chidao@localhost") String mailFrom,
    @DefaultValue({"PT1M", "PT5M", "PT15M", "PT1H", "PT4H"}) List<String> retryIntervals) {}
