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
 * Sends a reminder once: claim the record (SENDING, committed), write the message to the mail server, record
 * SUBMITTED (committed) just before SMTP's commit point — the final "." of DATA — and SENT as soon as the server
 * answers 250. A later attempt (a retry, or another node once a dead node's job lock expired) finds the record:
 * SENT is not sent again; SENDING younger than the job lock time may be an attempt still running, so this one fails
 * and is retried later; an older SENDING, or FAILED, means the server never took the message, so it is sent now;
 * SUBMITTED means the process died within the one round trip in which the server may have taken it: marked
 * UNCERTAIN and not sent again (a late 250 does not turn UNCERTAIN into SENT), because a duplicate is judged worse
 * than a reminder that may have been lost. The Message-ID is the same for every attempt, so a receiving system that
 * de-duplicates by Message-ID sees one message whatever happens.
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
    CommitPointSmtpTransport.install(mailSender);
    MailStreamProvider.pin();
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
    if (claim instanceof ReminderLog.Claim.InProgress inProgress) {
      LOG.info("Reminder {} (record {}) is being sent by {} since {}; this attempt fails and is retried later",
          describe(notice), inProgress.id(), inProgress.nodeId(), inProgress.claimedAt());
      throw new ReminderInProgressException(inProgress.id(), inProgress.nodeId(), inProgress.claimedAt(),
          reminderLog.claimExpiresAt(inProgress.claimedAt()), describe(notice));
    }
    if (claim instanceof ReminderLog.Claim.FoundUncertain uncertain) {
      LOG.warn("Reminder {} (record {}) was interrupted at the mail server's commit point; it may or may not have"
          + " gone out and is NOT sent again (marked UNCERTAIN)", describe(notice), uncertain.id());
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
      CommitPoint commitPoint = new CommitPoint(id, messageId);
      try {
        CommitPointSmtpTransport.withListener(commitPoint, () -> send(message, messageId, addresses));
      } catch (MailException | MessagingException e) {
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (commitPoint.accepted) {
          // the server has the message; only closing the connection failed
          LOG.warn("Reminder {} was accepted by the mail server; closing the connection failed: {}",
              describe(notice), reason);
        } else if (commitPoint.submitted && !commitPoint.refused) {
          reminderLog.markUncertain(id, reason);
          LOG.warn("Reminder {} (record {}): the connection broke after the message was handed over; it may have"
              + " gone out and is NOT sent again (marked UNCERTAIN): {}", describe(notice), id, reason);
          return ReminderStatus.UNCERTAIN;
        } else {
          reminderLog.markFailed(id, reason);
          throw new ReminderDeliveryException("Gửi thư nhắc việc thất bại (sending reminder " + describe(notice)
              + " to " + addresses + " failed): " + e.getMessage(), e);
        }
      }
      outcome = ReminderStatus.SENT;
      if (commitPoint.accepted) {
        events.publishEvent(new ReminderSentEvent(id, notice, channel, messageId));
        return outcome;
      }
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

  /** Records the two instants around SMTP's commit point, each in its own committed transaction. */
  private final class CommitPoint implements CommitPointSmtpTransport.Listener {
    private final long id;
    private final String messageId;
    private boolean submitted;
    private boolean accepted;
    private boolean refused;

    CommitPoint(long id, String messageId) {
      this.id = id;
      this.messageId = messageId;
    }

    @Override
    public void beforeCommit() {
      reminderLog.markSubmitted(id);
      submitted = true;
    }

    @Override
    public void accepted() {
      accepted = true;
      if (!reminderLog.markDone(id, ReminderStatus.SENT, messageId, VietnamTime.now())) {
        LOG.warn("Reminder record {} was accepted by the mail server after another attempt had already judged it"
            + " (UNCERTAIN); left as it is", id);
      }
    }

    @Override
    public void refused() {
      refused = true;
    }
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
