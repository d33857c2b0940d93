package vn.gov.directives.assignment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.plan.Signers;

/**
 * Bean {@code proposalIssuer} of assignment-proposal: the lead agency's Tờ trình (template to-trinh-de-xuat, signed
 * by the director who approved, the draft decision attached) and, on the leader's approval, the Quyết định of UBND
 * tỉnh (template quyet-dinh-de-xuat, …/QĐ-UBND, signed by the deciding leader).
 */
@Component("proposalIssuer")
public class ProposalIssuer {

  public static final String SUBMISSION_TEMPLATE = "to-trinh-de-xuat";
  public static final String DECISION_TEMPLATE = "quyet-dinh-de-xuat";

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final Signers signers;
  private final DocumentLinks links;

  public ProposalIssuer(DocumentService documents, OrganizationDirectory organization, Signers signers,
      DocumentLinks links) {
    this.documents = documents;
    this.organization = organization;
    this.signers = signers;
    this.links = links;
  }

  /** "Ban hành Tờ trình": numbers the Tờ trình and prepares the dossier for submission-review. */
  public void submission(DelegateExecution execution) {
    String lead = text(execution, "leadAgency");
    Map<String, Object> values = values(execution);
    values.put("consultationLines", List.of(text(execution, ProposalConsultation.SUMMARY).split("\n")));
    sign(values, lead, text(execution, "directorUserId"));
    IssuedDocument submission = documents.issue(new DocumentRequest(execution.getProcessInstanceId(),
        SUBMISSION_TEMPLATE, lead, true, VietnamTime.today(), values));
    execution.setVariable("submissionDocumentId", submission.id());
    execution.setVariable("submissionNumber", submission.number());
    execution.setVariable("submissionDate", submission.issuedOn().toString());
    execution.setVariable("submissionDateText", VietnamTime.shortDate(submission.issuedOn()));
    execution.setVariable("dossierTitle", "Tờ trình về việc " + values.get("proposalTitle"));
    // submission-review's Phiếu trình prints planTitle: here it is what is proposed
    execution.setVariable("planTitle", values.get("proposalTitle"));
    execution.setVariable("submittingAgency", lead);
    execution.setVariable("submittingAgencyName", organization.agency(lead).name());
    links.refresh(execution);
  }

  /** "Ban hành Quyết định": UBND tỉnh's decision on the proposal. */
  public void decision(DelegateExecution execution) {
    String committee = organization.committee();
    Map<String, Object> values = values(execution);
    values.put("submissionNumber", text(execution, "submissionNumber"));
    values.put("submissionDate", LocalDate.parse(text(execution, "submissionDate")));
    signers.putSignature(values, signers.signer(committee, text(execution, "leaderUserId")));
    IssuedDocument decision = documents.issue(new DocumentRequest(execution.getProcessInstanceId(),
        DECISION_TEMPLATE, committee, true, VietnamTime.today(), values));
    execution.setVariable("decisionDocumentId", decision.id());
    execution.setVariable("decisionNumber", decision.number());
    execution.setVariable("decisionDate", decision.issuedOn().toString());
    links.refresh(execution);
  }

  private Map<String, Object> values(DelegateExecution execution) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("noticeNumber", text(execution, "noticeNumber"));
    values.put("noticeDateText", text(execution, "noticeDateText"));
    values.put("leadAgencyName", text(execution, "leadAgencyName"));
    values.put("proposalTitle", text(execution, "proposalTitle"));
    values.put("proposalContent", text(execution, "proposalContent"));
    values.put("draftDecision", text(execution, "draftDecision"));
    List<String> partners = ProposalConsultation.partners(execution);
    values.put("partnerNames", partners.isEmpty() ? "các cơ quan, đơn vị liên quan"
        : String.join(", ", partners.stream().map(code -> organization.agency(code).name()).toList()));
    return values;
  }

  /** Agencies without configured leaders keep the signature title and leave the name to be signed by hand. */
  private void sign(Map<String, Object> values, String agency, String userId) {
    if (!organization.leadersOf(agency).isEmpty()) {
      signers.putSignature(values, signers.signer(agency, userId.isEmpty() ? null : userId));
    }
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
