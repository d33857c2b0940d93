package vn.gov.directives.notice;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * End listener of the start event of notice-registration: reads the Tasklist start form as a notice and registers it
 * in the engine's transaction. A refused notice throws, so the registration instance itself is rolled back: nothing
 * is stored or started, and Tasklist shows every problem in Vietnamese.
 */
@Component("noticeRegistrationListener")
public class NoticeRegistrationListener implements ExecutionListener {

  private final NoticeRegistry registry;
  private final OrganizationDirectory organization;
  private final IdentityService identity;
  private final NoticeForm form;

  public NoticeRegistrationListener(NoticeRegistry registry, OrganizationDirectory organization,
      IdentityService identity) {
    this.registry = registry;
    this.organization = organization;
    this.identity = identity;
    this.form = new NoticeForm(new NoticeParser(organization::exists));
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the start permission (organisation configuration) already keeps others out of Tasklist; this also covers the
    // Java and REST APIs and a misconfigured authorization
    String userId = requireRegistrar();
    NoticeRequest request;
    try {
      request = form.read(execution.getVariables());
    } catch (InvalidNoticeException e) {
      throw new BadUserRequestException("Thông báo chưa được đăng ký, cần sửa: " + NoticeForm.describe(e.errors()));
    }
    NoticeRegistry.Registration registration;
    try {
      registration = registry.register(request, userId);
    } catch (DuplicateNoticeException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    execution.setProcessBusinessKey(request.number());
    execution.setVariable("noticeId", registration.id());
    execution.setVariable("followUpProcessInstanceId", registration.processInstanceId());
    execution.setVariable("trackedProcessCount", registration.assignments().size());
  }

  /** The user starting the registration, when a member of the review office's groups or an admin. */
  private String requireRegistrar() {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new BadUserRequestException("Chỉ người dùng đã đăng nhập của Văn phòng UBND tỉnh hoặc quản trị viên "
          + "được đăng ký thông báo kết luận.");
    }
    List<String> groups = authentication.getGroupIds() != null ? authentication.getGroupIds()
        : identity.createGroupQuery().groupMember(authentication.getUserId()).list().stream().map(Group::getId).toList();
    if (!NoticeManagers.mayManage(groups, organization.reviewOffice())) {
      throw new BadUserRequestException("Người dùng " + authentication.getUserId() + " không thuộc Văn phòng UBND "
          + "tỉnh: chỉ Văn phòng UBND tỉnh hoặc quản trị viên được đăng ký thông báo kết luận.");
    }
    return authentication.getUserId();
  }
}
