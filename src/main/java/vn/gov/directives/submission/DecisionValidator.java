package vn.gov.directives.submission;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;

/**
 * On completion of a decision task: refuses an incomplete decision (the task stays open, nothing is saved),
 * records who decided, and for a return keeps the comments for the drafter.
 * Prototype scope: the engine injects the BPMN fields into the bean, which must not be shared between tasks.
 */
@Component("decisionValidator")
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class DecisionValidator implements TaskListener {

  private Expression decision;
  private Expression allowed;
  private Expression requires;
  private Expression recordedBy;
  private Expression returnNote;

  private final IdentityService identityService;

  public DecisionValidator(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    DecisionRules rules = DecisionRules.parse(text(decision, task), text(allowed, task), text(requires, task));
    List<String> problems = rules.problems(task.getVariables());
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
    Authentication authentication = identityService.getCurrentAuthentication();
    String userId = authentication != null ? authentication.getUserId() : task.getAssignee();
    if (recordedBy != null) {
      task.setVariable(text(recordedBy, task), userId);
    }
    String choice = task.getVariable(rules.decisionVariable()).toString();
    if (returnNote != null && choice.equals("return")) {
      String comments = rules.requires().getOrDefault("return", List.of()).stream()
          .map(requirement -> String.valueOf(task.getVariable(requirement.variable())))
          .findFirst().orElse("");
      task.setVariable("returnComments", text(returnNote, task) + " (" + VietnamTime.shortDate(VietnamTime.today())
          + "): " + comments);
    }
  }

  private static String text(Expression expression, DelegateTask task) {
    return expression == null ? "" : String.valueOf(expression.getValue(task));
  }

  public void setDecision(Expression decision) {
    this.decision = decision;
  }

  public void setAllowed(Expression allowed) {
    this.allowed = allowed;
  }

  public void setRequires(Expression requires) {
    this.requires = requires;
  }

  public void setRecordedBy(Expression recordedBy) {
    this.recordedBy = recordedBy;
  }

  public void setReturnNote(Expression returnNote) {
    this.returnNote = returnNote;
  }
}
