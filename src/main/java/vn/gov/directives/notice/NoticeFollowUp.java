package vn.gov.directives.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Bean {@code noticeFollowUp} of the process notice-follow-up: prepares the list of tracking rows, tells each call
 * activity which process to run and what to pass it, and closes the notice at the end.
 */
@Component("noticeFollowUp")
public class NoticeFollowUp {

  public static final String NOTICE_ID = "noticeId";
  public static final String ASSIGNMENT_LEADS = "assignmentLeads";
  public static final String ASSIGNMENT_LEAD_ID = "assignmentLeadId";
  public static final String PLAN_PROCESS = "plan-approval";
  public static final String GENERIC_PROCESS = "assignment-generic";
  public static final String PROPOSAL_PROCESS = "assignment-proposal";
  public static final String HANDOVER_PROCESS = "assignment-handover";
  public static final String REGULATION_PROCESS = "assignment-regulation";
  public static final String RANKING_PROCESS = "it-ranking";

  private final NoticeRepository repository;

  public NoticeFollowUp(NoticeRepository repository) {
    this.repository = repository;
  }

  /** "Khởi tạo theo dõi nhiệm vụ": the tracking row ids, in the notice's order, for the multi-instance call. */
  public void initialize(DelegateExecution execution) {
    String noticeId = (String) execution.getVariable(NOTICE_ID);
    NoticeRecord notice = repository.find(noticeId).orElseThrow(() ->
        new IllegalStateException("Không tìm thấy thông báo " + noticeId + " để theo dõi."));
    List<TrackedLead> leads = repository.leads(noticeId);
    if (leads.isEmpty()) {
      throw new IllegalStateException("Thông báo " + notice.number() + " không có nhiệm vụ nào để theo dõi.");
    }
    execution.setVariable(ASSIGNMENT_LEADS, new ArrayList<>(leads.stream().map(TrackedLead::id).toList()));
    execution.setVariable("noticeNumber", notice.number());
    execution.setVariable("noticeTitle", notice.title());
    execution.setVariable("noticeDate", notice.issuedOn().toString());
  }

  /** "Kết thúc theo dõi": every called process has ended. */
  public void close(DelegateExecution execution) {
    repository.close((String) execution.getVariable(NOTICE_ID), VietnamTime.now());
  }

  /**
   * Process key for a tracking row: plan → plan-approval, proposal → assignment-proposal, handover →
   * assignment-handover, regulation and directive → assignment-regulation, ranking → it-ranking (its year derived
   * from noticeDate and assignmentDeadline), every other kind → assignment-generic (for now).
   */
  public String processKey(String assignmentLeadId) {
    return processKey(lead(assignmentLeadId).kind());
  }

  public static String processKey(AssignmentKind kind) {
    return switch (kind) {
      case PLAN -> PLAN_PROCESS;
      case PROPOSAL -> PROPOSAL_PROCESS;
      case HANDOVER -> HANDOVER_PROCESS;
      case REGULATION, DIRECTIVE -> REGULATION_PROCESS;
      case RANKING -> RANKING_PROCESS;
      default -> GENERIC_PROCESS;
    };
  }

  /** One start variable of the called process, for {@code camunda:in sourceExpression}; null when absent. */
  public Object value(String assignmentLeadId, String name) {
    return variables(lead(assignmentLeadId)).get(name);
  }

  /** Every start variable of the process called for a tracking row (contract of issue 3). */
  public static Map<String, Object> variables(TrackedLead lead) {
    Map<String, Object> values = new HashMap<>();
    values.put(ASSIGNMENT_LEAD_ID, lead.id());
    values.put(NOTICE_ID, lead.noticeId());
    values.put("noticeNumber", lead.noticeNumber());
    values.put("noticeDate", lead.noticeDate().toString());
    values.put("assignmentCode", lead.assignmentCode());
    values.put("assignmentKind", lead.kind().code());
    values.put("assignmentTitle", lead.assignmentTitle());
    values.put("leadAgency", lead.leadCode());
    values.put("partners", new ArrayList<>(lead.partners()));
    values.put("urgent", lead.urgent());
    String deadline = lead.dueOn() == null ? null : lead.dueOn().toString();
    values.put("assignmentDeadline", deadline);
    values.put("planDeadline", deadline);
    values.put("taskSuffix", " — TB " + lead.noticeNumber() + ", mục " + lead.assignmentCode());
    if (lead.kind() == AssignmentKind.PLAN) {
      values.put("planTitle", lead.assignmentTitle());
      values.put("planYear", (lead.dueOn() != null ? lead.dueOn() : lead.noticeDate()).getYear());
      values.put("legalBases", "Thông báo số " + lead.noticeNumber() + " ngày "
          + VietnamTime.shortDate(lead.noticeDate()) + " của UBND tỉnh");
      values.put("surveyScope", "all");
    }
    return values;
  }

  private TrackedLead lead(String assignmentLeadId) {
    return repository.lead(assignmentLeadId).orElseThrow(() ->
        new IllegalStateException("Không tìm thấy dòng theo dõi nhiệm vụ " + assignmentLeadId + "."));
  }
}
