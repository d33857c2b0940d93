package vn.gov.directives.reminder;

/** What a reminder is about: a task coming due, a task overdue, the plan's deadline coming, or work without deadline. */
public enum ReminderKind {
  /** A user task is due in N working days (N = days before). */
  TASK_REMINDER,
  /** A user task is N working days overdue and still open: its agency's leaders and the review office are told. */
  TASK_ESCALATION,
  /** The process's plan deadline (variable {@code planDeadline}) is N working days away. */
  DEADLINE_REMINDER,
  /**
   * A user task whose work has no deadline, declared in the model ({@link NoDeadlineReminderDeclaration}), is still
   * open N working days after it was created (N = 5, 10, 15 … with a period of 5). Its job configuration's deadline
   * is the task's creation time: the anchor the working days are counted from.
   */
  NO_DEADLINE_REMINDER;

  public boolean aboutTask() {
    return this != DEADLINE_REMINDER;
  }

  /**
   * True for the periodic reminder of work without deadline: counted from the task's creation instead of towards a
   * due date, it is a chain of its own beside the task's due-date reminders.
   */
  public boolean periodic() {
    return this == NO_DEADLINE_REMINDER;
  }
}
