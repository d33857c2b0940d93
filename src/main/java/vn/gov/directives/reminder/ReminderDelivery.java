package vn.gov.directives.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import vn.gov.directives.calendar.VietnamTime;

/**
 * Sends a reminder once. Nothing is written before the mail server's commit point: the message is written to the
 * server up to the final "." of DATA, and only then is the reminder taken — its record inserted as SUBMITTED
 * (unique per reminder) and committed. The attempt that loses that insert to a concurrent one (or finds the record
 * taken since) abandons its message without the "." — the connection is dropped and the server, which never saw the
 * end of the data, delivers nothing (RFC 5321). The winner sends the "." and, at the server's 250, records SENT in
 * the job's own transaction. So a reminder costs one commit of its own beside the job's.
 *
 * <p>A later attempt (a retry, or another node once a dead node's job lock expired) finds: no record or FAILED —
 * the server never took the message, it is sent; SENT (LOGGED, NO_RECIPIENTS, UNCERTAIN) — done; SUBMITTED younger
 * than the job lock time — an attempt that may still be waiting for its answer or its commit: this one fails without
 * using a retry and looks again later; SUBMITTED older than that — the process died within the window in which the
 * server may have taken the message: marked UNCERTAIN and never sent again, because a duplicate is judged worse than
 * a reminder that may have been lost. The Message-ID is the same for every attempt, so a receiving system that
 * de-duplicates by Message-ID sees one message whatever happens.
 */
