package vn.gov.directives.plan;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.organization.Agency;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Checks the start form and prepares what the steps need: the surveyed agencies, the survey closing instant and
 * the printable dates. A bad request is refused whole (the start rolls back), with every problem listed.
 */
@Component("planRequestValidator")
public class PlanRequestValidator implements ExecutionListener {

  private final OrganizationDirectory organization;
  private final DueDateService dueDates;
  private final String defaultLeadAgency;

  public PlanRequestValidator(
      OrganizationDirectory organization,
      DueDateService dueDates,
      @Value("${app.plan.lead-agency:STTTT}") String defaultLeadAgency) {
    this.organization = organization;
    this.dueDates = dueDates;
    this.defaultLeadAgency = defaultLeadAgency;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PlanRequest request;
    try {
      request = PlanRequest.from(execution.getVariables(), organization::exists, VietnamTime.today());
    } catch (PlanRequest.InvalidRequestException e) {
      throw new BadUserRequestException("Yêu cầu xây dựng Kế hoạch chưa hợp lệ: " + e.getMessage());
    }
    String lead = execution.hasVariable("leadAgency") ? (String) execution.getVariable("leadAgency") : defaultLeadAgency;
    if (!organization.exists(lead)) {
      throw new BadUserRequestException("Mã cơ quan chủ trì không tồn tại trong cấu hình tổ chức: " + lead);
    }
    List<String> surveyed = request.surveyAll()
        ? organization.departmentsAndDistricts(VietnamTime.today()).stream()
            .map(Agency::code).filter(code -> !code.equals(lead)).toList()
        : request.surveyAgencyCodes();
    execution.setVariable("leadAgency", lead);
    execution.setVariable("leadAgencyName", organization.agency(lead).name());
    execution.setVariable("planTitle", request.planTitle());
    execution.setVariable("planYear", request.planYear());
    execution.setVariable("planDeadline", request.planDeadline().toString());
    execution.setVariable("planDeadlineText", VietnamTime.shortDate(request.planDeadline()));
    execution.setVariable("surveyAgencies", new java.util.ArrayList<>(surveyed));
    Date closesAt = request.surveyDueDate() != null
        ? dueDates.deadlineEnd(request.surveyDueDate())
        : dueDates.forStep("survey", execution);
    execution.setVariable("surveyClosesAt", closesAt);
    execution.setVariable("surveyDueDate", VietnamTime.toLocalDate(closesAt).toString());
    execution.setVariable("surveyDueDateText", VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt)));
    execution.setVariable("noticeReference", "Thông báo số " + request.noticeNumber() + " ngày "
        + VietnamTime.shortDate(request.noticeDate()) + " của UBND tỉnh");
    execution.setVariable("documentLinks", DocumentLinks.NONE);
    execution.setVariable("returnComments", "");
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey("KH-UDCNTT-" + request.planYear());
    }
  }
}
