package vn.gov.directives.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.security.SystemAccess;

/**
 * Văn phòng UBND sets (or moves) the deadline of an assignment after registration, e.g. one the notice gave no date.
 * The tracking rows, the running processes' deadline variables and the open tasks' due dates follow; the reminder
 * capability reschedules a task's reminders when its due date changes.
 */
@Service
public class NoticeDeadlines {

  /** The work task of assignment-generic is due on the assignment's deadline; other steps keep theirs, capped. */
  static final String WORK_TASK = "Task_DoAssignment";
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
      .withResolverStyle(ResolverStyle.STRICT);

  private final NoticeRepository repository;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final DueDateService dueDates;
  private final IdentityService identity;

  public NoticeDeadlines(NoticeRepository repository, RuntimeService runtimeService, TaskService taskService,
      DueDateService dueDates, IdentityService identity) {
    this.identity = identity;
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.dueDates = dueDates;
  }

  /**
   * @return the leads whose deadline was set
   * @throws InvalidNoticeException when the date is malformed, before the notice date, or the assignment is unknown
   */
  @Transactional
  public List<TrackedLead> setDeadline(NoticeRecord notice, String assignmentCode, String rawDeadline) {
    // the controller has checked that the caller belongs to the review office
    return SystemAccess.call(identity, () -> apply(notice, assignmentCode, rawDeadline));
  }

  private List<TrackedLead> apply(NoticeRecord notice, String assignmentCode, String rawDeadline) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate deadline = null;
    try {
      deadline = LocalDate.parse(rawDeadline == null ? "" : rawDeadline.strip(), ISO);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("deadline", "Hạn không hợp lệ: '" + rawDeadline
          + "' (định dạng yyyy-MM-dd, ngày phải có thật)."));
    }
    List<TrackedLead> leads = repository.leads(notice.id()).stream()
        .filter(lead -> lead.assignmentCode().equals(assignmentCode)).toList();
    if (leads.isEmpty()) {
      errors.add(new FieldError("code", "Thông báo " + notice.number() + " không có nhiệm vụ mục " + assignmentCode + "."));
    }
    if (deadline != null && !leads.isEmpty() && deadline.isBefore(leads.get(0).noticeDate())) {
      errors.add(new FieldError("deadline", "Hạn (" + deadline + ") không được trước ngày thông báo ("
          + leads.get(0).noticeDate() + ")."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidNoticeException(errors);
    }
    Date dueAt = dueDates.deadlineEnd(deadline);
    List<TrackedLead> changed = new ArrayList<>();
    for (TrackedLead lead : leads) {
      if (lead.ended()) {
        continue;
      }
      repository.extendLead(lead.id(), deadline, dueAt.toInstant(), VietnamTime.now());
      moveRunningProcess(lead, deadline, dueAt);
      changed.add(lead);
    }
    return changed;
  }

  /**
   * One lead's running assignment process follows a granted extension: its deadline variables and the due dates of
   * its open tasks (and of the processes it called). The tracking row is left to the caller, which publishes
   * EXTENSION_GRANTED for {@link AssignmentTracking} to record.
   */
  @Transactional
  public void moveProcess(TrackedLead lead, LocalDate deadline) {
    Date dueAt = dueDates.deadlineEnd(deadline);
    SystemAccess.call(identity, () -> {
      moveRunningProcess(lead, deadline, dueAt);
      return null;
    });
  }

  private void moveRunningProcess(TrackedLead lead, LocalDate deadline, Date dueAt) {
    Date previousDueAt = lead.dueAt() == null ? null : Date.from(lead.dueAt());
    String processInstanceId = processInstanceOf(lead);
    if (processInstanceId != null && isRunning(processInstanceId)) {
      runtimeService.setVariables(processInstanceId, Map.of(
          "assignmentDeadline", deadline.toString(),
          "planDeadline", deadline.toString(),
          "assignmentDeadlineText", VietnamTime.shortDate(deadline)));
      moveDueDates(processInstanceId, dueAt, previousDueAt);
    }
  }

  /**
   * The lead's assignment process. A notice registered from Tasklist is registered inside the registration's engine
   * command, where the called instances are not yet queryable, so its rows may lack the id: it is found here by the
   * follow-up process and the row's id, and written back.
   */
  private String processInstanceOf(TrackedLead lead) {
    if (lead.processInstanceId() != null) {
      return lead.processInstanceId();
    }
    String followUp = repository.find(lead.noticeId()).map(NoticeRecord::processInstanceId).orElse(null);
    if (followUp == null) {
      return null;
    }
    String found = runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp)
        .variableValueEquals(NoticeFollowUp.ASSIGNMENT_LEAD_ID, lead.id()).list().stream()
        .map(ProcessInstance::getId).findFirst().orElse(null);
    if (found != null) {
      repository.setLeadProcessInstance(lead.id(), found);
    }
    return found;
  }

  private boolean isRunning(String processInstanceId) {
    return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
  }

  /**
   * Open tasks of the process and of the processes it called. A task due after the new deadline is capped; one that
   * was capped at the previous deadline (due at or after its end) follows it to the new one.
   */
  private void moveDueDates(String processInstanceId, Date dueAt, Date previousDueAt) {
    for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
      if (WORK_TASK.equals(task.getTaskDefinitionKey()) || task.getDueDate() == null || task.getDueDate().after(dueAt)
          || previousDueAt != null && !task.getDueDate().before(previousDueAt)) {
        task.setDueDate(dueAt);
        taskService.saveTask(task);
      }
    }
    for (ProcessInstance called : runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
        .list()) {
      moveDueDates(called.getId(), dueAt, previousDueAt);
    }
  }
}
