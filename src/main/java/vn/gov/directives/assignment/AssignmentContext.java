package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;
import vn.gov.directives.document.DocumentException;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;

/**
 * Bean {@code assignmentContext}, start listener of an assignment process: checks the variables the follow-up
 * process passes (refusing the start, with every problem listed, when one is missing or wrong) and prepares what the
 * forms show (deadline text, lead agency name, document links, task suffix).
 */
@Component("assignmentContext")
public class AssignmentContext implements ExecutionListener {

  public static final String DEADLINE_TEXT = "assignmentDeadlineText";
  static final String RESULT_SUMMARY = "resultSummary";

  private final OrganizationDirectory organization;
  private final DocumentLinks links;
  private final DueDateService dueDates;
  private final IdentityService identity;

  public AssignmentContext(OrganizationDirectory organization, DocumentLinks links, DueDateService dueDates,
      IdentityService identity) {
    this.identity = identity;
    this.organization = organization;
    this.links = links;
    this.dueDates = dueDates;
  }

  /**
   * Due date of the work task: the end of the assignment deadline (moved off a day off, as the calendar policy
   * says) when there is one, else {@code app.due-days.assignment-work} working days from today.
   */
  public java.util.Date workDue(DelegateExecution execution) {
    LocalDate deadline = AssignmentDates.deadline(execution.getVariable(AssignmentDates.ASSIGNMENT_DEADLINE));
    return deadline != null ? dueDates.deadlineEnd(deadline) : dueDates.forStep("assignment-work", execution);
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> problems = new ArrayList<>();
    for (String name : List.of("noticeNumber", "assignmentCode", "assignmentTitle", "leadAgency")) {
      Object value = execution.getVariable(name);
      if (value == null || value.toString().isBlank()) {
        problems.add("Thiếu biến " + name + ".");
      }
    }
    Object lead = execution.getVariable("leadAgency");
    if (lead != null && !lead.toString().isBlank() && !organization.exists(lead.toString())) {
      problems.add("Cơ quan chủ trì '" + lead + "' không có trong danh sách cơ quan.");
    }
    LocalDate deadline = null;
    try {
      deadline = AssignmentDates.deadline(execution.getVariable(AssignmentDates.ASSIGNMENT_DEADLINE));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    Object noticeDate = execution.getVariable("noticeDate");
    if (noticeDate != null && !noticeDate.toString().isBlank()) {
      try {
        execution.setVariable("noticeDateText", VietnamTime.shortDate(WorkingDayDeadlines.parseIsoDate(noticeDate.toString())));
      } catch (IllegalArgumentException e) {
        problems.add("Ngày thông báo (biến noticeDate): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Không thể bắt đầu theo dõi nhiệm vụ: " + String.join(" ", problems));
    }
    // the due-date cap follows the assignment deadline; a process started without planDeadline gets it here
    if (execution.getVariable(AssignmentDates.PLAN_DEADLINE) == null && deadline != null) {
      execution.setVariable(AssignmentDates.PLAN_DEADLINE, deadline.toString());
    }
    execution.setVariable(DEADLINE_TEXT, AssignmentDates.text(deadline));
    execution.setVariable("leadAgencyName", organization.agency(lead.toString()).name());
    if (execution.getVariable(TaskNames.TASK_SUFFIX) == null) {
      execution.setVariable(TaskNames.TASK_SUFFIX, suffix(execution.getVariable("noticeNumber").toString(),
          execution.getVariable("assignmentCode").toString()));
    }
    links.refreshAtStart(execution);
  }

  /**
   * {@code complete} listener of "Thực hiện nhiệm vụ và báo cáo kết quả": the report needs its result (a REST caller
   * skips the form's own check), and who reported is recorded. The task stays open when the result is missing.
   */
  public void checkReport(DelegateTask task) {
    Object result = task.getVariable(RESULT_SUMMARY);
    if (result == null || result.toString().isBlank()) {
      throw new BadUserRequestException("'Kết quả thực hiện nhiệm vụ' là bắt buộc khi báo cáo kết quả. Cần thêm thời "
          + "gian thì gửi Đề nghị gia hạn nhiệm vụ (Khởi tạo quy trình).");
    }
    // the accepted report is issued in Văn phòng's click: text its font cannot print is refused here, to its author
    printable("Kết quả thực hiện nhiệm vụ", result);
    printable("Kiến nghị, đề xuất", task.getVariable("resultProposals"));
    Authentication authentication = identity.getCurrentAuthentication();
    task.setVariable("specialistUserId", authentication != null ? authentication.getUserId() : task.getAssignee());
  }

  private static void printable(String label, Object text) {
    if (text == null) {
      return;
    }
    try {
      DocumentService.checkPrintable(text.toString());
    } catch (DocumentException e) {
      throw new BadUserRequestException("'" + label + "': " + e.getMessage());
    }
  }

  /** " — TB 295/TB-UBND, mục 3", as the follow-up process writes it. */
  static String suffix(String noticeNumber, String assignmentCode) {
    return " — TB " + noticeNumber + ", mục " + assignmentCode;
  }
}
