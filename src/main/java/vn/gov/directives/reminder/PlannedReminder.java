package vn.gov.directives.reminder;

import java.time.Instant;

/**
 * One reminder to schedule.
 *
 * @param kind what it is about
 * @param days working days before the deadline (reminders) or after it (escalation)
 * @param at when it goes out
 * @param deadline the deadline it is about
 */
public record PlannedReminder(ReminderKind kind, int days, Instant at, Instant deadline) {}
