package vn.gov.directives.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import vn.gov.directives.calendar.VietnamTime;

/**
 * What a "deadline-reminder" job sends, stored as small JSON in the job's handler configuration so that Cockpit
 * shows it: {@code {"kind":"TASK_REMINDER","taskId":"…","days":3,"deadline":"2019-02-01T23:59:59+07:00"}}; a
 * DEADLINE_REMINDER names the process instance instead of a task; a NO_DEADLINE_REMINDER has no deadline and gives
 * the task's creation instead, the anchor its working days count from: {@code …,"days":5,"since":"2018-12-27T09:00:00+07:00"}.
 *
 * @param subjectId the task id (task kinds) or the process instance id (DEADLINE_REMINDER)
 * @param deadline the due date or plan deadline; for a NO_DEADLINE_REMINDER the task's creation, to the second
 */
public record ReminderJobConfiguration(ReminderKind kind, String subjectId, int days, Instant deadline)
    implements JobHandlerConfiguration {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ReminderJobConfiguration {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectId, "subjectId");
    deadline = ReminderSchedule.seconds(Objects.requireNonNull(deadline, "deadline"));
  }

  public static ReminderJobConfiguration of(String subjectId, PlannedReminder planned) {
    return new ReminderJobConfiguration(planned.kind(), subjectId, planned.days(), planned.deadline());
  }

  @Override
  public String toCanonicalString() {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", kind.name());
    node.put(kind.aboutTask() ? "taskId" : "processInstanceId", subjectId);
    node.put("days", days);
    node.put(deadlineField(kind), isoVietnam(deadline));
    return node.toString();
  }

  public static ReminderJobConfiguration parse(String canonical) {
    try {
      JsonNode node = JSON.readTree(canonical);
      ReminderKind kind = ReminderKind.valueOf(node.path("kind").asText());
      String subject = node.path(kind.aboutTask() ? "taskId" : "processInstanceId").asText(null);
      Instant deadline = OffsetDateTime.parse(node.path(deadlineField(kind)).asText()).toInstant();
      return new ReminderJobConfiguration(kind, subject, node.path("days").asInt(), deadline);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("Not a deadline-reminder job configuration: " + canonical, e);
    }
  }

  private static String deadlineField(ReminderKind kind) {
    return kind.periodic() ? "since" : "deadline";
  }

  /** ISO 8601 with the Vietnam offset, e.g. 2019-02-01T23:59:59+07:00. */
  public static String isoVietnam(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(VietnamTime.ZONE)
        .toOffsetDateTime());
  }
}
