package vn.gov.directives.reminder;

/**
 * Published (synchronously, inside the job) after a reminder went out and was recorded SENT or LOGGED. A listener
 * that throws makes the job fail and retry; the reminder is not sent again.
 */
public record ReminderSentEvent(long recordId, ReminderNotice notice, ReminderChannel channel, String messageId) {}
