package vn.gov.directives.reminder;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Gives every BPMN user task the reminder listener, so diagrams need nothing for due-date reminders, and reads a
 * task's declaration of the periodic reminder of work without deadline ({@link NoDeadlineReminderDeclaration}).
 */
public class ReminderParseListener extends AbstractBpmnParseListener {

  private final TaskListener listener;

  public ReminderParseListener(TaskListener listener) {
    this.listener = listener;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    NoDeadlineReminderDeclaration.parse(userTaskElement, activity);
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
      // built-in: also runs when an instance is modified or deleted with skipCustomListeners
      for (String event : new String[] {
          TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
          TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE}) {
        behavior.getTaskDefinition().addBuiltInTaskListener(event, listener);
      }
    }
  }
}
