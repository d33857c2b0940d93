package vn.gov.directives.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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
import vn.gov.directives.security.SystemAccess;

/**
 * Plain-text e-mail to the members of groups or to given addresses, optionally with document files attached; sent
 * when spring.mail.host is set (from app.reminders.mail-from), logged otherwise. The one mailer of notices and
 * reports (rejections, extension decisions, no-deadline reminders, notice progress reports); deadline reminders keep
 * their own delivery (one recipient, a stable Message-ID so a retried job never sends twice, a delivery log).
 */
@Component
public class MailNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(MailNotifier.class);

  private final IdentityService identityService;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final String mailHost;
  private final String from;

  public MailNotifier(IdentityService identityService, ObjectProvider<JavaMailSender> mailSender,
      @Value("${spring.mail.host:}") String mailHost, @Value("${app.reminders.mail-from:}") String from) {
    this.identityService = identityService;
    this.mailSender = mailSender;
    this.mailHost = mailHost;
    this.from = from;
  }

  /** True when a mail server is configured. */
  public boolean configured() {
    return !mailHost.isBlank();
  }

  /** @return the addresses written to (empty when mail is not configured or nobody has an address) */
  public List<String> notifyGroups(List<String> groupIds, String subject, String body) {
    return send(groupAddresses(groupIds), subject, body, List.of());
  }

  /** The e-mail addresses of the members of the groups, each once, in group order. */
  public Set<String> groupAddresses(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groupIds) {
      for (User user : SystemAccess.call(() -> identityService.createUserQuery().memberOfGroup(group).list())) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail());
        }
      }
    }
    return addresses;
  }

  /**
   * One message to every address, the files attached.
   *
   * @return the addresses written to; empty when mail is not configured or there is no address
   * @throws IllegalStateException when the message cannot be built or the server refuses it (a job is retried)
   */
  public List<String> send(Collection<String> addresses, String subject, String body,
      List<DocumentFile> attachments) {
    if (mailHost.isBlank() || addresses.isEmpty()) {
      LOG.info("Not e-mailed (mail host '{}', {} addresses): {}", mailHost, addresses.size(), subject);
      return List.of();
    }
    try {
      JavaMailSender sender = mailSender.getObject();
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
      helper.setFrom(from);
      helper.setTo(addresses.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      for (DocumentFile file : attachments) {
        helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.format().contentType());
      }
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("Không gửi được thư điện tử \"" + subject + "\": " + e.getMessage(), e);
    }
    return List.copyOf(addresses);
  }
}
