package vn.gov.directives.reminder;

/** What became of a recorded reminder. */
public enum ReminderStatus {
  /**
   * Written only by releases before the commit-point claim (claimed, not yet handed over): read so that a cluster
   * can be upgraded node by node. Older than a job lock time, nothing was delivered and a later attempt sends it.
   */
  SENDING,
  /**
   * Taken at the mail server's commit point: the whole message is with the server and its final "." is being sent
   * (committed first, so a concurrent attempt loses the unique key and drops its own message before its "."). Left
   * behind only by a process that dies between this commit and its job's commit (the server's answer, then SENT):
   * the message may have gone out.
   */
  SUBMITTED,
  /** The mail server accepted the e-mail (recorded in the reminder job's own transaction). */
  SENT,
  /** No mail server is configured: the reminder was written to the application log. */
  LOGGED,
  /** The mail server refused or could not be reached, or the record could not be taken: nothing was delivered; the
   * job retries and may send it later. */
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
