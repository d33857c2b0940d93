package vn.gov.directives.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Bean {@code deadlineReminders}: schedules reminders before the plan's deadline (process variable
 * {@code planDeadline}, {@code yyyy-MM-dd}; the day ends at 24:00 Vietnam time) for the specialists of the agency in
 * variable {@code leadAgency}. In BPMN, on the start event:
 * {@code <camunda:executionListener event="end" delegateExpression="${deadlineReminders}" />}.
 */
public class DeadlineReminders implements ExecutionListener {

  public static final String PLAN_DEADLINE = "planDeadline";
  public static final String LEAD_AGENCY = "leadAgency";

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminders.class);

  private final ReminderJobScheduler scheduler;

  public DeadlineReminders(ReminderJobScheduler scheduler) {
    this.scheduler = scheduler;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object value = execution.getVariable(PLAN_DEADLINE);
    if (value == null) {
      LOG.info("Process instance {} has no {}: no deadline reminders", execution.getProcessInstanceId(),
          PLAN_DEADLINE);
      return;
    }
    scheduler.scheduleDeadline((ExecutionEntity) execution.getProcessInstance(), planDeadline(value));
  }

  /** The end of the deadline day, Vietnam time, from a {@code yyyy-MM-dd} text, a LocalDate or a Date. */
  public static Instant planDeadline(Object value) {
    LocalDate day;
    if (value instanceof LocalDate date) {
      day = date;
    } else if (value instanceof Date date) {
      day = VietnamTime.toLocalDate(date);
    } else if (value instanceof String text) {
      try {
        day = LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("Hạn kế hoạch (planDeadline) phải có dạng yyyy-MM-dd, ví dụ 2019-01-25;"
            + " nhận được: \"" + text + "\"", e);
      }
    } else {
      throw new IllegalArgumentException("Hạn kế hoạch (planDeadline) phải là ngày dạng yyyy-MM-dd; nhận được "
          + value.getClass().getSimpleName());
    }
    return VietnamTime.endOfDay(day).toInstant();
  }
}
