package vn.gov.directives.plan;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;

/** Generates the draft plan (Kế hoạch, "DỰ THẢO", no number) from what the specialist wrote. */
@Component("planDraftIssuer")
public class PlanDraftIssuer implements JavaDelegate {

  private final DocumentService documents;
  private final DocumentLinks links;

  public PlanDraftIssuer(DocumentService documents, DocumentLinks links) {
    this.documents = documents;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> values = PlanValues.of(execution);
    execution.setVariable("planBudgetText", PlanValues.money(PlanValues.budget(execution)));
    var draft = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), "ke-hoach-du-thao",
        (String) execution.getVariable("leadAgency"), false, VietnamTime.today(), values));
    execution.setVariable("planDraftDocumentId", draft.id());
    links.refresh(execution);
  }
}
