package vn.gov.directives.plan;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Once the director approves: numbers and generates the Tờ trình (e.g. 01/TTr-STTTT) with the draft plan attached,
 * signed by the leader who approved, and prepares the dossier for the submission to UBND tỉnh.
 */
@Component("submissionIssuer")
public class SubmissionIssuer implements JavaDelegate {

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final Signers signers;
  private final DocumentLinks links;

  public SubmissionIssuer(DocumentService documents, OrganizationDirectory organization, Signers signers,
      DocumentLinks links) {
    this.documents = documents;
    this.organization = organization;
    this.signers = signers;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String lead = (String) execution.getVariable("leadAgency");
    Map<String, Object> values = PlanValues.of(execution);
    signers.putSignature(values, signers.signer(lead, (String) execution.getVariable("directorUserId")));
    var today = VietnamTime.today();
    IssuedDocument submission = documents.issue(
        new DocumentRequest(execution.getProcessInstanceId(), "to-trinh-ke-hoach", lead, true, today, values));
    execution.setVariable("submissionDocumentId", submission.id());
    execution.setVariable("submissionNumber", submission.number());
    execution.setVariable("submissionDate", submission.issuedOn().toString());
    execution.setVariable("submissionDateText", VietnamTime.shortDate(submission.issuedOn()));
    execution.setVariable("dossierTitle", "Tờ trình về việc phê duyệt " + values.get("planTitle"));
    execution.setVariable("submittingAgency", lead);
    execution.setVariable("submittingAgencyName", organization.agency(lead).name());
    links.refresh(execution);
  }
}
