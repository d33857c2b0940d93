package vn.gov.directives.regulation;

import static vn.gov.directives.regulation.RegulationVariables.*;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.plan.Signers;

/**
 * Bean {@code regulationIssuer} of assignment-regulation: every document of the dossier — the draft, the Bảng tổng
 * hợp ý kiến góp ý, Sở Tư pháp's Báo cáo thẩm định, the Tờ trình, the result of the members' vote and the issuing
 * Quyết định (with the Quy chế as its annex) or Chỉ thị — and the record of the sending to the Công báo.
 */
@Component("regulationIssuer")
public class RegulationIssuer {

  /** Law on the Promulgation of Legal Documents 2015, art. 151: a provincial decision takes effect 10 days on. */
  static final int LEGAL_NORMATIVE_EFFECT_DAYS = 10;

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final Signers signers;
  private final DocumentLinks links;
  private final OpinionRepository opinions;

  public RegulationIssuer(DocumentService documents, OrganizationDirectory organization, Signers signers,
      DocumentLinks links, OpinionRepository opinions) {
    this.documents = documents;
    this.organization = organization;
    this.signers = signers;
    this.links = links;
    this.opinions = opinions;
  }

  /** The draft text, unnumbered, as it stands. */
  public void draft(DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    // the signature block is known before anyone signs: the Chủ tịch for the committee, or a leader on his behalf
    boolean legal = legalNormative(execution);
    values.put("signerTitle", legal ? "Chủ tịch" : "Phó Chủ tịch");
    values.put("signerDeputy", !legal);
    IssuedDocument draft = issue(execution, template(execution), organization.committee(), false, values);
    execution.setVariable("draftDocumentId", draft.id());
  }

  /** "Lập Bảng tổng hợp ý kiến góp ý", signed by the lead's head, after the answers; the revised draft with it. */
  public void opinionTable(DelegateExecution execution) {
    String lead = text(execution, "leadAgency");
    Map<String, Object> values = values(execution);
    List<Opinion> all = opinions.list(execution.getProcessInstanceId());
    values.put("opinions", ConsultationTable.rows(all, text(execution, CONSULTATION_CLOSED_TEXT)));
    values.put(CONSULTATION_SUMMARY, ConsultationTable.summary(all));
    signBy(values, lead, null);
    IssuedDocument table = issue(execution, "bang-tong-hop-y-kien", lead, true, values);
    execution.setVariable("opinionTableNumber", table.number());
    draft(execution);
  }

  /** "Phát hành Báo cáo thẩm định": Sở Tư pháp's report, signed by its head. */
  public void appraisal(DelegateExecution execution) {
    Map<String, Object> values = values(execution);
    for (String name : List.of("appraisalScope", "appraisalLegality", "appraisalDrafting", "appraisalRequiredChanges")) {
      values.put(name, text(execution, name));
    }
    boolean cleared = RegulationAppraisal.CLEARED.equals(text(execution, "appraisalConclusion"));
    values.put("appraisalConclusionText", cleared
        ? "Dự thảo đủ điều kiện trình Ủy ban nhân dân tỉnh xem xét, ban hành."
        : "Dự thảo cần được chỉnh lý, hoàn thiện trước khi trình Ủy ban nhân dân tỉnh.");
    values.put("submittedOnText", VietnamTime.shortDate(VietnamTime.today()));
    String appraiser = "STP";
    signBy(values, appraiser, text(execution, "appraiserUserId"));
    IssuedDocument report = issue(execution, "bao-cao-tham-dinh", appraiser, true, values);
    execution.setVariable("appraisalNumber", report.number());
    execution.setVariable("appraisalDateText", VietnamTime.shortDate(report.issuedOn()));
    Object count = execution.getVariable("appraisalCount");
    execution.setVariable("appraisalCount", count instanceof Integer n ? n + 1 : 1);
  }

  /** "Ban hành Tờ trình": numbered, signed by the lead's head, the draft attached; prepares submission-review. */
  public void submission(DelegateExecution execution) {
    String lead = text(execution, "leadAgency");
    Map<String, Object> values = values(execution);
    boolean legal = legalNormative(execution);
    RegulationKind kind = RegulationKind.parse(text(execution, KIND));
    values.put(CONSULTATION_SUMMARY, text(execution, CONSULTATION_SUMMARY));
    values.put(EXPLANATION, text(execution, EXPLANATION));
    values.put(LEGAL_NORMATIVE, legal);
    values.put("issuingForm", kind == RegulationKind.DIRECTIVE ? "Chỉ thị của Chủ tịch Ủy ban nhân dân tỉnh"
        : legal ? "Quyết định quy phạm pháp luật của Ủy ban nhân dân tỉnh" : "Quyết định của Chủ tịch Ủy ban nhân dân tỉnh");
    values.put("publicationText", text(execution, "publicationText"));
    values.put("appraisalNumber", text(execution, "appraisalNumber"));
    values.put("appraisalDateText", text(execution, "appraisalDateText"));
    values.put("appraisalAttachment", legal ? "; Báo cáo thẩm định của Sở Tư pháp" : "");
    signBy(values, lead, null);
    IssuedDocument submission = issue(execution, "to-trinh-quy-che", lead, true, values);
    execution.setVariable("submissionNumber", submission.number());
    execution.setVariable("submissionDate", submission.issuedOn().toString());
    execution.setVariable("submissionDateText", VietnamTime.shortDate(submission.issuedOn()));
    execution.setVariable("dossierTitle", "Tờ trình về việc ban hành " + text(execution, TITLE));
    // submission-review's Phiếu trình prints planTitle: here it is the text proposed for issue
    execution.setVariable("planTitle", text(execution, TITLE));
    execution.setVariable("submittingAgency", lead);
    execution.setVariable("submittingAgencyName", organization.agency(lead).name());
    links.refresh(execution);
  }

