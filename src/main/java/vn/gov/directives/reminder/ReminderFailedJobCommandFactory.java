package vn.gov.directives.reminder;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/** The engine's failed-job command: reminder jobs by {@link ReminderRetryPolicy}, the rest as Camunda does. */
public class ReminderFailedJobCommandFactory implements FailedJobCommandFactory {

  private final ReminderRetryPolicy policy;
  private final ReminderJobScheduler scheduler;

  public ReminderFailedJobCommandFactory(ReminderRetryPolicy policy, ReminderJobScheduler scheduler) {
    this.policy = policy;
    this.scheduler = scheduler;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new ReminderJobRetryCmd(jobId, exception, policy, scheduler);
  }
}
