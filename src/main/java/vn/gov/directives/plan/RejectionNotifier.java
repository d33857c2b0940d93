package vn.gov.directives.plan;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.gov.directives.notification.MailNotifier;
import vn.gov.directives.organization.OrganizationDirectory;

/** The leader rejected the plan: the lead agency's specialists and leaders are told why. */
@Component("rejectionNotifier")
public class RejectionNotifier implements JavaDelegate {

  private final MailNotifier notifier;
  private final OrganizationDirectory organization;

  public RejectionNotifier(MailNotifier notifier, OrganizationDirectory organization) {
    this.notifier = notifier;
    this.organization = organization;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String lead = (String) execution.getVariable("leadAgency");
    String title = PlanValues.text(execution, "planTitle");
    String subject = "[Kết quả] UBND tỉnh không phê duyệt: " + title;
    String body = "Lãnh đạo UBND tỉnh không phê duyệt " + title + " (Tờ trình số "
        + PlanValues.text(execution, "submissionNumber") + ").\n\nÝ kiến: " + PlanValues.text(execution, "leaderComments")
        + "\n";
    List<String> sentTo = notifier.notifyGroups(List.of(organization.specialists(lead), organization.leaders(lead)),
        subject, body);
    execution.setVariable("rejectionNotifiedTo", String.join(", ", sentTo));
  }
}
