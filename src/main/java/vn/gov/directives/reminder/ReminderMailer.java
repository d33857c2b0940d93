package vn.gov.directives.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands reminder messages to the mail server through the commit-point transport, keeping one open SMTP connection
 * per sending thread (the job executor's threads) instead of a TCP connection, greeting, EHLO and QUIT per message.
 *
 * <p>Reuse cannot create a doubt: the final "." of DATA is only ever written after the server answered MAIL FROM,
 * RCPT TO and DATA on this connection, so a connection that went stale while idle fails before the commit point —
 * nothing recorded, nothing delivered — and the message is then sent once more on a fresh connection. A connection
 * that failed in any way, or whose message was abandoned at the commit point, is closed and never reused.
 */
class ReminderMailer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderMailer.class);

  /** Closed and reopened rather than reused after this long unused (servers drop idle sessions after minutes). */
  static final Duration MAX_IDLE = Duration.ofSeconds(30);

  private final JavaMailSender sender;
  private final boolean reuse;
  private final ThreadLocal<Connection> perThread = new ThreadLocal<>();
  private final Set<Connection> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** @param reuse false: a new connection per message (app.reminders.smtp-connection-reuse=false) */
  ReminderMailer(JavaMailSender sender, boolean reuse) {
    this.sender = sender;
    this.reuse = reuse;
  }

  /** What the sender needs to know about the commit point of the message it sends. */
  interface CommitPointListener extends CommitPointSmtpTransport.Listener {
    /** Whether {@link #beforeCommit()} was called: from then on the message must not be sent again. */
    boolean reachedCommitPoint();
  }

  MimeMessage createMimeMessage() {
    return sender.createMimeMessage();
  }

  /**
   * Sends {@code message} (whose Message-ID is kept as set) with {@code listener} told about its commit point.
   * Throws if it was not accepted; see the listener for whether the server may have it.
   */
  void send(MimeMessage message, CommitPointListener listener) throws MessagingException {
    if (!reuse || !(sender instanceof JavaMailSenderImpl impl) || closed) {
      // another sender (a test double, another protocol): one conversation per message, as Spring does it
      CommitPointSmtpTransport.withListener(listener, () -> sender.send(message));
      return;
    }
    String messageId = message.getMessageID();
    message.saveChanges();
    if (messageId != null) {
      // saveChanges() gives the message a new random Message-ID; the reminder's own one is deterministic
      message.setHeader("Message-ID", messageId);
    }
    Connection connection = perThread.get();
    perThread.remove();
    if (connection != null && !connection.usable()) {
      connection.close();
      connection = null;
    }
    boolean reused = connection != null;
    if (connection == null) {
      connection = connect(impl);
    }
    try {
      connection.send(message, listener);
    } catch (MessagingException | RuntimeException e) {
      connection.discard();
      if (!reused || listener.reachedCommitPoint()) {
        throw e;
      }
      // a pooled connection that went stale: it failed before the commit point, so nothing was delivered
      LOG.debug("Reused SMTP connection failed before the message was handed over ({}); sending on a new one",
          e.toString());
      connection = connect(impl);
      try {
        connection.send(message, listener);
      } catch (MessagingException | RuntimeException again) {
        connection.discard();
        throw again;
      }
    }
    connection.lastUsedNanos = System.nanoTime();
    if (closed) {
      connection.close();
    } else {
      perThread.set(connection);
    }
  }

  private Connection connect(JavaMailSenderImpl impl) throws MessagingException {
    Transport transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
    // as JavaMailSenderImpl.connectTransport: an empty user name means no authentication
    String username = impl.getUsername();
    String password = impl.getPassword();
    if ("".equals(username)) {
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    transport.connect(impl.getHost(), impl.getPort(), username, password);
    Connection connection = new Connection(transport);
    open.add(connection);
    return connection;
  }

  /** Closes every kept connection (at shutdown); later sends use one connection per message. */
  @Override
  public void close() {
    closed = true;
    open.forEach(Connection::close);
  }

  /** Connections kept open now (for tests). */
  int openConnections() {
    return (int) open.stream().filter(c -> c.transport.isConnected()).count();
  }

  private final class Connection {
    private final Transport transport;
    private volatile long lastUsedNanos = System.nanoTime();

    Connection(Transport transport) {
      this.transport = transport;
    }

    boolean usable() {
      return transport.isConnected() && System.nanoTime() - lastUsedNanos < MAX_IDLE.toNanos();
    }

    void send(MimeMessage message, CommitPointListener listener) throws MessagingException {
      CommitPointSmtpTransport.withListener(listener,
          () -> transport.sendMessage(message, message.getAllRecipients()));
    }

    /** QUIT: only for a connection between messages. */
    void close() {
      open.remove(this);
      try {
        transport.close();
      } catch (MessagingException | RuntimeException e) {
        LOG.debug("Closing an SMTP connection failed: {}", e.toString());
      }
    }

    /**
     * After a failure the connection is never reused. Angus has already dropped the socket (no QUIT) after an I/O
     * error or an abandoned commit point; a refusal leaves a sound session, which is ended with QUIT.
     */
    void discard() {
      close();
    }
  }
}
