package vn.gov.directives.regulation;

import static vn.gov.directives.regulation.RegulationVariables.text;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.organization.CommitteeMember;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code regulationVote} of assignment-regulation: the phiếu lấy ý kiến thành viên UBND on a legal normative
 * decision. The members come from the organisation file ({@code committeeMembers}); each member's task writes its
 * own row of regulation_vote; silent members count as agreeing when {@code app.regulation.silent-member-agrees}.
 */
@Component("regulationVote")
public class RegulationVote {

  static final String ROUND = "voteRound";
  static final String VOTERS = "committeeVoters";
  static final String CLOSES_AT = "voteClosesAt";

  private final DueDateService dueDates;
  private final OrganizationDirectory organization;
  private final VoteRepository votes;
  private final RegulationIssuer issuer;
  private final boolean silentAgrees;

  public RegulationVote(DueDateService dueDates, OrganizationDirectory organization, VoteRepository votes,
      RegulationIssuer issuer, @Value("${app.regulation.silent-member-agrees:true}") boolean silentAgrees) {
    this.dueDates = dueDates;
    this.organization = organization;
    this.votes = votes;
    this.issuer = issuer;
    this.silentAgrees = silentAgrees;
  }

  /** "Gửi phiếu lấy ý kiến thành viên UBND": a new round, one task per configured member. */
  public void open(DelegateExecution execution) {
    List<CommitteeMember> members = organization.committeeMembers();
    if (members.isEmpty()) {
      throw new IllegalStateException("Chưa cấu hình thành viên UBND tỉnh (committeeMembers trong tệp tổ chức) "
          + "để lấy ý kiến về dự thảo Quyết định quy phạm pháp luật.");
    }
    Object round = execution.getVariable(ROUND);
    execution.setVariable(ROUND, round instanceof Integer previous ? previous + 1 : 1);
    execution.setVariable(VOTERS, new ArrayList<>(members.stream().map(CommitteeMember::userId).toList()));
    Date closesAt = dueDates.forStep("member-vote", execution);
    execution.setVariable(CLOSES_AT, closesAt);
    execution.setVariable(CLOSES_AT + "Text", VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt)));
    execution.setVariable("silentMemberRule", silentAgrees
        ? "Thành viên không gửi phiếu trong thời hạn được coi là đồng ý."
        : "Thành viên không gửi phiếu trong thời hạn không được tính là đồng ý.");
  }

  /** Complete listener of a member's phiếu; the choice is local to that member's task until stored here. */
  public void record(DelegateTask task) {
    MemberVote.Choice choice;
    try {
      choice = MemberVote.Choice.parse(task.getVariable("memberVote"));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    String opinion = text(task, "memberOpinion").strip();
    if (choice != MemberVote.Choice.AGREE && opinion.isEmpty()) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: Ý kiến của thành viên (bắt buộc khi không đồng ý "
          + "hoặc có ý kiến khác).");
    }
    String userId = text(task, "memberUserId");
    CommitteeMember member = organization.committeeMembers().stream().filter(m -> m.userId().equals(userId))
        .findFirst().orElseThrow(() -> new BadUserRequestException("'" + userId
            + "' không còn là thành viên UBND tỉnh trong cấu hình."));
    votes.insert(task.getProcessInstanceId(), (Integer) task.getVariable(ROUND), member,
        new MemberVote(userId, choice, opinion.isEmpty() ? null : opinion), VietnamTime.now());
  }

  /** "Tổng hợp kết quả lấy ý kiến": the tally, its report, and whether the decision passes. */
  public void count(DelegateExecution execution) {
    int round = (Integer) execution.getVariable(ROUND);
    VoteTally tally = VoteTally.count(organization.committeeMembers(),
        votes.votes(execution.getProcessInstanceId(), round), silentAgrees);
    execution.setVariable("voteAdopted", tally.adopted());
    execution.setVariable("voteSummary", tally.summary());
    issuer.voteReport(execution, tally);
  }

  /** The Chủ tịch (the committee's leader who is not a deputy), who signs "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH". */
  public Leader chairman() {
    return organization.leadersOf(organization.committee()).stream().filter(leader -> !leader.deputy()).findFirst()
        .orElseThrow(() -> new IllegalStateException("Chưa cấu hình Chủ tịch UBND tỉnh (leaders."
            + organization.committee() + " với deputy: false) để ký Quyết định quy phạm pháp luật."));
  }

  /** Assignee of the signing task: the Chủ tịch's account, or null (the committee's leaders as candidates). */
  public String chairmanUserId() {
    return chairman().userId();
  }
}
