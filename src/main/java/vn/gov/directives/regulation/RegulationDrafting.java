package vn.gov.directives.regulation;

import static vn.gov.directives.regulation.RegulationVariables.*;

import java.util.ArrayList;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code regulationDrafting} of assignment-regulation: what the drafting form starts from, the check of the
 * draft (route, title, text, agencies to consult) and the draft document.
 */
@Component("regulationDrafting")
public class RegulationDrafting {

  private final OrganizationDirectory organization;
  private final RegulationIssuer issuer;

  public RegulationDrafting(OrganizationDirectory organization, RegulationIssuer issuer) {
    this.organization = organization;
    this.issuer = issuer;
  }

  /** Start listener (after assignmentContext): kind, and the notice's partners as the agencies to consult. */
  public void start(DelegateExecution execution) {
    RegulationKind kind = RegulationKind.parse(execution.getVariable("assignmentKind"));
    execution.setVariable(KIND, kind.code());
    execution.setVariable(KIND_NAME, kind.displayName());
    if (execution.getVariable(CONSULTED_TEXT) == null) {
      execution.setVariable(CONSULTED_TEXT, String.join(", ", list(execution, "partners")));
    }
    if (kind == RegulationKind.DIRECTIVE && execution.getVariable(ROUTE) == null) {
      execution.setVariable(ROUTE, IssuingRoute.ADMINISTRATIVE.code());
    }
  }

  /** Complete listener of the drafting task: every problem at once, nothing kept while one remains. */
  public void checkDraft(DelegateTask task) {
    RegulationDraft draft;
    try {
      draft = RegulationDraft.check(RegulationKind.parse(task.getVariable(KIND)), task.getVariable(ROUTE),
          task.getVariable(TITLE), task.getVariable(CONTENT), task.getVariable(EXPLANATION),
          task.getVariable(CONSULTED_TEXT), text(task, "leadAgency"), organization::exists);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(ROUTE, draft.route().code());
    instance.setVariable(LEGAL_NORMATIVE, draft.route() == IssuingRoute.LEGAL_NORMATIVE);
    instance.setVariable(TITLE, draft.title());
    instance.setVariable(CONTENT, draft.content());
    instance.setVariable(EXPLANATION, draft.explanation());
    instance.setVariable(CONSULTED, new ArrayList<>(draft.consulted()));
    instance.setVariable(CONSULTED_TEXT, String.join(", ", draft.consulted()));
  }

  /** "Lập dự thảo văn bản": the draft (unnumbered) Quyết định with its Quy chế, or Chỉ thị. */
  public void issueDraft(DelegateExecution execution) {
    issuer.draft(execution);
  }
}
