package vn.gov.directives.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Due dates for BPMN, exposed as the bean {@code dueDates}: {@code camunda:dueDate="${dueDates.forStep('drafting',
 * execution)}"}. Thin: the arithmetic is in {@link WorkingDayDeadlines}.
 */
public class DueDateService {

  /** Process variable holding the plan's deadline: a yyyy-MM-dd String or a java.util.Date. */
  public static final String PLAN_DEADLINE_VARIABLE = "planDeadline";

  private final WorkingDayDeadlines deadlines;
  private final Map<String, Integer> dueDaysByStep;

  /**
   * @param dueDaysByStep working days per step, from {@code app.due-days} (survey, drafting, director, office-review,
   *     leader-decision); every value must be at least 1
   */
  public DueDateService(WorkingDayDeadlines deadlines, Map<String, Integer> dueDaysByStep) {
    this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    TreeMap<String, Integer> steps = new TreeMap<>();
    dueDaysByStep.forEach((step, days) -> {
      if (days == null || days < 1) {
        throw new IllegalArgumentException("Thời hạn app.due-days." + step + " = " + days
            + " không hợp lệ: phải là số ngày làm việc từ 1 trở lên.");
      }
      steps.put(step, days);
    });
    this.dueDaysByStep = Collections.unmodifiableMap(steps);
  }

  /**
   * End of the N-th working day after today (Vietnam date, engine clock), N = {@code app.due-days.<step>}; capped by
   * the variable {@code planDeadline} while that deadline is today or later.
   *
   * @param scope the execution or task; may be null (no cap)
   */
  public Date forStep(String step, VariableScope scope) {
    int workingDays = dueDays(step);
    LocalDate planDeadline = scope == null ? null : planDeadline(scope.getVariable(PLAN_DEADLINE_VARIABLE));
    return deadlines.dueDate(VietnamTime.today(), workingDays, planDeadline);
  }

  /** Working days configured for the step; unknown step: IllegalArgumentException naming the known ones. */
  public int dueDays(String step) {
    Integer days = dueDaysByStep.get(step);
    if (days == null) {
      throw new IllegalArgumentException("Bước xử lý '" + step + "' chưa có thời hạn trong cấu hình app.due-days; "
          + "các bước đã cấu hình: " + String.join(", ", dueDaysByStep.keySet()) + ".");
    }
    return days;
  }

  /** Configured working days by step name. */
  public Map<String, Integer> dueDaysByStep() {
    return dueDaysByStep;
  }

  /** End of the deadline day, moved to the next working day when it is a day off (app.calendar.off-day-deadline). */
  public Date deadlineEnd(LocalDate deadline) {
    return deadlines.deadlineEnd(deadline);
  }

  /** {@link #deadlineEnd(LocalDate)} of a yyyy-MM-dd text, for BPMN expressions. */
  public Date dateEnd(String isoDate) {
    return deadlines.deadlineEnd(WorkingDayDeadlines.parseIsoDate(isoDate));
  }

  /** The day at app.calendar.reminder-time (default 07:30), Vietnam time. */
  public Date reminderInstant(LocalDate day) {
    return deadlines.reminderInstant(day);
  }

  public WorkingDayDeadlines deadlines() {
    return deadlines;
  }

  private static LocalDate planDeadline(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      if (text.isBlank()) {
        return null;
      }
      try {
        return WorkingDayDeadlines.parseIsoDate(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Hạn của kế hoạch (biến " + PLAN_DEADLINE_VARIABLE + "): " + e.getMessage(), e);
      }
    }
    if (value instanceof Date date) {
      return VietnamTime.toLocalDate(date);
    }
    if (value instanceof LocalDate date) {
      return date;
    }
    throw new IllegalArgumentException("Biến " + PLAN_DEADLINE_VARIABLE + " phải là ngày (yyyy-MM-dd hoặc Date), "
        + "không phải " + value.getClass().getName() + ".");
  }
}
