package vn.gov.directives.notification;

import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.gov.directives.security.SystemAccess;

/** Plain-text notices to the members of groups; e-mailed when spring.mail.host is set, logged otherwise. */
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

  /** @return the addresses written to (empty when mail is not configured or nobody has an address) */
  public List<String> notifyGroups(List<String> groupIds, String subject, String body) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String group : groupIds) {
      for (User user : SystemAccess.call(() -> identityService.createUserQuery().memberOfGroup(group).list())) {
        if (user.getEmail() != null && !user.getEmail().isBlank()) {
          addresses.add(user.getEmail());
        }
      }
    }
    if (mailHost.isBlank() || addresses.isEmpty()) {
      LOG.info("Notice not e-mailed (mail host '{}', {} addresses): {}", mailHost, addresses.size(), subject);
      return List.of();
    }
    try {
      JavaMailSender sender = mailSender.getObject();
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(from);
      helper.setTo(addresses.toArray(String[]::new));
      helper.setSubject(subject);
      helper.setText(body, false);
      sender.send(message);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException("Không gửi được thư thông báo: " + e.getMessage(), e);
    }
    return List.copyOf(addresses);
  }
}
