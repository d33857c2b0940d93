package vn.gov.directives.notice;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.directives.assignment.AssignmentStatus;
import vn.gov.directives.assignment.AssignmentStatusPublisher;
import vn.gov.directives.assignment.TaskNames;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.notification.MailNotifier;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.security.SystemAccess;

/**
 * Bean {@code extensionRequests}, the steps of extension-request ("Đề nghị gia hạn nhiệm vụ"), which works for every
 * kind of assignment: the start listener finds the tracking row the requesting agency leads and marks it
 * extension-requested; the review task's complete listener checks the decision; a grant moves the running assignment
 * process and the tracking row to the new deadline, a refusal clears the request and tells the agency.
 */
@Component("extensionRequests")
public class ExtensionRequests implements ExecutionListener, TaskListener {

  public static final String NOTICE_NUMBER = "noticeNumber";
  public static final String ASSIGNMENT_CODE = "assignmentCode";
  public static final String REASONS = "extensionReasons";
  public static final String PROPOSED_DEADLINE = "proposedDeadline";
  public static final String DECISION = "extensionDecision";
  public static final String GRANTED_DEADLINE = "grantedDeadline";
  public static final String COMMENTS = "extensionComments";
  /** the signer's choice (grant or refuse) when the office forwarded the request */
  public static final String SIGNER_DECISION = "signerDecision";
  public static final String OFFICE_OPINION = "officeOpinion";
  /** who decided, as the lead agency is told: "Văn phòng UBND tỉnh" or the signing leader */
  public static final String DECIDED_BY = "extensionDecidedBy";
  static final String CURRENT_DEADLINE = "currentDeadline";
  static final String NOTICE_SIGNER = "noticeSigner";
  static final String SIGNER_TASK = "Task_SignerDecision";
  static final String OFFICE_NAME = "Văn phòng UBND tỉnh";

  private final NoticeRepository repository;
  private final NoticeDeadlines deadlines;
  private final OrganizationDirectory organization;
  private final IdentityService identity;
  private final AssignmentStatusPublisher status;
  private final MailNotifier mail;
  private final NoticeSigners signers;

  public ExtensionRequests(NoticeRepository repository, NoticeDeadlines deadlines, OrganizationDirectory organization,
      IdentityService identity, AssignmentStatusPublisher status, MailNotifier mail, NoticeSigners signers) {
    this.signers = signers;
    this.repository = repository;
    this.deadlines = deadlines;
    this.organization = organization;
    this.identity = identity;
    this.status = status;
    this.mail = mail;
  }

  /** As the start event's end listener (a delegate, so a refusal reaches Tasklist unwrapped). */
  @Override
  public void notify(DelegateExecution execution) {
    accept(execution);
  }

  /** As the complete listener of the office's review and of the signer's decision. */
  @Override
  public void notify(DelegateTask task) {
    if (SIGNER_TASK.equals(task.getTaskDefinitionKey())) {
      checkSignerDecision(task);
    } else {
      checkDecision(task);
    }
  }

  /**
   * End listener of the start event. A refused request throws, so the request instance is rolled back: nothing is
   * started or marked, and Tasklist shows every problem.
   */
  public void accept(DelegateExecution execution) {
    Set<String> agencies = requesterAgencies();
    Object number = execution.getVariable(NOTICE_NUMBER);
    List<TrackedLead> candidates = number == null || number.toString().isBlank() ? List.of()
        : repository.leadsOfNumber(number.toString().strip());
    ExtensionRequestRules.Outcome outcome = ExtensionRequestRules.check(number,
        execution.getVariable(ASSIGNMENT_CODE), execution.getVariable(REASONS),
        execution.getVariable(PROPOSED_DEADLINE), agencies, candidates, VietnamTime.today());
    if (!outcome.accepted()) {
      throw new BadUserRequestException("Đề nghị gia hạn không được gửi: " + String.join(" ", outcome.problems()));
    }
    TrackedLead lead = outcome.lead();
    String proposed = VietnamTime.shortDate(outcome.proposed());
    execution.setProcessBusinessKey(lead.noticeNumber());
    execution.setVariable(AssignmentStatusPublisher.ASSIGNMENT_LEAD_ID, lead.id());
    execution.setVariable("noticeId", lead.noticeId());
    execution.setVariable(NOTICE_NUMBER, lead.noticeNumber());
    execution.setVariable(ASSIGNMENT_CODE, lead.assignmentCode());
    execution.setVariable("assignmentTitle", lead.assignmentTitle());
    execution.setVariable("leadCode", lead.leadCode());
    execution.setVariable("leadAgencyName", organization.agency(lead.leadCode()).name());
    execution.setVariable(CURRENT_DEADLINE, VietnamTime.shortDate(lead.dueOn()));
    execution.setVariable(NOTICE_SIGNER, repository.find(lead.noticeId()).map(NoticeRecord::signer).orElse(""));
    execution.setVariable(PROPOSED_DEADLINE, proposed);
    // the review form opens with the proposed date, which the office may change
    execution.setVariable(GRANTED_DEADLINE, proposed);
    execution.setVariable(TaskNames.TASK_SUFFIX, " — TB " + lead.noticeNumber() + ", mục " + lead.assignmentCode());
    status.publish(execution, AssignmentStatus.EXTENSION_REQUESTED.name());
  }

