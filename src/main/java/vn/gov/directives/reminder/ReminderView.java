package vn.gov.directives.reminder;

import java.util.List;

/**
 * A recorded reminder as {@code GET /api/reminders} returns it; instants are ISO 8601 with the Vietnam offset.
 *
 * @param sentAt when it went out (SENT) or was written to the log (LOGGED); null otherwise
 * @param recordedAt when it was (last) claimed for sending
 * @param deadline the due date or plan deadline reminded of; null for a NO_DEADLINE_REMINDER, which has none
 * @param since NO_DEADLINE_REMINDER only: when the task was received, the working days ({@code days}) count from it
 */
public record ReminderView(
    long id,
    String kind,
    int days,
    String taskId,
    String taskName,
    String processInstanceId,
    String audience,
    List<Recipient> recipients,
    String channel,
    String deadline,
    String scheduledFor,
    String sentAt,
    String recordedAt,
    String status,
    String note,
    String since) {

  static ReminderView of(ReminderRecord record) {
    return new ReminderView(
        record.id(), record.kind().name(), record.days(), record.taskId(), record.taskName(),
        record.processInstanceId(), record.audience(), record.recipients(), record.channel().name(),
        record.kind().periodic() ? null : ReminderJobConfiguration.isoVietnam(record.deadline()),
        ReminderJobConfiguration.isoVietnam(record.scheduledFor()),
        ReminderJobConfiguration.isoVietnam(record.sentAt()),
        ReminderJobConfiguration.isoVietnam(record.recordedAt()),
        record.status().name(), record.note(),
        record.kind().periodic() ? ReminderJobConfiguration.isoVietnam(record.deadline()) : null);
  }
}
