package vn.gov.directives.reminder;

/** What a reminder is about: a task coming due, a task overdue, or the plan's deadline coming. */
public enum ReminderKind {
  /** A user task is due in N working days (N = days before). */
  TASK_REMINDER,
  /** A user task is N working days overdue and still open: its agency's leaders and the review office are told. */
  TASK_ESCALATION,
  /** The process's plan deadline (variable {@code planDeadline}) is N working days away. */
  DEADLINE_REMINDER;

  public boolean aboutTask() {
    return this != DEADLINE_REMINDER;
  }
}
