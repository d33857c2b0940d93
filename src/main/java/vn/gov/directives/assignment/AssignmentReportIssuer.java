package vn.gov.directives.assignment;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.plan.Signers;

/**
 * Bean {@code assignmentReportIssuer}: once Văn phòng UBND tỉnh accepts the result, the lead agency's numbered
 * Báo cáo kết quả thực hiện nhiệm vụ (template bao-cao-ket-qua-nhiem-vu) is issued, signed by the leader who
 * approved it.
 */
@Component("assignmentReportIssuer")
public class AssignmentReportIssuer implements JavaDelegate {

  public static final String TEMPLATE = "bao-cao-ket-qua-nhiem-vu";

  private final DocumentService documents;
  private final Signers signers;
  private final DocumentLinks links;
  private final OrganizationDirectory organization;

  public AssignmentReportIssuer(DocumentService documents, Signers signers, DocumentLinks links,
      OrganizationDirectory organization) {
    this.organization = organization;
    this.documents = documents;
    this.signers = signers;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String lead = (String) execution.getVariable("leadAgency");
    Map<String, Object> values = new HashMap<>();
    for (String name : new String[] {"noticeNumber", "noticeDateText", "assignmentCode", "assignmentTitle",
        "leadAgencyName", AssignmentContext.DEADLINE_TEXT, "resultSummary", "resultProposals", "extensionHistory"}) {
      Object value = execution.getVariable(name);
      if (value != null && !value.toString().isBlank()) {
        values.put(name, value.toString());
      }
    }
    values.put("completedOnText", VietnamTime.shortDate(VietnamTime.today()));
    // Most agencies have no leader records in the organisation file: the signature block then keeps its title
    // (derived from the agency kind) and leaves the name to be written by hand, rather than refusing to report.
    if (!organization.leadersOf(lead).isEmpty()) {
      signers.putSignature(values, signers.signer(lead, (String) execution.getVariable("leaderUserId")));
    }
    IssuedDocument report = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), TEMPLATE, lead, true,
        VietnamTime.today(), values));
    execution.setVariable("resultReportDocumentId", report.id());
    execution.setVariable("resultReportNumber", report.number());
    links.refresh(execution);
  }
}
