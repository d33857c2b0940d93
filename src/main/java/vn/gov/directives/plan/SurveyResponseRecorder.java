package vn.gov.directives.plan;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;

/** Keeps an agency's survey answer when its task is completed; a bad answer keeps the task open. */
@Component("surveyResponses")
public class SurveyResponseRecorder implements TaskListener {

  private final SurveyResponseRepository repository;
  private final IdentityService identityService;

  public SurveyResponseRecorder(SurveyResponseRepository repository, IdentityService identityService) {
    this.repository = repository;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
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
