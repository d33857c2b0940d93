package vn.gov.directives.reminder;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** Attached to every user task by {@link ReminderParseListener}: keeps the task's reminder jobs in line. */
public class ReminderTaskListener implements TaskListener {

  private final ReminderJobScheduler scheduler;

  public ReminderTaskListener(ReminderJobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void notify(DelegateTask delegateTask) {
    TaskEntity task = (TaskEntity) delegateTask;
    switch (delegateTask.getEventName()) {
      case EVENTNAME_CREATE, EVENTNAME_UPDATE -> scheduler.reconcileWhenCommandEnds(task);
      case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> scheduler.cancel(task);
      default -> {
        // assignment and timeout change nothing: recipients are looked up when the reminder goes out
      }
    }
  }
}
