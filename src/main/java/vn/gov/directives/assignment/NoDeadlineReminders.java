package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.notification.MailNotifier;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code noDeadlineReminders}: the periodic reminder of an assignment the notice gave no date. The work task's
 * non-interrupting timer ticks daily ({@link #cycle}); on a reminder day ({@link #due}) the lead's specialists and
 * leaders are written to through {@link MailNotifier} and the reminder is recorded in the process variables
 * {@code noDeadlineReminderCount} and {@code lastNoDeadlineReminderOn}. The deadline reminders of the reminder
 * package do not apply here: they are computed from a due date, and these reminders have none to count from.
 */
@Component("noDeadlineReminders")
public class NoDeadlineReminders implements JavaDelegate {

  static final String WORK_TASK = "Task_DoAssignment";

  private final NoDeadlineReminderRule rule;
  private final TaskService taskService;
  private final MailNotifier mail;
  private final OrganizationDirectory organization;

  public NoDeadlineReminders(DueDateService dueDates, TaskService taskService, MailNotifier mail,
      OrganizationDirectory organization, @Value("${app.assignments.no-deadline-reminder-days:5}") int everyWorkingDays) {
    this.rule = new NoDeadlineReminderRule(dueDates.deadlines(), everyWorkingDays);
    this.taskService = taskService;
    this.mail = mail;
    this.organization = organization;
  }

  /** Timer cycle expression: daily at the reminder time (07:30 Vietnam time by default). */
  public String cycle(DelegateExecution execution) {
    return rule.dailyCycle(VietnamTime.now());
  }

  /** True when the assignment still has no deadline and today is a reminder day for the open work task. */
  public boolean due(DelegateExecution execution) {
    if (AssignmentDates.deadline(execution.getVariable(AssignmentDates.ASSIGNMENT_DEADLINE)) != null) {
      return false;
    }
    Task work = workTask(execution);
    return work != null && rule.isReminderDay(VietnamTime.toLocalDate(work.getCreateTime()), VietnamTime.today());
  }

  @Override
  public void execute(DelegateExecution execution) {
    String lead = (String) execution.getVariable("leadAgency");
    Task work = workTask(execution);
    LocalDate started = work == null ? VietnamTime.today() : VietnamTime.toLocalDate(work.getCreateTime());
    boolean urgent = Boolean.TRUE.equals(execution.getVariable("urgent"));
    String name = work == null ? "Thực hiện nhiệm vụ" : work.getName();
    String subject = (urgent ? "[KHẨN] " : "") + "Nhắc thực hiện nhiệm vụ chưa có thời hạn: " + name;
    String body = "Kính gửi " + organization.agency(lead).name() + ",\n\n"
        + "Nhiệm vụ \"" + execution.getVariable("assignmentTitle") + "\" (mục " + execution.getVariable("assignmentCode")
        + " Thông báo số " + execution.getVariable("noticeNumber") + ") không có thời hạn"
        + (urgent ? " nhưng được giao thực hiện khẩn" : "") + "; đơn vị nhận nhiệm vụ từ ngày "
        + VietnamTime.shortDate(started) + " và chưa báo cáo kết quả.\n"
        + "Đề nghị đơn vị khẩn trương thực hiện và báo cáo kết quả về Văn phòng UBND tỉnh. Thư nhắc này được gửi "
        + rule.everyWorkingDays() + " ngày làm việc một lần cho đến khi nhiệm vụ hoàn thành.\n";
    mail.notifyGroups(List.of(organization.specialists(lead), organization.leaders(lead)), subject, body);
    Object count = execution.getVariable("noDeadlineReminderCount");
    execution.setVariable("noDeadlineReminderCount", (count instanceof Number n ? n.intValue() : 0) + 1);
    execution.setVariable("lastNoDeadlineReminderOn", VietnamTime.today().toString());
  }

  private Task workTask(DelegateExecution execution) {
    return taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(WORK_TASK).active().singleResult();
  }
}
