package vn.gov.directives.reminder;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A user task's declaration, in the model, that it is reminded periodically while its process has no deadline:
 *
 * <pre>{@code
 * <camunda:properties>
 *   <camunda:property name="noDeadlineReminderWhileEmpty" value="assignmentDeadline" />
 * </camunda:properties>
 * }</pre>
 *
 * <p>The value names the process variable that holds the deadline. While it is empty (absent, null or blank), the
 * open task is reminded on the N-th, 2N-th … working day after the day it was created
 * ({@code app.assignments.no-deadline-reminder-days}, {@link ReminderKind#NO_DEADLINE_REMINDER}); once the variable
 * holds a deadline, the task's due-date reminders are the only ones. Read at parse time by
 * {@link ReminderParseListener} and kept on the activity, so a task costs nothing when it does not declare it.
 */
public final class NoDeadlineReminderDeclaration {

  /** The extension property's name. */
  public static final String PROPERTY = "noDeadlineReminderWhileEmpty";

  /** Where the parsed variable name is kept on the activity. */
  static final String ACTIVITY_PROPERTY = "vn.gov.directives.reminder.noDeadlineVariable";

  private NoDeadlineReminderDeclaration() {}

  /** Keeps the declared variable name on the activity; a declaration without a variable fails the deployment. */
  static void parse(Element userTaskElement, ActivityImpl activity) {
    Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(userTaskElement);
    if (properties == null || !properties.containsKey(PROPERTY)) {
      return;
    }
    String variable = properties.get(PROPERTY);
    if (variable == null || variable.isBlank()) {
      throw new ProcessEngineException("Công việc " + activity.getId() + ": thuộc tính " + PROPERTY
          + " phải là tên biến chứa thời hạn của nhiệm vụ, ví dụ assignmentDeadline (the property must name the"
          + " process variable holding the deadline).");
    }
    activity.setProperty(ACTIVITY_PROPERTY, variable.trim());
  }

  /** The deadline variable the task's user task declares, if it declares the periodic reminder. */
  static Optional<String> deadlineVariable(TaskEntity task) {
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    if (definition == null || task.getTaskDefinitionKey() == null) {
      return Optional.empty();
    }
    ActivityImpl activity = definition.findActivity(task.getTaskDefinitionKey());
    return activity != null && activity.getProperty(ACTIVITY_PROPERTY) instanceof String variable
        ? Optional.of(variable) : Optional.empty();
  }

  /** True when the task declares the periodic reminder and its process still has no deadline. */
  static boolean applies(TaskEntity task) {
    Optional<String> variable = deadlineVariable(task);
    ExecutionEntity execution = task.getExecution();
    if (variable.isEmpty() || execution == null) {
      return false;
    }
    Object deadline = execution.getVariable(variable.get());
    return deadline == null || deadline.toString().isBlank();
  }
}
