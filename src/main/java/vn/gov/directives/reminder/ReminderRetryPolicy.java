package vn.gov.directives.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * When a failed reminder job is tried again ({@code app.reminders.retry-intervals}): wait interval i before retry
 * i + 1; when the last retry fails the job keeps no retries and Camunda raises an incident (Cockpit). So a reminder
 * gets {@code intervals + 1} attempts. Camunda's own {@code failedJobRetryTimeCycle} does not apply to jobs of a custom
 * handler type such as "deadline-reminder" (they would be retried at once, three times).
 */
public final class ReminderRetryPolicy {

  public static final String PROPERTY = "app.reminders.retry-intervals";
  /** 1, 5 and 15 minutes, 1 and 4 hours: about 5 h 20 min of mail server outage before an incident. */
  public static final List<String> DEFAULT_INTERVALS = List.of("PT1M", "PT5M", "PT15M", "PT1H", "PT4H");

  private final List<Duration> intervals;

  private ReminderRetryPolicy(List<Duration> intervals) {
    this.intervals = List.copyOf(intervals);
  }

  /**
   * @param values ISO-8601 durations such as {@code PT1M}, each positive
   * @throws IllegalArgumentException naming the bad value
   */
  public static ReminderRetryPolicy of(List<String> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(PROPERTY + ": cần ít nhất một khoảng chờ, ví dụ PT1M,PT5M,PT15M (at least"
          + " one retry interval is required)");
    }
    List<Duration> parsed = new ArrayList<>();
    for (String value : values) {
      Duration interval;
      try {
        interval = Duration.parse(value == null ? "" : value.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(PROPERTY + ": \"" + value + "\" không phải khoảng thời gian ISO-8601 như"
            + " PT30S, PT5M, PT1H, P1D (not an ISO-8601 duration)", e);
      }
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException(PROPERTY + ": \"" + value + "\" phải lớn hơn 0 (must be positive)");
      }
      parsed.add(interval);
    }
    return new ReminderRetryPolicy(parsed);
  }

  public List<Duration> intervals() {
    return intervals;
  }

  /** Attempts of a reminder before its incident: the first one and one retry after each interval. */
  public int attempts() {
    return intervals.size() + 1;
  }

  /**
   * What becomes of a job after a failed attempt.
   *
   * @param retries the job's retries before this failure (Camunda creates jobs with 3; an operator's retry in Cockpit
   *     sets 1)
   * @param firstFailure the job has no exception recorded yet: its retries are still the creation default, and become
   *     {@link #attempts()} (as Camunda does for a retry time cycle)
   * @return the retries left and when the next attempt may run (now when none is left: a Cockpit retry runs at once)
   */
  public Decision afterFailure(int retries, boolean firstFailure, Instant now) {
    int before = firstFailure ? attempts() : retries;
    int left = Math.max(0, before - 1);
    if (left == 0) {
      return new Decision(0, now);
    }
    // failure k of a fresh job (before = attempts - k + 1) waits interval k; a job given more retries by an operator
    // than it had waits the first interval, one given fewer waits the longer ones
    int index = Math.max(0, Math.min(intervals.size() - 1, attempts() - before));
    return new Decision(left, now.plus(intervals.get(index)));
  }

  /**
   * The reminder is claimed by an attempt that may still be sending it (younger than the job lock time). That is
   * not a failure of delivery: no retry is used up; the job waits until the claim is old enough to be known dead
   * ({@code claimExpiresAt}) — then it finds the reminder SENT (done) or sends it. Retrying earlier would only
   * burn the retries against a claim that cannot expire sooner, and end in an incident for a reminder that went out.
   */
  public Decision whileInProgress(int retries, boolean firstFailure, Instant now, Instant claimExpiresAt) {
    int kept = firstFailure ? attempts() : retries;
    Instant next = claimExpiresAt == null || claimExpiresAt.isBefore(now) ? now : claimExpiresAt;
    return new Decision(Math.max(1, kept), next);
  }

  /** A conflict between nodes (optimistic locking): Camunda does not count it; the job is tried again at once. */
  public Decision afterConflict(int retries, boolean firstFailure, Instant now) {
    return new Decision(Math.max(1, firstFailure ? attempts() : retries), now);
  }

  /**
   * @param retries the job's retries after this failure (0: incident)
   * @param nextAttempt the job's new due date
   */
  public record Decision(int retries, Instant nextAttempt) {}

  @Override
  public String toString() {
    return intervals.toString();
  }
}
