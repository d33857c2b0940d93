package vn.gov.directives.reminder;

/** What became of a recorded reminder. */
public enum ReminderStatus {
  /** Claimed, being sent now. Left behind only by a crash between claiming and recording the outcome. */
  SENDING,
  /** The mail server accepted the e-mail. */
  SENT,
  /** No mail server is configured: the reminder was written to the application log. */
  LOGGED,
  /** The mail server refused or could not be reached; the job retries and may send it later. */
  FAILED,
  /** Found SENDING on a retry: it may or may not have gone out, and is not sent again (never twice). */
  UNCERTAIN,
  /** Nobody to send it to (no members, or none with an e-mail address). */
  NO_RECIPIENTS;

  /** Whether a reminder in this state may be (re)sent. */
  public boolean mayBeSent() {
    return this == FAILED;
  }
}
