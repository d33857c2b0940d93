package vn.gov.directives.reminder;

import java.time.Instant;

/**
 * The reminder was taken (SUBMITTED) less than a job lock time ago by an attempt that may still be waiting for the
 * mail server's answer or its job's commit (on this node or another): it is not sent now. The job fails without
 * using a retry and looks again later, when the record says SENT (it completes without sending) or is old enough
 * for its attempt to be known dead (it is marked UNCERTAIN, never sent again).
 */
public class ReminderInProgressException extends ReminderDeliveryException {

  private final long recordId;
  private final Instant claimExpiresAt;

  /**
   * @param claimExpiresAt when the claim is one job lock time old: its attempt is then known dead (or done), so the
   *     job waits until then
   */
  public ReminderInProgressException(long recordId, String nodeId, Instant claimedAt, Instant claimExpiresAt,
      String reminder) {
    super("Nhắc việc " + reminder + " đang được gửi bởi nút " + (nodeId == null ? "khác" : nodeId) + " (từ "
        + claimedAt + "); sẽ thử lại sau, không gửi trùng (reminder record " + recordId
        + " is being sent by another attempt; retried later, not sent twice)", null);
    this.recordId = recordId;
    this.claimExpiresAt = claimExpiresAt;
  }

  public Instant claimExpiresAt() {
    return claimExpiresAt;
  }

  public long recordId() {
    return recordId;
  }
}
