package vn.gov.directives.reminder;

/** Sending a reminder e-mail failed; the job fails so that the job executor retries it. */
public class ReminderDeliveryException extends RuntimeException {

  public ReminderDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
