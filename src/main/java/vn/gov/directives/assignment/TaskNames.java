package vn.gov.directives.assignment;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Bean {@code taskNames}, a {@code create} task listener: appends the process variable {@code taskSuffix}
 * (e.g. " — TB 295/TB-UBND, mục 3") to the task name so that Tasklist says which notice and assignment a task serves.
 * BPMN names are static; this is the only way to put the notice into them.
 */
@Component("taskNames")
public class TaskNames implements TaskListener {

  public static final String TASK_SUFFIX = "taskSuffix";

  @Override
  public void notify(DelegateTask task) {
    task.setName(withSuffix(task.getName(), task.getVariable(TASK_SUFFIX)));
  }

  /** The name with the suffix appended once; unchanged when the suffix is absent, blank or already there. */
  static String withSuffix(String name, Object suffix) {
    String base = name == null ? "" : name;
    if (suffix == null || suffix.toString().isBlank() || base.endsWith(suffix.toString())) {
      return base;
    }
    return base + suffix;
  }
}
