package vn.gov.directives.reminder;

/** What became of a recorded reminder. */
public enum ReminderStatus {
  /**
   * Claimed, not yet handed to the mail server. Left behind by a crash before the message's final "." of DATA:
   * nothing was delivered, so a later attempt sends it.
   */
  SENDING,
  /**
   * The whole message is with the mail server, its final "." sent, the answer not yet recorded. Left behind only by
   * a crash in that instant (one network round trip): the message may have gone out.
   */
  SUBMITTED,
  /** The mail server accepted the e-mail. */
  SENT,
  /** No mail server is configured: the reminder was written to the application log. */
  LOGGED,
  /** The mail server refused or could not be reached; the job retries and may send it later. */
  FAILED,
  /** Found SUBMITTED on a retry: it may or may not have gone out, and is not sent again (never twice). */
  UNCERTAIN,
  /** Nobody to send it to (no members, or none with an e-mail address). */
  NO_RECIPIENTS;

  /** Whether a reminder in this state may be (re)sent. */
  public boolean mayBeSent() {
    return this == FAILED || this == SENDING;
  }
}