  /** The Báo cáo kết quả lấy ý kiến thành viên UBND tỉnh of Văn phòng UBND tỉnh. */
  void voteReport(DelegateExecution execution, VoteTally tally) {
    Map<String, Object> values = values(execution);
    values.put("members", tally.rows());
    values.put("voteSummary", tally.summary());
    values.put("voteClosesAtText", text(execution, RegulationVote.CLOSES_AT + "Text"));
    values.put("voteOutcome", tally.adopted()
        ? "Dự thảo được quá nửa tổng số thành viên Ủy ban nhân dân tỉnh biểu quyết thông qua; kính trình Chủ tịch Ủy ban nhân dân tỉnh ký ban hành."
        : "Dự thảo chưa được quá nửa tổng số thành viên Ủy ban nhân dân tỉnh biểu quyết thông qua; đề nghị cơ quan chủ trì tiếp thu, hoàn thiện.");
    String office = organization.reviewOffice();
    signBy(values, office, null);
    IssuedDocument report = issue(execution, "bao-cao-lay-y-kien-thanh-vien", office, true, values);
    execution.setVariable("voteReportNumber", report.number());
  }

  /**
   * "Ban hành văn bản": the Quyết định with the Quy chế as annex, or the Chỉ thị. A legal normative decision is
   * numbered in its own series (05/2019/QĐ-UBND), signed by the Chủ tịch for the committee (TM. ỦY BAN NHÂN DÂN)
   * and takes effect ten days on; an administrative one is signed by the leader who approved it.
   */
  public void decision(DelegateExecution execution) {
    String committee = organization.committee();
    Map<String, Object> values = values(execution);
    values.put("submissionNumber", text(execution, "submissionNumber"));
    values.put("submissionDate", LocalDate.parse(text(execution, "submissionDate")));
    Leader signer;
    if (legalNormative(execution)) {
      signer = organization.leadersOf(committee).stream().filter(leader -> !leader.deputy()).findFirst()
          .orElseThrow(() -> new IllegalStateException("Chưa cấu hình Chủ tịch UBND tỉnh (leaders." + committee
              + " với deputy: false) để ký Quyết định quy phạm pháp luật."));
      values.put("appraisalNumber", text(execution, "appraisalNumber"));
      values.put("effectiveFromLong", VietnamTime.vietnameseDate(VietnamTime.today().plusDays(LEGAL_NORMATIVE_EFFECT_DAYS)));
    } else {
      signer = signers.signer(committee, text(execution, "leaderUserId"));
    }
    signers.putSignature(values, signer);
    IssuedDocument decision = issue(execution, template(execution), committee, true, values);
    execution.setVariable("decisionDocumentId", decision.id());
    execution.setVariable("decisionNumber", decision.number());
    execution.setVariable("decisionDate", decision.issuedOn().toString());
    execution.setVariable("decisionDateText", VietnamTime.shortDate(decision.issuedOn()));
  }

  /** Complete listener of "Gửi văn bản đăng Công báo": when it was sent (not before signing, not in the future). */
  public void gazette(DelegateTask task) {
    String sent = text(task, "gazetteSentOn").strip();
    LocalDate sentOn;
    try {
      sentOn = WorkingDayDeadlines.parseIsoDate(sent.length() > 10 ? sent.substring(0, 10) : sent);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("Ngày gửi Công báo: " + e.getMessage());
    }
    LocalDate signed = LocalDate.parse(text(task, "decisionDate"));
    if (sentOn.isBefore(signed) || sentOn.isAfter(VietnamTime.today())) {
      throw new BadUserRequestException("Ngày gửi Công báo " + VietnamTime.shortDate(sentOn) + " phải từ ngày ký "
          + VietnamTime.shortDate(signed) + " đến hôm nay.");
    }
    task.getExecution().getProcessInstance().setVariable("gazetteSentOnText", VietnamTime.shortDate(sentOn));
  }

  private IssuedDocument issue(DelegateExecution execution, String template, String agency, boolean numbered,
      Map<String, Object> values) {
    IssuedDocument document = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), template, agency,
        numbered, VietnamTime.today(), values));
    links.refresh(execution);
    return document;
  }

  private static String template(DelegateExecution execution) {
    return RegulationKind.parse(text(execution, KIND)).template(legalNormative(execution)
        ? IssuingRoute.LEGAL_NORMATIVE : IssuingRoute.ADMINISTRATIVE);
  }

  private static Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("noticeNumber", text(execution, "noticeNumber"));
    values.put("noticeDateText", text(execution, "noticeDateText"));
    values.put("leadAgencyName", text(execution, "leadAgencyName"));
    values.put(KIND_NAME, text(execution, KIND_NAME));
    values.put(TITLE, text(execution, TITLE));
    values.put(CONTENT, text(execution, CONTENT));
    return values;
  }

  /** Agencies without configured leaders keep the signature title and leave the name to be signed by hand. */
  private void signBy(Map<String, Object> values, String agency, String userId) {
    if (!organization.leadersOf(agency).isEmpty()) {
      signers.putSignature(values, signers.signer(agency, userId == null || userId.isEmpty() ? null : userId));
    }
  }
}
