package vn.gov.directives.reminder;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code reminder_log}.
 *
 * @param nodeId the cluster node that last claimed it (see {@code app.node-id})
 */
public record ReminderRecord(
    long id,
    ReminderKind kind,
    int days,
    Instant deadline,
    String taskId,
    String taskName,
    String processInstanceId,
    String businessKey,
    String audience,
    List<Recipient> recipients,
    ReminderChannel channel,
    ReminderStatus status,
    Instant scheduledFor,
    Instant recordedAt,
    Instant sentAt,
    String messageId,
    int attempts,
    String note,
    String nodeId) {}