  /**
   * {@code complete} listener of "Xem xét đề nghị gia hạn": Văn phòng UBND tỉnh grants, refuses or forwards to the
   * signer; the task stays open with the problems listed.
   */
  public void checkDecision(DelegateTask task) {
    refuseIfAny(ExtensionRequestRules.decisionProblems(task.getVariable(DECISION), true,
        task.getVariable(GRANTED_DEADLINE), task.getVariable(CURRENT_DEADLINE), task.getVariable(COMMENTS),
        task.getVariable(OFFICE_OPINION), VietnamTime.today()));
    task.setVariable(DECIDED_BY, OFFICE_NAME);
  }

  /** {@code complete} listener of "Quyết định gia hạn nhiệm vụ", the signing leader's decision. */
  public void checkSignerDecision(DelegateTask task) {
    refuseIfAny(ExtensionRequestRules.decisionProblems(task.getVariable(SIGNER_DECISION), false,
        task.getVariable(GRANTED_DEADLINE), task.getVariable(CURRENT_DEADLINE), task.getVariable(COMMENTS), null,
        VietnamTime.today()));
    Authentication authentication = identity.getCurrentAuthentication();
    String userId = authentication != null ? authentication.getUserId() : task.getAssignee();
    task.setVariable("signerUserId", userId);
    task.setVariable(DECIDED_BY, userId == null ? "Lãnh đạo UBND tỉnh" : organization.leaderByUserId(userId)
        .map(leader -> leader.title() + " UBND tỉnh " + leader.name()).orElse("Lãnh đạo UBND tỉnh"));
  }

  /**
   * Candidate users of the signer's decision: the account of the leader who signed the notice, when the organisation
   * knows one; the UBND tỉnh leaders' group is always a candidate too.
   */
  public List<String> signerCandidates(DelegateExecution execution) {
    Object noticeId = execution.getVariable("noticeId");
    return repository.find(noticeId == null ? "" : noticeId.toString()).flatMap(signers::userId).map(List::of)
        .orElse(List.of());
  }

  private static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
  }

  /** Service task after a grant: the running assignment process, then (through the event) the tracking row. */
  public void grant(DelegateExecution execution) {
    TrackedLead lead = lead(execution);
    LocalDate granted = ExtensionRequestRules.parseDate(execution.getVariable(GRANTED_DEADLINE), "Thời hạn mới");
    deadlines.moveProcess(lead, granted);
    execution.setVariable(AssignmentStatusPublisher.NEW_DEADLINE, granted.toString());
    // AssignmentTracking records due_on/due_at and clears the request: NoticeDeadlines does not touch the row here
    status.publish(execution, AssignmentStatus.EXTENSION_GRANTED.name());
    tellAgency(lead, "Chấp thuận gia hạn nhiệm vụ mục " + lead.assignmentCode() + " — TB " + lead.noticeNumber(),
        decidedBy(execution) + " chấp thuận gia hạn nhiệm vụ mục " + lead.assignmentCode() + " của thông báo số "
            + lead.noticeNumber() + " (" + lead.assignmentTitle() + ").\nThời hạn mới: "
            + VietnamTime.shortDate(granted) + " (trước đây: " + execution.getVariable(CURRENT_DEADLINE) + ").");
  }

  /** Service task after a refusal: the request is cleared and the agency told why. */
  public void refuse(DelegateExecution execution) {
    TrackedLead lead = lead(execution);
    status.publish(execution, AssignmentStatus.EXTENSION_REFUSED.name());
    tellAgency(lead, "Không chấp thuận gia hạn nhiệm vụ mục " + lead.assignmentCode() + " — TB " + lead.noticeNumber(),
        decidedBy(execution) + " không chấp thuận đề nghị gia hạn nhiệm vụ mục " + lead.assignmentCode()
            + " của thông báo số " + lead.noticeNumber() + " (" + lead.assignmentTitle() + ").\nLý do: "
            + execution.getVariable(COMMENTS) + "\nThời hạn vẫn là " + execution.getVariable(CURRENT_DEADLINE) + ".");
  }

  private static String decidedBy(DelegateExecution execution) {
    Object who = execution.getVariable(DECIDED_BY);
    return who == null || who.toString().isBlank() ? OFFICE_NAME : who.toString();
  }

  private void tellAgency(TrackedLead lead, String subject, String body) {
    mail.notifyGroups(List.of(organization.specialists(lead.leadCode()), organization.leaders(lead.leadCode())),
        subject, body);
  }

  private TrackedLead lead(DelegateExecution execution) {
    Object id = execution.getVariable(AssignmentStatusPublisher.ASSIGNMENT_LEAD_ID);
    return repository.lead(id == null ? "" : id.toString()).orElseThrow(() -> new IllegalStateException(
        "Không tìm thấy nhiệm vụ được đề nghị gia hạn (assignmentLeadId " + id + ")."));
  }

  /** Agencies of the logged-in user's groups; refuses a call without a user. */
  private Set<String> requesterAgencies() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new BadUserRequestException("Chỉ người dùng đã đăng nhập của cơ quan chủ trì được đề nghị gia hạn.");
    }
    List<String> groups = authentication.getGroupIds() != null ? authentication.getGroupIds()
        : SystemAccess.call(identity, () -> identity.createGroupQuery().groupMember(authentication.getUserId()).list())
            .stream().map(Group::getId).toList();
    Set<String> agencies = new LinkedHashSet<>();
    for (String group : groups) {
      organization.agencyOfGroup(group).ifPresent(agencies::add);
    }
    return agencies;
  }
}
