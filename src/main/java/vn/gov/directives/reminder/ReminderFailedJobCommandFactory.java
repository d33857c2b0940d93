package vn.gov.directives.reminder;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/** The engine's failed-job command: reminder jobs by {@link ReminderRetryPolicy}, the rest as Camunda does. */
public class ReminderFailedJobCommandFactory implements FailedJobCommandFactory {

  private final ReminderRetryPolicy policy;

  public ReminderFailedJobCommandFactory(ReminderRetryPolicy policy) {
    this.policy = policy;
  }

  @Override
  public Command<Object> getCommand(String jobId, Throwable exception) {
    return new ReminderJobRetryCmd(jobId, exception, policy);
  }
}
