package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Bean {@code extensions}: checks an extension request and a grant when their tasks complete (the task stays open
 * with the problems listed), and applies a granted deadline to the process.
 */
@Component("extensions")
public class Extensions {

  public static final String WORK_OUTCOME = "workOutcome";
  public static final String REASONS = "extensionReasons";
  public static final String PROPOSED_DEADLINE = "proposedDeadline";
  public static final String NEW_DEADLINE = AssignmentStatusPublisher.NEW_DEADLINE;

  private final AssignmentStatusPublisher status;

  public Extensions(AssignmentStatusPublisher status) {
    this.status = status;
  }

  /** {@code complete} listener of the work task: only when the specialist chose "extension". */
  public void checkRequest(DelegateTask task) {
    if (!"extension".equals(task.getVariable(WORK_OUTCOME))) {
      return;
    }
    refuseIfAny(ExtensionRules.requestProblems(task.getVariable(REASONS), task.getVariable(PROPOSED_DEADLINE),
        AssignmentDates.deadline(task.getVariable(AssignmentDates.ASSIGNMENT_DEADLINE)), VietnamTime.today()));
  }

  /** {@code complete} listener of the extension review: only when the office grants. */
  public void checkGrant(DelegateTask task) {
    if (!"grant".equals(task.getVariable("extensionDecision"))) {
      return;
    }
    refuseIfAny(ExtensionRules.grantProblems(task.getVariable(NEW_DEADLINE), VietnamTime.today()));
  }

  /**
   * Service task after a grant: the new date becomes the assignment deadline and the cap of every later due date
   * ({@code planDeadline}), the grant is recorded, and EXTENSION_GRANTED is published.
   */
  public void applyGrant(DelegateExecution execution) {
    LocalDate granted = AssignmentDates.deadline(execution.getVariable(NEW_DEADLINE));
    if (granted == null) {
      throw new IllegalStateException("Thiếu thời hạn mới (biến " + NEW_DEADLINE + ") khi chấp thuận gia hạn.");
    }
    LocalDate previous = AssignmentDates.deadline(execution.getVariable(AssignmentDates.ASSIGNMENT_DEADLINE));
    execution.setVariable(AssignmentDates.ASSIGNMENT_DEADLINE, granted.toString());
    execution.setVariable(AssignmentDates.PLAN_DEADLINE, granted.toString());
    execution.setVariable(AssignmentContext.DEADLINE_TEXT, AssignmentDates.text(granted));
    Object count = execution.getVariable("extensionCount");
    execution.setVariable("extensionCount", (count instanceof Number n ? n.intValue() : 0) + 1);
    Object history = execution.getVariable("extensionHistory");
    String line = "Ngày " + VietnamTime.shortDate(VietnamTime.today()) + ": gia hạn từ " + AssignmentDates.text(previous)
        + " đến " + VietnamTime.shortDate(granted) + ".";
    execution.setVariable("extensionHistory", history == null || history.toString().isBlank() ? line
        : history + "\n" + line);
    status.publish(execution, AssignmentStatus.EXTENSION_GRANTED.name());
  }

  private static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
  }
}