public class ReminderDelivery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderDelivery.class);

  private final ReminderLog reminderLog;
  private final ReminderMailer mailer;
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
    this(reminderLog, mailSender, mailFrom, publicBaseUrl, events, true);
  }

  /**
   * @param reuseConnections whether each job thread keeps its SMTP connection for its next reminder
   *     ({@code app.reminders.smtp-connection-reuse}, default true)
   */
  public ReminderDelivery(
      ReminderLog reminderLog,
      JavaMailSender mailSender,
      String mailFrom,
      String publicBaseUrl,
      ApplicationEventPublisher events,
      boolean reuseConnections) {
    this.reminderLog = reminderLog;
    this.mailer = mailSender == null ? null : new ReminderMailer(mailSender, reuseConnections);
    if (mailSender != null && !CommitPointSmtpTransport.install(mailSender)) {
      LOG.warn("The mail sender ({}) is not SMTP through Jakarta Mail: reminders cannot be taken at the mail"
          + " server's commit point and are recorded after sending (a crash in between may send one twice)",
          mailSender.getClass().getName());
    }
    MailStreamProvider.pin();
    this.mailFrom = mailFrom;
    this.messages = new ReminderMessages(publicBaseUrl);
    this.messageIdDomain = hostOf(publicBaseUrl);
    this.events = events;
  }

  public ReminderChannel channel() {
    return mailer == null ? ReminderChannel.LOG : ReminderChannel.MAIL;
  }

  /** Sends (or logs) the reminder unless it was handled before; returns what became of it. */
  public ReminderStatus deliver(ReminderNotice notice) {
    ReminderChannel channel = channel();
    ReminderLog.Prior prior = reminderLog.prior(notice, VietnamTime.now());
    if (!prior.maySend()) {
      return notSent(notice, prior);
    }
    String messageId = messageId(notice);
    List<String> addresses = notice.emailAddresses();
    if (channel == ReminderChannel.MAIL ? addresses.isEmpty() : notice.recipients().isEmpty()) {
      LOG.warn("Reminder {} has nobody{} to go to ({}); recorded, not sent", describe(notice),
          channel == ReminderChannel.MAIL ? " with an e-mail address" : "", notice.audience());
      OptionalLong id = reminderLog.take(notice, channel, prior, ReminderStatus.NO_RECIPIENTS, null,
          VietnamTime.now());
      return id.isPresent() ? ReminderStatus.NO_RECIPIENTS : lostTo(notice);
    }
    ReminderMessages.Message message = messages.compose(notice);
    if (channel == ReminderChannel.LOG) {
      // recorded first: a crash in between may lose a log line, a second attempt never writes a second one
      OptionalLong id = reminderLog.take(notice, channel, prior, ReminderStatus.LOGGED, messageId, VietnamTime.now());
      if (id.isEmpty()) {
        return lostTo(notice);
      }
      LOG.info("No mail server configured (spring.mail.host is empty); reminder for {} {}:\n{}\n{}",
          notice.recipients().stream().map(Recipient::userId).toList(), addresses, message.subject(),
          message.text());
      events.publishEvent(new ReminderSentEvent(id.getAsLong(), notice, channel, messageId));
      return ReminderStatus.LOGGED;
    }

    CommitPoint commitPoint = new CommitPoint(notice, prior);
    try {
      mailer.send(mime(message, messageId, addresses), commitPoint);
    } catch (MailException | MessagingException e) {
      String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
      if (commitPoint.lost) {
        LOG.info("Reminder {} was taken by another attempt at the commit point; this one was abandoned before its"
            + " final \".\" (not delivered)", describe(notice));
        return lostTo(notice);
      }
      if (commitPoint.accepted) {
        // the server has the message; only what followed failed
        LOG.warn("Reminder {} was accepted by the mail server; the connection failed afterwards: {}",
            describe(notice), reason);
      } else if (commitPoint.id != null && !commitPoint.refused) {
        reminderLog.markUncertain(commitPoint.id, reason);
        LOG.warn("Reminder {} (record {}): the connection broke after the message was handed over; it may have"
            + " gone out and is NOT sent again (marked UNCERTAIN): {}", describe(notice), commitPoint.id, reason);
        return ReminderStatus.UNCERTAIN;
      } else {
        if (commitPoint.id != null) {
          reminderLog.markFailed(commitPoint.id, reason);
        } else {
          // before the commit point: nothing delivered, nothing taken
          reminderLog.recordFailure(notice, channel, prior, reason, VietnamTime.now());
        }
        throw new ReminderDeliveryException("Gửi thư nhắc việc thất bại (sending reminder " + describe(notice)
            + " to " + addresses + " failed): " + e.getMessage(), e);
      }
    }
    long id;
    if (commitPoint.reached) {
      id = commitPoint.id;
      reminderLog.markSent(id, messageId, VietnamTime.now());
    } else {
      // a sender without the commit-point transport (warned at start): recorded after the fact
      OptionalLong taken = reminderLog.take(notice, channel, prior, ReminderStatus.SENT, messageId,
          VietnamTime.now());
      if (taken.isEmpty()) {
        LOG.warn("Reminder {} was sent by this attempt and also recorded by another one", describe(notice));
        return lostTo(notice);
      }
      id = taken.getAsLong();
    }
    events.publishEvent(new ReminderSentEvent(id, notice, channel, messageId));
    return ReminderStatus.SENT;
  }

  /** What a reminder that may not be sent now became; throws when an attempt may still be sending it. */
  private ReminderStatus notSent(ReminderNotice notice, ReminderLog.Prior prior) {
    if (prior instanceof ReminderLog.Prior.AlreadyHandled handled) {
      LOG.debug("Reminder {} already handled ({}), not sent again", describe(notice), handled.status());
      return handled.status();
    }
    if (prior instanceof ReminderLog.Prior.InProgress inProgress) {
      LOG.info("Reminder {} (record {}) is being sent by {} since {}; this attempt fails and is retried later",
          describe(notice), inProgress.id(), inProgress.nodeId(), inProgress.claimedAt());
      throw new ReminderInProgressException(inProgress.id(), inProgress.nodeId(), inProgress.claimedAt(),
          reminderLog.claimExpiresAt(inProgress.claimedAt()), describe(notice));
    }
    if (prior instanceof ReminderLog.Prior.FoundUncertain uncertain) {
      LOG.warn("Reminder {} (record {}) was interrupted at the mail server's commit point; it may or may not have"
          + " gone out and is NOT sent again (marked UNCERTAIN)", describe(notice), uncertain.id());
      return ReminderStatus.UNCERTAIN;
    }
    throw new IllegalStateException("Reminder " + describe(notice) + " may be sent: " + prior);
  }

  /** Another attempt took the reminder first (or it could not be recorded): whatever it is now, not by this one. */
  private ReminderStatus lostTo(ReminderNotice notice) {
    ReminderLog.Prior now = reminderLog.prior(notice, VietnamTime.now());
    if (now.maySend()) {
      // not recorded by anybody (the database refused the write), or the winner failed since: a retry sends it
      throw new ReminderDeliveryException("Không ghi nhận được nhắc việc " + describe(notice) + ", chưa gửi; sẽ thử"
          + " lại (the reminder could not be recorded, so it was not sent; the job is retried)", null);
    }
    return notSent(notice, now);
  }

  private MimeMessage mime(ReminderMessages.Message message, String messageId, List<String> addresses)
      throws MessagingException {
    MimeMessage mime = mailer.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
    helper.setFrom(mailFrom);
    helper.setTo(addresses.toArray(String[]::new));
    helper.setSubject(message.subject());
    helper.setText(message.text(), message.html());
    helper.setSentDate(Date.from(VietnamTime.now()));
    // kept by the mailer: the same reminder always has the same Message-ID, so servers can de-duplicate
    mime.setHeader("Message-ID", messageId);
    return mime;
  }

  /** Closes the SMTP connections kept open for the job threads. */
  @Override
  public void close() {
    if (mailer != null) {
      mailer.close();
    }
  }

  /** Takes the reminder at SMTP's commit point, and hears the server's answer. */
  private final class CommitPoint implements ReminderMailer.CommitPointListener {
    private final ReminderNotice notice;
    private final ReminderLog.Prior prior;
    private boolean reached;
    private Long id;
    private boolean lost;
    private boolean accepted;
    private boolean refused;

    CommitPoint(ReminderNotice notice, ReminderLog.Prior prior) {
      this.notice = notice;
      this.prior = prior;
    }

    @Override
    public boolean beforeCommit() {
      reached = true;
      OptionalLong taken = reminderLog.take(notice, ReminderChannel.MAIL, prior, ReminderStatus.SUBMITTED, null,
          VietnamTime.now());
      if (taken.isEmpty()) {
        lost = true;
        return false;
      }
      id = taken.getAsLong();
      return true;
    }

    @Override
    public boolean reachedCommitPoint() {
      return reached;
    }

    @Override
    public void accepted() {
      accepted = true;
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
