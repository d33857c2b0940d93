package vn.gov.directives.assignment;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code proposalConsultation} of assignment-proposal: opens a consultation round (one closing time for every
 * partner, {@code app.due-days.consultation} working days), records each partner's answer and, when the round ends
 * (all answered or the time is up), writes the summary in which silent partners count as agreeing.
 */
@Component("proposalConsultation")
public class ProposalConsultation {

  public static final String CLOSES_AT = "consultationClosesAt";
  public static final String RECORD = "consultationRecord";
  public static final String SUMMARY = "consultationSummary";
  public static final String SILENT = "silentPartners";

  private final DueDateService dueDates;
  private final OrganizationDirectory organization;

  public ProposalConsultation(DueDateService dueDates, OrganizationDirectory organization) {
    this.dueDates = dueDates;
    this.organization = organization;
  }

  /** Take listener of the flow into the consultation: a new round forgets the answers on the previous draft. */
  public void open(DelegateExecution execution) {
    Date closesAt = dueDates.forStep("consultation", execution);
    execution.setVariable(CLOSES_AT, closesAt);
    execution.setVariable(CLOSES_AT + "Text", VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt)));
    execution.setVariable(RECORD, "");
    execution.setVariable(SUMMARY, "");
  }

  /** Complete listener of the drafting task: the three parts of the dossier are required. */
  public void checkDraft(DelegateTask task) {
    List<String> missing = new ArrayList<>();
    String[][] required = {{"proposalTitle", "Tên đề xuất"}, {"proposalContent", "Nội dung đề xuất"},
        {"draftDecision", "Dự thảo Quyết định"}};
    for (String[] field : required) {
      Object value = task.getVariable(field[0]);
      if (value == null || value.toString().isBlank()) {
        missing.add(field[1]);
      }
    }
    if (!missing.isEmpty()) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: " + String.join(", ", missing) + ".");
    }
  }

  /** Complete listener of a partner's consultation task. */
  public void record(DelegateTask task) {
    Object opinion = task.getVariable("consultationOpinion");
    Object comments = task.getVariable("consultationComments");
    if (ConsultationRecord.COMMENT.equals(opinion) && (comments == null || comments.toString().isBlank())) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: Nội dung góp ý.");
    }
    try {
      String updated = ConsultationRecord.withAnswer((String) task.getVariable(RECORD),
          (String) task.getVariable("partnerAgency"), opinion == null ? null : opinion.toString(),
          comments == null ? null : comments.toString());
      task.getExecution().getProcessInstance().setVariable(RECORD, updated);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /** "Tổng hợp ý kiến góp ý": the lines printed in the Tờ trình; silent partners are listed as agreeing. */
  public void summarize(DelegateExecution execution) {
    List<String> partners = partners(execution);
    String record = (String) execution.getVariable(RECORD);
    List<String> lines = ConsultationRecord.lines(partners, record, code -> organization.agency(code).name());
    execution.setVariable(SUMMARY, lines.isEmpty() ? "Không có cơ quan phối hợp." : String.join("\n", lines));
    execution.setVariable(SILENT, String.join(", ", ConsultationRecord.silent(partners, record)));
  }

  @SuppressWarnings("unchecked")
  static List<String> partners(DelegateExecution execution) {
    Object value = execution.getVariable("partners");
    return value instanceof List<?> list ? new ArrayList<>((List<String>) list) : List.of();
  }
}
