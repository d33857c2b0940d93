package vn.gov.directives.submission;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentRequest;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.organization.Leader;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.plan.DocumentLinks;
import vn.gov.directives.security.SystemAccess;

/** Generates Văn phòng UBND's Phiếu trình from the review opinion, for the leader who decides. */
@Component("reviewSlipIssuer")
public class ReviewSlipIssuer implements JavaDelegate {

  private final DocumentService documents;
  private final OrganizationDirectory organization;
  private final IdentityService identityService;
  private final DocumentLinks links;

  public ReviewSlipIssuer(DocumentService documents, OrganizationDirectory organization,
      IdentityService identityService, DocumentLinks links) {
    this.documents = documents;
    this.organization = organization;
    this.identityService = identityService;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> values = new LinkedHashMap<>();
    // the Phiếu trình is about the plan itself ("Về việc phê duyệt <plan>"), not about the Tờ trình
    values.put("planTitle", execution.hasVariable("planTitle") ? text(execution, "planTitle") : text(execution, "dossierTitle"));
    values.put("submissionNumber", text(execution, "submissionNumber"));
    values.put("submissionDate", LocalDate.parse(text(execution, "submissionDate")));
    values.put("submittingAgencyName", text(execution, "submittingAgencyName"));
    values.put("reviewOpinion", text(execution, "reviewOpinion"));
    values.put("proposal", text(execution, "reviewProposal"));
    values.put("reviewerName", fullName(text(execution, "officeReviewerUserId")));
    // the Phiếu trình goes to the Phó Chủ tịch in charge of IT, as configured
    Leader inCharge = organization.itLeader();
    values.put("leaderTitle", inCharge.title() + " UBND tỉnh");
    values.put("leaderName", inCharge.name());
    var slip = documents.issue(new DocumentRequest(execution.getProcessInstanceId(), "phieu-trinh",
        organization.reviewOffice(), false, VietnamTime.today(), values));
    execution.setVariable("reviewSlipDocumentId", slip.id());
    links.refresh(execution);
  }

  private String fullName(String userId) {
    User user = userId.isEmpty() ? null
        : SystemAccess.call(() -> identityService.createUserQuery().userId(userId).singleResult());
    // Camunda first name = family and middle names, last name = given name (see DemoUser)
    return user == null ? userId
        : (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).strip();
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? "" : value.toString();
  }
}
