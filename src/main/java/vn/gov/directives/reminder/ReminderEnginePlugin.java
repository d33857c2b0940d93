package vn.gov.directives.reminder;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Registers the "deadline-reminder" job handler and the listener that gives every user task its reminders. */
public class ReminderEnginePlugin extends AbstractProcessEnginePlugin {

  private final DeadlineReminderJobHandler jobHandler;
  private final ReminderJobScheduler scheduler;

  public ReminderEnginePlugin(DeadlineReminderJobHandler jobHandler, ReminderJobScheduler scheduler) {
    this.jobHandler = jobHandler;
    this.scheduler = scheduler;
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
  }
}
