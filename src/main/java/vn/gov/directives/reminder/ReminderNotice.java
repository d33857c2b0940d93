package vn.gov.directives.reminder;

import java.time.Instant;
import java.util.List;

/**
 * One reminder or escalation ready to go out: what it is about and who it is for.
 *
 * @param subjectId task id, or process instance id for a DEADLINE_REMINDER; with kind, days and deadline it
 *     identifies the reminder (it is sent at most once)
 * @param taskId null for a DEADLINE_REMINDER
 * @param taskName null for a DEADLINE_REMINDER
 * @param processName the process definition's name
 * @param planTitle the process variable {@code planTitle} if set
 * @param audience who it is for, in Vietnamese, e.g. "Chuyên viên Sở Thông tin và Truyền thông"
 * @param assignedTo who the task is assigned to, in Vietnamese (shown in escalations); null for the plan deadline
 * @param scheduledFor when the reminder was due to go out
 * @param urgent the process variable {@code urgent} (read for the reminder of work without deadline only)
 * @param assignmentTitle the process variable {@code assignmentTitle}, what the work is (same; null if unset)
 * @param everyWorkingDays working days between two reminders of work without deadline; 0 for the other kinds
 */
public record ReminderNotice(
    ReminderKind kind,
    int days,
    Instant deadline,
    Instant scheduledFor,
    String subjectId,
    String taskId,
    String taskName,
    String processInstanceId,
    String rootProcessInstanceId,
    String processDefinitionKey,
    String processName,
    String businessKey,
    String planTitle,
    String audience,
    String assignedTo,
    List<Recipient> recipients,
    boolean urgent,
    String assignmentTitle,
    int everyWorkingDays) {

  public ReminderNotice {
    recipients = List.copyOf(recipients);
  }

  /** A due-date reminder, escalation or plan-deadline reminder: none of the facts of work without deadline. */
  public ReminderNotice(ReminderKind kind, int days, Instant deadline, Instant scheduledFor, String subjectId,
      String taskId, String taskName, String processInstanceId, String rootProcessInstanceId,
      String processDefinitionKey, String processName, String businessKey, String planTitle, String audience,
      String assignedTo, List<Recipient> recipients) {
    this(kind, days, deadline, scheduledFor, subjectId, taskId, taskName, processInstanceId, rootProcessInstanceId,
        processDefinitionKey, processName, businessKey, planTitle, audience, assignedTo, recipients, false, null, 0);
  }

  public List<String> emailAddresses() {
    return recipients.stream().filter(Recipient::hasEmail).map(Recipient::email).distinct().toList();
  }
}
