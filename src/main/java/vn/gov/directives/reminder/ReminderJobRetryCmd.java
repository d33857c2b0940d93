package vn.gov.directives.reminder;

import java.util.Date;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the engine does with a failed job: a "deadline-reminder" job follows {@link ReminderRetryPolicy} (due date
 * moved, lock released, retries counted down, the exception kept for Cockpit); every other job is left to Camunda's
 * {@link DefaultJobRetryCmd} (the global failedJobRetryTimeCycle). When a reminder job uses its last retry, the job of
 * the reminder that follows it is inserted here, in this command's transaction, since the failed job's own
 * transaction (which would have inserted it) never commits.
 */
class ReminderJobRetryCmd extends JobRetryCmd {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderJobRetryCmd.class);

  private final ReminderRetryPolicy policy;
  private final ReminderJobScheduler scheduler;

  ReminderJobRetryCmd(
      String jobId, Throwable exception, ReminderRetryPolicy policy, ReminderJobScheduler scheduler) {
    super(jobId, exception);
    this.policy = policy;
    this.scheduler = scheduler;
  }

  @Override
  public Object execute(CommandContext commandContext) {
    JobEntity job = getJob();
    if (job == null) {
      // completed or deleted meanwhile (e.g. by another node): nothing left to retry
      LOG.debug("Failed job {} no longer exists", jobId);
      return null;
    }
    if (!ReminderJobScheduler.JOB_HANDLER_TYPE.equals(job.getJobHandlerType())) {
      return new DefaultJobRetryCmd(jobId, exception).execute(commandContext);
    }
    // as Camunda's DefaultJobRetryCmd: only the first failure finds no exception on the job
    boolean firstFailure = job.getExceptionMessage() == null && job.getExceptionByteArrayId() == null;
    var now = ClockUtil.getCurrentTime().toInstant();
    ReminderInProgressException inProgress = inProgress(exception);
    ReminderRetryPolicy.Decision decision;
    if (inProgress != null) {
      decision = policy.whileInProgress(job.getRetries(), firstFailure, now, inProgress.claimExpiresAt());
    } else if (exception != null && !shouldDecrementRetriesFor(exception)) {
      decision = policy.afterConflict(job.getRetries(), firstFailure, now);
    } else {
      decision = policy.afterFailure(job.getRetries(), firstFailure, now);
    }
    logException(job);
    job.setDuedate(Date.from(decision.nextAttempt()));
    job.unlock();
    // retries 0 makes the engine raise the failed-job incident
    job.setRetries(decision.retries());
    if (decision.retries() == 0) {
      // an incident waits for an administrator; the reminders after this one must not
      scheduler.scheduleNextPastIncident(job, commandContext).ifPresent(next -> LOG.info(
          "Reminder job {} is an incident; the next reminder ({} {}) is scheduled for {}", job.getId(), next.kind(),
          next.days(), next.at()));
    }
    notifyAcquisition(commandContext);
    LOG.debug("Reminder job {} failed ({}): {} retries left, next attempt {}", job.getId(),
        exception == null ? null : exception.getMessage(), decision.retries(), decision.nextAttempt());
    return null;
  }

  private static ReminderInProgressException inProgress(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReminderInProgressException found) {
        return found;
      }
    }
    return null;
  }
}
