package vn.gov.directives.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Registers the "deadline-reminder" job handler, the listener that gives every user task its reminders, and the
 * failed-job command that retries reminders by {@link ReminderRetryPolicy}.
 */
public class ReminderEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeadlineReminderJobHandler jobHandler;
  private final ReminderJobScheduler scheduler;
  private final ReminderRetryPolicy retryPolicy;

  public ReminderEnginePlugin(DeadlineReminderJobHandler jobHandler, ReminderJobScheduler scheduler,
      ReminderRetryPolicy retryPolicy) {
    this.jobHandler = jobHandler;
    this.scheduler = scheduler;
    this.retryPolicy = retryPolicy;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomJobHandlers() == null) {
      configuration.setCustomJobHandlers(new ArrayList<>());
    }
    configuration.getCustomJobHandlers().add(jobHandler);
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(
        new ReminderParseListener(new ReminderTaskListener(scheduler)));
    // Camunda applies its retry time cycle only to timers and async continuations, not to custom job types
    configuration.setFailedJobCommandFactory(new ReminderFailedJobCommandFactory(retryPolicy, scheduler));
  }
}
