package vn.gov.directives.notice;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.gov.directives.document.DocumentFile;
import vn.gov.directives.organization.OrganizationDirectory;
import vn.gov.directives.organization.Role;
import vn.gov.directives.security.SystemAccess;

/**
 * E-mails a notice report, its files attached, to every member of the review office's groups and to the notice's
 * signer. MailNotifier writes to groups only and without attachments; a report must also reach one person (the
 * signer) and carry its files. Same conventions: sent only when spring.mail.host is set, from app.reminders.mail-from.
 */
@Component
public class ReportMailer {

  private static final Logger LOG = LoggerFactory.getLogger(ReportMailer.class);

  private final IdentityService identity;
  private final OrganizationDirectory organization;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String mailHost;
  private final String from;
  private final NoticeSigners signers;

  public ReportMailer(IdentityService identity, OrganizationDirectory organization,
      ObjectProvider<JavaMailSender> mailSender, @Value("${spring.mail.host:}") String mailHost,
      @Value("${app.reminders.mail-from:}") String from, NoticeSigners signers) {
    this.signers = signers;
    this.identity = identity;
    this.organization = organization;
    this.mailSender = mailSender;
    this.mailHost = mailHost;
    this.from = from;
  }

  /**
   * Who the report goes to, and why someone it should reach cannot be written to.
   *
   * @param problems Vietnamese sentences, printed in the e-mail and kept on the process
   */
  public record Recipients(List<String> addresses, List<String> problems) {}

  /** Members of every group of the review office (VPUBND-chuyen-vien, -lanh-dao, -van-thu) and the signer. */
  public Recipients recipients(NoticeRecord notice) {
    Set<String> addresses = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Role role : Role.values()) {
      String group = organization.group(organization.reviewOffice(), role.suffix());
      for (User user : SystemAccess.call(() -> identity.createUserQuery().memberOfGroup(group).list())) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail());
        }
      }
    }
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
    if (mailHost.isBlank()) {
      problems.add("Chưa cấu hình máy chủ thư (spring.mail.host) nên báo cáo không được gửi qua thư điện tử.");
    }
    return new Recipients(List.copyOf(addresses), List.copyOf(problems));
  }

  /**
   * @return the addresses written to; empty when mail is not configured or nobody has an address
   * @throws IllegalStateException when the mail server refuses the message (the job is retried)
   */
  public List<String> send(Recipients recipients, String subject, String body, List<DocumentFile> attachments) {
    if (mailHost.isBlank() || recipients.addresses().isEmpty()) {
      LOG.info("Report not e-mailed (mail host '{}', {} addresses): {}", mailHost, recipients.addresses().size(),
          subject);
      return List.of();
    }
    try {
      JavaMailSender sender = mailSender.getObject();
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(recipients.addresses().toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      for (DocumentFile file : attachments) {
        helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.format().contentType());
      }
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Không gửi được báo cáo qua thư điện tử: " + e.getMessage(), e);
    }
    return recipients.addresses();
  }
}
