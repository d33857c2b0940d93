package vn.gov.directives.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP transport with a hook at SMTP's commit point: the server takes responsibility for a message only when it
 * answers 250 to the final "." of DATA; a connection lost before that "." delivers nothing (RFC 5321 §4.1.1.4).
 * The reminder delivery records "handed over" just before the "." and "sent" right after the 250, so a crash
 * leaves a record that says whether the message may have gone out.
 */
public class CommitPointSmtpTransport extends SMTPTransport {

  /** What the sending thread is told; all calls happen on that thread. */
  public interface Listener {
    /**
     * The whole message is written; only the final "." is missing. Returns whether to send it: false (or an
     * exception) abandons the message — the connection is closed without the ".", so the server delivers nothing.
     */
    boolean beforeCommit();

    /** The server answered 250: the message is its responsibility now. */
    void accepted();

    /** The server answered the "." with a refusal: nothing was delivered. */
    void refused();
  }

  /**
   * Thrown when the listener abandoned the message at the commit point. An IOException on purpose: Angus then closes
   * the socket without a QUIT (a QUIT written in the middle of DATA would be read as message text and its answer
   * awaited), and the server, which never saw the final ".", discards the message (RFC 5321 §4.1.1.4).
   */
  public static class AbandonedException extends IOException {
    AbandonedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final ThreadLocal<Listener> LISTENER = new ThreadLocal<>();

  public CommitPointSmtpTransport(Session session, URLName url) {
    this(session, url, "smtp", false);
  }

  protected CommitPointSmtpTransport(Session session, URLName url, String name, boolean ssl) {
    super(session, url, name, ssl);
  }

  /** SMTP over TLS from the first byte ({@code spring.mail.protocol=smtps}), with the same commit point. */
  public static class Ssl extends CommitPointSmtpTransport {
    public Ssl(Session session, URLName url) {
      super(session, url, "smtps", true);
    }
  }

  /**
   * Makes the sender's SMTP session use this transport (other senders are left alone). Returns whether it did: a
   * sender without it cannot tell the reminder delivery where its commit point is.
   */
  public static boolean install(JavaMailSender sender) {
    if (!(sender instanceof JavaMailSenderImpl impl)) {
      return false;
    }
    String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol().toLowerCase(java.util.Locale.ROOT);
    Class<?> transport = switch (protocol) {
      case "smtp" -> CommitPointSmtpTransport.class;
      case "smtps" -> Ssl.class;
      default -> null;
    };
    if (transport == null) {
      return false;
    }
    try {
      impl.getSession().setProvider(new Provider(Provider.Type.TRANSPORT, protocol, transport.getName(),
          "vn.gov.directives", "1"));
      return true;
    } catch (NoSuchProviderException e) {
      throw new IllegalStateException("Cannot install the SMTP transport", e);
    }
  }

  /** Runs {@code send} with {@code listener} told about the commit point of the message it sends. */
  public static <E extends Exception> void withListener(Listener listener, Sending<E> send) throws E {
    LISTENER.set(listener);
    try {
      send.run();
    } finally {
      LISTENER.remove();
    }
  }

  /** A send that may throw a checked exception. */
  @FunctionalInterface
  public interface Sending<E extends Exception> {
    void run() throws E;
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    Listener listener = LISTENER.get();
    if (listener == null) {
      super.finishData();
      return;
    }
    proceedOrAbandon(listener);
    try {
      super.finishData();
    } catch (SMTPSendFailedException failed) {
      refusedOrUnknown(listener, failed);
      throw failed;
    }
    listener.accepted();
  }

  private static void proceedOrAbandon(Listener listener) throws AbandonedException {
    boolean proceed;
    try {
      proceed = listener.beforeCommit();
    } catch (RuntimeException e) {
      throw new AbandonedException("message abandoned before its final \".\": " + e.getMessage(), e);
    }
    if (!proceed) {
      throw new AbandonedException("message abandoned before its final \".\"", null);
    }
  }

  /**
   * A 4xx/5xx answer to the "." is a refusal: nothing was delivered. Angus reports a connection lost before any
   * answer the same way but with no reply code ([EOF], -1): that one stays unknown.
   */
  private static void refusedOrUnknown(Listener listener, SMTPSendFailedException failed) {
    if (failed.getReturnCode() >= 400) {
      listener.refused();
    }
  }

  /** BDAT (CHUNKING, only with mail.smtp.chunksize &gt; 0): the last chunk is the commit point. */
  @Override
  protected void finishBdat() throws IOException, MessagingException {
    Listener listener = LISTENER.get();
    if (listener == null) {
      super.finishBdat();
      return;
    }
    proceedOrAbandon(listener);
    try {
      super.finishBdat();
    } catch (SMTPSendFailedException failed) {
      refusedOrUnknown(listener, failed);
      throw failed;
    }
    listener.accepted();
  }
}
