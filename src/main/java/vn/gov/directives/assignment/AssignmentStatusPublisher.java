package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;

/**
 * Bean {@code assignmentStatus}: {@code ${assignmentStatus.publish(execution, 'COMPLETED')}} from an execution
 * listener or expression. The event is published synchronously, inside the engine transaction, so a listener that
 * fails rolls the process step back with it.
 */
@Component("assignmentStatus")
public class AssignmentStatusPublisher {

  public static final String ASSIGNMENT_LEAD_ID = "assignmentLeadId";
  public static final String NEW_DEADLINE = "newDeadline";

  private final ApplicationEventPublisher events;

  public AssignmentStatusPublisher(ApplicationEventPublisher events) {
    this.events = events;
  }

  /**
   * Publishes the status of the execution's {@code assignmentLeadId}; does nothing when the process was started
   * without one (a stand-alone run). For EXTENSION_GRANTED the variable {@code newDeadline} (yyyy-MM-dd) is required.
   */
  public void publish(DelegateExecution execution, String status) {
    AssignmentStatus parsed = parse(status);
    Object leadId = execution.getVariable(ASSIGNMENT_LEAD_ID);
    if (leadId == null || leadId.toString().isBlank()) {
      return;
    }
    LocalDate newDeadline = null;
    if (parsed == AssignmentStatus.EXTENSION_GRANTED) {
      Object value = execution.getVariable(NEW_DEADLINE);
      if (value == null) {
        throw new IllegalStateException("Thiếu hạn mới (biến " + NEW_DEADLINE + ") khi chấp thuận gia hạn.");
      }
      newDeadline = value instanceof java.util.Date date ? VietnamTime.toLocalDate(date)
          : value instanceof LocalDate date ? date : WorkingDayDeadlines.parseIsoDate(value.toString());
    }
    events.publishEvent(new AssignmentStatusChanged(leadId.toString(), parsed, VietnamTime.now(), newDeadline,
        execution.getProcessInstanceId()));
  }

  static AssignmentStatus parse(String status) {
    if (status == null || status.isBlank()) {
      throw new IllegalArgumentException("Thiếu trạng thái nhiệm vụ.");
    }
    try {
      return AssignmentStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Trạng thái nhiệm vụ '" + status + "' không tồn tại; dùng một trong: "
          + java.util.Arrays.toString(AssignmentStatus.values()) + ".", e);
    }
  }
}
