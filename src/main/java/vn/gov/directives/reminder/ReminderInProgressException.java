package vn.gov.directives.reminder;

import java.time.Instant;

/**
 * The reminder was claimed less than a job lock time ago by an attempt that may still be sending it (on this node or
 * another): it is not sent now. The job fails and the job executor retries it later, when the record says SENT (the
 * retry completes without sending) or the claim is old enough to be known dead (the retry sends it).
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
