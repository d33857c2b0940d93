package vn.gov.directives.plan;

import java.time.LocalDate;
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
 * On the leader's approval: numbers and generates the Quyết định phê duyệt Kế hoạch (…/QĐ-UBND), signed
 * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" by the deciding leader, with the plan as its appendix.
 */
@Component("planDecisionIssuer")
public class PlanDecisionIssuer implements JavaDelegate {

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final Signers signers;
  private final DocumentLinks links;

  public PlanDecisionIssuer(DocumentService documents, OrganizationDirectory organization, Signers signers,
      DocumentLinks links) {
    this.documents = documents;
    this.organization = organization;
    this.signers = signers;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String committee = organization.committee();
    Map<String, Object> values = PlanValues.of(execution);
    values.put("submissionNumber", execution.getVariable("submissionNumber"));
    values.put("submissionDate", LocalDate.parse((String) execution.getVariable("submissionDate")));
    signers.putSignature(values, signers.signer(committee, (String) execution.getVariable("leaderUserId")));
    IssuedDocument decision = documents.issue(new DocumentRequest(execution.getProcessInstanceId(),
        "quyet-dinh-phe-duyet-ke-hoach", committee, true, VietnamTime.today(), values));
    execution.setVariable("decisionDocumentId", decision.id());
    execution.setVariable("decisionNumber", decision.number());
    execution.setVariable("decisionDate", decision.issuedOn().toString());
    execution.setVariable("decisionTitle", decision.title());
    links.refresh(execution);
  }
}
