package vn.gov.directives.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Sends a reminder at most once: claim the record (committed), send, record the outcome (committed). A retry finds
 * the record and does not send again; a record left SENDING by a crash is marked UNCERTAIN and not sent again
 * either, because a duplicate is judged worse than a reminder that may have been lost.
 */
public class ReminderDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderDelivery.class);

  private final ReminderLog reminderLog;
  private final JavaMailSender mailSender;
  private final String mailFrom;
  private final ReminderMessages messages;
  private final String messageIdDomain;
  private final ApplicationEventPublisher events;

  /**
   * @param mailSender null when no mail server is configured: reminders are then written to the log (channel LOG)
   */
  public ReminderDelivery(
      ReminderLog reminderLog,
      JavaMailSender mailSender,
      String mailFrom,
      String publicBaseUrl,
      ApplicationEventPublisher events) {
    this.reminderLog = reminderLog;
    this.mailSender = mailSender;
    this.mailFrom = mailFrom;
    this.messages = new ReminderMessages(publicBaseUrl);
    this.messageIdDomain = hostOf(publicBaseUrl);
    this.events = events;
  }

  public ReminderChannel channel() {
    return mailSender == null ? ReminderChannel.LOG : ReminderChannel.MAIL;
  }

  /** Sends (or logs) the reminder unless it was handled before; returns what became of it. */
  public ReminderStatus deliver(ReminderNotice notice) {
    ReminderChannel channel = channel();
    ReminderLog.Claim claim = reminderLog.claim(notice, channel, VietnamTime.now());
    if (claim instanceof ReminderLog.Claim.AlreadyHandled handled) {
      LOG.debug("Reminder {} already handled ({}), not sent again", describe(notice), handled.status());
      return handled.status();
    }
    if (claim instanceof ReminderLog.Claim.FoundUncertain uncertain) {
      LOG.warn("Reminder {} (record {}) was interrupted while being sent; it may or may not have gone out and is"
          + " NOT sent again (marked UNCERTAIN)", describe(notice), uncertain.id());
      return ReminderStatus.UNCERTAIN;
    }
    long id = ((ReminderLog.Claim.Granted) claim).id();

    ReminderMessages.Message message = messages.compose(notice);
    String messageId = messageId(notice);
    List<String> addresses = notice.emailAddresses();
    ReminderStatus outcome;
    if (channel == ReminderChannel.MAIL) {
      if (addresses.isEmpty()) {
        LOG.warn("Reminder {} has nobody with an e-mail address to go to ({}); recorded, not sent",
            describe(notice), notice.audience());
        reminderLog.markDone(id, ReminderStatus.NO_RECIPIENTS, null, VietnamTime.now());
        return ReminderStatus.NO_RECIPIENTS;
      }
      try {
        send(message, messageId, addresses);
      } catch (MailException | MessagingException e) {
        reminderLog.markFailed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        throw new ReminderDeliveryException("Gửi thư nhắc việc thất bại (sending reminder " + describe(notice)
            + " to " + addresses + " failed): " + e.getMessage(), e);
      }
      outcome = ReminderStatus.SENT;
    } else {
      if (notice.recipients().isEmpty()) {
        LOG.warn("Reminder {} has nobody to go to ({}); recorded, not sent", describe(notice), notice.audience());
        reminderLog.markDone(id, ReminderStatus.NO_RECIPIENTS, null, VietnamTime.now());
        return ReminderStatus.NO_RECIPIENTS;
      }
      LOG.info("No mail server configured (spring.mail.host is empty); reminder for {} {}:\n{}\n{}",
          notice.recipients().stream().map(Recipient::userId).toList(), addresses, message.subject(),
          message.text());
      outcome = ReminderStatus.LOGGED;
    }
    reminderLog.markDone(id, outcome, messageId, VietnamTime.now());
    events.publishEvent(new ReminderSentEvent(id, notice, channel, messageId));
    return outcome;
  }

  private void send(ReminderMessages.Message message, String messageId, List<String> addresses)
      throws MessagingException {
    MimeMessage mime = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
    helper.setFrom(mailFrom);
    helper.setTo(addresses.toArray(String[]::new));
    helper.setSubject(message.subject());
    helper.setText(message.text(), message.html());
    helper.setSentDate(Date.from(VietnamTime.now()));
    // Spring keeps an explicit Message-ID; the same reminder always has the same one, so servers can de-duplicate
    mime.setHeader("Message-ID", messageId);
    mailSender.send(mime);
  }

  /** Deterministic per reminder: kind, subject, days and deadline. */
  public String messageId(ReminderNotice notice) {
    return "<reminder." + notice.kind().name().toLowerCase(Locale.ROOT) + "." + notice.subjectId() + "."
        + notice.days() + "." + notice.deadline().getEpochSecond() + "@" + messageIdDomain + ">";
  }

  private static String describe(ReminderNotice notice) {
    return notice.kind() + "(" + notice.days() + ") of " + notice.subjectId() + " due "
        + ReminderJobConfiguration.isoVietnam(notice.deadline());
  }

  private static String hostOf(String url) {
    try {
      String host = url == null ? null : URI.create(url.trim()).getHost();
      return host == null || host.isBlank() ? "localhost" : host;
    } catch (IllegalArgumentException e) {
      return "localhost";
    }
  }

}
