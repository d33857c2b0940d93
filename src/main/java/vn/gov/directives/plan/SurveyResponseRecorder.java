package vn.gov.directives.plan;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.calendar.VietnamTime;

/**
 * The survey task of one agency. On create: names the agency for the form and declares the answer fields on the task
 * itself, so that the submitted form stays with this task instead of the shared process scope (30 agencies answer in
 * parallel). On complete: checks and keeps the answer; a bad answer keeps the task open.
 */
@Component("surveyResponses")
public class SurveyResponseRecorder implements TaskListener {

  private final SurveyResponseRepository repository;
  private final IdentityService identityService;
  private final OrganizationDirectory organization;

  public SurveyResponseRecorder(SurveyResponseRepository repository, IdentityService identityService,
      OrganizationDirectory organization) {
    this.repository = repository;
    this.identityService = identityService;
    this.organization = organization;
  }

  static final List<String> ANSWER_FIELDS = List.of("computers", "servers", "network", "itStaff", "eOffice",
      "signedShare", "onlineServices", "serviceQuality", "proposals");

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      String agency = (String) task.getVariable("surveyAgency");
      task.setVariableLocal("surveyAgencyName", organization.agency(agency).name());
      ANSWER_FIELDS.forEach(field -> task.setVariableLocal(field, null));
      return;
    }
    String agency = (String) task.getVariable("surveyAgency");
    Authentication authentication = identityService.getCurrentAuthentication();
    String user = authentication != null ? authentication.getUserId() : task.getAssignee();
    try {
      SurveyResponse response = SurveyResponse.from(agency, user, VietnamTime.now(), task.getVariables());
      repository.save(task.getProcessInstanceId(), response);
    } catch (PlanRequest.InvalidRequestException | IllegalStateException e) {
      throw new BadUserRequestException("Báo cáo thực trạng chưa hợp lệ: " + e.getMessage());
    }
  }
}
