package vn.gov.directives.notice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.gov.directives.document.DocumentFile;
import vn.gov.directives.notification.MailNotifier;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.organization.Role;
import vn.gov.directives.security.SystemAccess;

/**
 * Whom a notice report is e-mailed to — every member of the review office's groups and the notice's signer — and why
 * someone cannot be reached; the message itself, files attached, goes through {@link MailNotifier}.
 */
@Component
public class ReportMailer {

  private final IdentityService identity;
  private final OrganizationDirectory organization;
  private final MailNotifier mail;
  private final NoticeSigners signers;

  public ReportMailer(IdentityService identity, OrganizationDirectory organization, MailNotifier mail,
      NoticeSigners signers) {
    this.identity = identity;
    this.organization = organization;
    this.mail = mail;
    this.signers = signers;
  }

  /**
   * Who the report goes to, and why someone it should reach cannot be written to.
   *
   * @param problems Vietnamese sentences, printed in the e-mail and kept on the process
   */
  public record Recipients(List<String> addresses, List<String> problems) {}

  /** Members of every group of the review office (VPUBND-chuyen-vien, -lanh-dao, -van-thu) and the signer. */
  public Recipients recipients(NoticeRecord notice) {
    List<String> officeGroups = java.util.Arrays.stream(Role.values())
        .map(role -> organization.group(organization.reviewOffice(), role.suffix())).toList();
    Set<String> addresses = new LinkedHashSet<>(mail.groupAddresses(officeGroups));
    List<String> problems = new ArrayList<>();
    if (addresses.isEmpty()) {
      problems.add("Không thành viên nào của " + organization.agency(organization.reviewOffice()).shortName()
          + " có địa chỉ thư điện tử.");
    }
    Optional<String> signerUserId = signers.userId(notice);
    if (signerUserId.isEmpty()) {
      problems.add("Không gửi được cho người ký Thông báo (" + notice.signer()
          + ") vì người ký không có tài khoản trong hệ thống.");
    } else {
      User signer = SystemAccess.call(() -> identity.createUserQuery().userId(signerUserId.get()).singleResult());
      if (signer == null) {
        problems.add("Không gửi được cho người ký Thông báo (" + notice.signer() + ") vì tài khoản "
            + signerUserId.get() + " không tồn tại.");
      } else if (signer.getEmail() == null || signer.getEmail().isBlank()) {
        problems.add("Không gửi được cho người ký Thông báo (" + notice.signer() + ") vì tài khoản "
            + signerUserId.get() + " không có địa chỉ thư điện tử.");
      } else {
        addresses.add(signer.getEmail());
      }
    }
    if (!mail.configured()) {
      problems.add("Chưa cấu hình máy chủ thư (spring.mail.host) nên báo cáo không được gửi qua thư điện tử.");
    }
    return new Recipients(List.copyOf(addresses), List.copyOf(problems));
  }

  /**
   * @return the addresses written to; empty when mail is not configured or nobody has an address
   * @throws IllegalStateException when the mail server refuses the message (the job is retried)
   */
  public List<String> send(Recipients recipients, String subject, String body, List<DocumentFile> attachments) {
    return mail.send(recipients.addresses(), subject, body, attachments);
  }
}
