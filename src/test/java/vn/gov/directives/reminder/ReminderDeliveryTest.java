package vn.gov.directives.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.support.TestDatabase;

/** Delivery against a real database schema (Flyway on H2, or PostgreSQL with -Dtest.database=postgres) and a real SMTP server (GreenMail). */
class ReminderDeliveryTest {

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Instant DUE = LocalDateTime.of(2019, 2, 1, 23, 59, 59).atZone(VietnamTime.ZONE).toInstant();
  private static final Instant SENT_AT = LocalDateTime.of(2019, 1, 29, 7, 30).atZone(VietnamTime.ZONE).toInstant();

  private HikariDataSource dataSource;
  private ReminderLog reminderLog;
  private JdbcTemplate jdbc;
  private final List<ReminderSentEvent> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp() {
    // H2 in memory, or PostgreSQL with -Dtest.database=postgres
    dataSource = TestDatabase.dataSource("reminders-" + UUID.randomUUID());
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("product_schema_history")
        .load().migrate();
    jdbc = new JdbcTemplate(dataSource);
    reminderLog = new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource));
    ClockUtil.setCurrentTime(Date.from(SENT_AT));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    dataSource.close();
  }

  private static JavaMailSenderImpl sender(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  private ReminderDelivery mailing(int port) {
    return new ReminderDelivery(reminderLog, sender(port), "theodoi-chidao@binhdinh.gov.vn", "http://localhost:8080",
        event -> events.add((ReminderSentEvent) event));
  }

  private ReminderDelivery mailing() {
    return mailing(greenMail.getSmtp().getPort());
  }

  private static ReminderNotice notice(List<Recipient> recipients) {
    return new ReminderNotice(ReminderKind.TASK_REMINDER, 3, DUE, SENT_AT, "task-1", "task-1",
        "Tổng hợp thực trạng và dự thảo Kế hoạch", "pi-1", "pi-1", "ke-hoach", "Xây dựng Kế hoạch ứng dụng CNTT",
        "KH-2019", null, "Chuyên viên Sở Thông tin và Truyền thông", "Chuyên viên Sở Thông tin và Truyền thông",
        recipients);
  }

  private static ReminderNotice notice() {
    return notice(List.of(new Recipient("cv1", "Nguyễn Văn An", "an@stttt.gov.vn"),
        new Recipient("cv2", "Trần Thị Bình", "binh@stttt.gov.vn"), new Recipient("cv3", "Lê Văn Cư", null)));
  }

  /** What an attempt that reached the commit point leaves: the record SUBMITTED, as if it died right there. */
  private long submitted(Instant at) {
    return reminderLog.take(notice(), ReminderChannel.MAIL, new ReminderLog.Prior.Fresh(), ReminderStatus.SUBMITTED,
        null, at).orElseThrow();
  }

  /** A claim left SENDING by a node of the release before the commit-point claim (a rolling upgrade). */
  private long legacySending(Instant at) {
    long id = submitted(at);
    jdbc.update("UPDATE reminder_log SET status = 'SENDING' WHERE id = ?", id);
    return id;
  }

  private ReminderRecord record() {
    return reminderLog.find("task-1", ReminderKind.TASK_REMINDER, 3, DUE).orElseThrow();
  }

  @Test
  void sendsOneUtf8MailToEveryAddressAndRecordsIt() throws Exception {
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);

    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per mailbox: an@ and binh@; cv3 has no address
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo(
        "[Nhắc việc] Còn 3 ngày làm việc: Tổng hợp thực trạng và dự thảo Kế hoạch — hạn 01/02/2019");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("theodoi-chidao@binhdinh.gov.vn");
    assertThat(mail.getMessageID()).isEqualTo(
        "<reminder.task_reminder.task-1.3." + DUE.getEpochSecond() + "@localhost>");
    assertThat(mail.getSentDate()).isEqualTo(Date.from(SENT_AT));
    assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("UTF-8");

    ReminderRecord record = record();
    assertThat(record.status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record.channel()).isEqualTo(ReminderChannel.MAIL);
    assertThat(record.sentAt()).isEqualTo(SENT_AT);
    assertThat(record.deadline()).isEqualTo(DUE);
    assertThat(record.recipients()).extracting(Recipient::userId).containsExactly("cv1", "cv2", "cv3");
    assertThat(record.recipients().get(0).name()).isEqualTo("Nguyễn Văn An");
    assertThat(record.taskName()).isEqualTo("Tổng hợp thực trạng và dự thảo Kế hoạch");
    assertThat(events).hasSize(1);
  }

  @Test
  void aSecondDeliveryOfTheSameReminderSendsNothing() {
    mailing().deliver(notice());
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(record().attempts()).isEqualTo(1);
    assertThat(events).hasSize(1);
  }

  @Test
  void theSameReminderDeliveredByEightJobsAtOnceGoesOutOnce() throws Exception {
    // e.g. a job run again by a second node after its lock expired: all write the message up to its final ".";
    // the unique key lets one of them record SUBMITTED, the others drop their connection before the "."
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ReminderStatus>> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        outcomes.add(threads.submit(() -> {
          start.await();
          return mailing().deliver(notice());
        }));
      }
      start.countDown();
      int sent = 0;
      for (Future<ReminderStatus> outcome : outcomes) {
        try {
          assertThat(outcome.get()).isEqualTo(ReminderStatus.SENT);
          sent++;
        } catch (java.util.concurrent.ExecutionException e) {
          // found the winner's record still SUBMITTED: this job fails and is retried later
          assertThat(e.getCause()).isInstanceOf(ReminderInProgressException.class);
        }
      }
      assertThat(sent).isPositive();
    } finally {
      threads.shutdownNow();
    }

    assertThat(greenMail.getReceivedMessages()).hasSize(2); // one per mailbox, once
    assertThat(events).hasSize(1);
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record().attempts()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminder_log", Integer.class)).isEqualTo(1);
    // the retries of the jobs that stood back find it SENT and send nothing
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aLegacySendingClaimLessThanAJobLockTimeOldIsLeftToThatAttemptAndRetriedLater() {
    // a node of the previous release, slow but alive, whose job another node took over: it may still be sending
    long id = legacySending(SENT_AT);
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME).minusSeconds(1)));

    assertThatThrownBy(() -> mailing().deliver(notice()))
        .isInstanceOf(ReminderInProgressException.class)
        .hasMessageContaining("đang được gửi")
        .hasMessageContaining("không gửi trùng");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().status()).isEqualTo(ReminderStatus.SENDING);
    assertThat(record().attempts()).isEqualTo(1);

    // the first attempt finishes: the retry completes without sending
    reminderLog.markDone(id, ReminderStatus.SENT, mailing().messageId(notice()), SENT_AT);
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void theLockTimeOfTheJobExecutorDecidesWhenAClaimIsKnownDead() {
    ReminderLog shortLocks = new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource),
        new vn.gov.directives.cluster.NodeIdentity("node-b"), 15_000);
    ReminderDelivery onNodeB = new ReminderDelivery(shortLocks, sender(greenMail.getSmtp().getPort()),
        "theodoi-chidao@binhdinh.gov.vn", "http://localhost:8080", event -> events.add((ReminderSentEvent) event));
    submitted(SENT_AT);

    ClockUtil.setCurrentTime(Date.from(SENT_AT.plusSeconds(14)));
    assertThatThrownBy(() -> onNodeB.deliver(notice())).isInstanceOf(ReminderInProgressException.class);
    assertThat(record().status()).isEqualTo(ReminderStatus.SUBMITTED);
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plusSeconds(15)));
    assertThat(onNodeB.deliver(notice())).isEqualTo(ReminderStatus.UNCERTAIN);

    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThatThrownBy(() -> new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource),
        new vn.gov.directives.cluster.NodeIdentity("node-b"), 0))
        .hasMessageContaining("lock-time-in-millis must be positive");
  }

  @Test
  void aLateAcceptanceDoesNotTurnUncertainIntoSent() {
    // attempt 1 handed the message over and stalled; attempt 2 (after the lock time) judged it UNCERTAIN; then
    // attempt 1's 250 arrives
    long id = submitted(SENT_AT);
    assertThat(reminderLog.prior(notice(), SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME)))
        .isInstanceOf(ReminderLog.Prior.FoundUncertain.class);

    assertThat(reminderLog.markDone(id, ReminderStatus.SENT, "<late@localhost>", SENT_AT)).isFalse();

    assertThat(record().status()).isEqualTo(ReminderStatus.UNCERTAIN);
    assertThat(record().messageId()).isNull();
    assertThat(record().sentAt()).isNull();
  }

  @Test
  void aFailedSendIsRecordedAndRetriedLater() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(() -> mailing(closedPort).deliver(notice()))
        .isInstanceOf(ReminderDeliveryException.class)
        .hasMessageContaining("Gửi thư nhắc việc thất bại");
    assertThat(record().status()).isEqualTo(ReminderStatus.FAILED);
    assertThat(record().note()).isNotBlank();

    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record().attempts()).isEqualTo(2);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aLegacySendingClaimLeftByACrashBeforeTheServerHadItIsSentOnce() {
    // a node of the previous release crashed after claiming, before the final "." of DATA: nobody got it
    legacySending(SENT_AT);
    // another node takes the job once the dead node's lock has expired
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME)));

    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record().attempts()).isEqualTo(2);
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aReminderLeftSubmittedByACrashAtTheCommitPointIsMarkedUncertainAndNotSent() {
    // a crash between the final "." and recording the server's answer: it may have gone out
    submitted(SENT_AT);
    // another node takes the job once the dead node's lock has expired
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME)));

    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.UNCERTAIN);

    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().status()).isEqualTo(ReminderStatus.UNCERTAIN);
    assertThat(record().note()).contains("không gửi lại");
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.UNCERTAIN);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void aReminderSubmittedLessThanAJobLockTimeAgoIsLeftToThatAttemptWaitingForTheServersAnswer() {
    // a node so loaded that its job's lock ran out while it waited for the 250: another node took the job over
    long id = submitted(SENT_AT);
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME).minusSeconds(1)));

    assertThatThrownBy(() -> mailing().deliver(notice())).isInstanceOf(ReminderInProgressException.class);
    assertThat(record().status()).isEqualTo(ReminderStatus.SUBMITTED);

    // the first attempt gets its 250: SENT, and the waiting job completes without sending
    assertThat(reminderLog.markDone(id, ReminderStatus.SENT, mailing().messageId(notice()), SENT_AT)).isTrue();
    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().attempts()).isEqualTo(1);
  }

  @Test
  void aConnectionLostAfterTheFinalDotIsUncertainAndNeverResent() throws Exception {
    try (SilentAfterDataServer server = new SilentAfterDataServer()) {
      assertThat(mailing(server.port()).deliver(notice())).isEqualTo(ReminderStatus.UNCERTAIN);
      assertThat(server.messagesWritten()).isEqualTo(1);
    }
    assertThat(record().status()).isEqualTo(ReminderStatus.UNCERTAIN);
    assertThat(record().note()).contains("không gửi lại");

    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.UNCERTAIN);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void theRecordNamesTheNodeThatSentIt() {
    ReminderLog onNodeA = new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource),
        new vn.gov.directives.cluster.NodeIdentity("node-a"), ReminderLog.DEFAULT_JOB_LOCK_TIME.toMillis());
    new ReminderDelivery(onNodeA, sender(greenMail.getSmtp().getPort()), "theodoi-chidao@binhdinh.gov.vn",
        "http://localhost:8080", event -> events.add((ReminderSentEvent) event)).deliver(notice());

    assertThat(record().nodeId()).isEqualTo("node-a");
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
  }

  /** A reminder log whose commit-point write first lets something else happen (another attempt's). */
  private ReminderLog takingAfter(Runnable meanwhile) {
    return new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource)) {
      @Override
      public java.util.OptionalLong take(ReminderNotice notice, ReminderChannel channel, Prior prior,
          ReminderStatus status, String messageId, Instant now) {
        if (status == ReminderStatus.SUBMITTED) {
          meanwhile.run();
        }
        return super.take(notice, channel, prior, status, messageId, now);
      }
    };
  }

  private ReminderDelivery mailing(ReminderLog log) {
    return new ReminderDelivery(log, sender(greenMail.getSmtp().getPort()), "theodoi-chidao@binhdinh.gov.vn",
        "http://localhost:8080", event -> events.add((ReminderSentEvent) event));
  }

  @Test
  void theLoserOfTheCommitPointDropsItsMessageBeforeTheFinalDotSoOnlyTheWinnersArrives() {
    // attempt A has written its whole message when attempt B (e.g. another node) sends the same reminder and
    // records it first: A loses the insert and closes its connection without the "."; the server delivers only B's
    ReminderDelivery attemptA = mailing(takingAfter(() -> assertThat(mailing().deliver(notice()))
        .isEqualTo(ReminderStatus.SENT)));

    assertThat(attemptA.deliver(notice())).isEqualTo(ReminderStatus.SENT);

    assertThat(greenMail.getReceivedMessages()).hasSize(2); // B's message, one copy per mailbox
    assertThat(greenMail.getReceivedMessagesForDomain("stttt.gov.vn")).extracting(MimeMessage::getMessageID)
        .containsOnly(mailing().messageId(notice()));
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record().attempts()).isEqualTo(1);
    assertThat(events).hasSize(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminder_log", Integer.class)).isEqualTo(1);
  }

  @Test
  void theLoserOfTheCommitPointToAnAttemptStillWaitingForItsAnswerDeliversNothingAndWaits() {
    // B has recorded SUBMITTED and not yet got its 250 when A reaches the commit point
    ReminderDelivery attemptA = mailing(takingAfter(() -> submitted(SENT_AT)));

    assertThatThrownBy(() -> attemptA.deliver(notice())).isInstanceOf(ReminderInProgressException.class);

    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().status()).isEqualTo(ReminderStatus.SUBMITTED);
    assertThat(events).isEmpty();
  }

  @Test
  void aFailureBeforeTheCommitPointLeavesTheReminderSendable() {
    // the commit-point record cannot be written (the database is unreachable): the message is dropped before its
    // ".", so the server delivers nothing; the failure is recorded and the job's retry sends it once
    ReminderDelivery failing = mailing(takingAfter(() -> {
      throw new org.springframework.dao.DataAccessResourceFailureException("database unreachable (simulated)");
    }));

    assertThatThrownBy(() -> failing.deliver(notice())).isInstanceOf(ReminderDeliveryException.class)
        .hasMessageContaining("Gửi thư nhắc việc thất bại");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().status()).isEqualTo(ReminderStatus.FAILED);

    assertThat(mailing().deliver(notice())).isEqualTo(ReminderStatus.SENT);
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(record().status()).isEqualTo(ReminderStatus.SENT);
    assertThat(record().attempts()).isEqualTo(2);
  }

  @Test
  void oneConnectionCarriesTheRemindersOfAThreadAndAStaleOneFailsBeforeTheCommitPoint() throws Exception {
    try (CountingSmtpServer server = new CountingSmtpServer(true)) {
      ReminderDelivery delivery = mailing(server.port());
      // the server drops each connection after one message, as a server does with an idle session: the second
      // reminder finds its reused connection dead at MAIL FROM — before the commit point — and goes out on a new one
      assertThat(delivery.deliver(notice())).isEqualTo(ReminderStatus.SENT);
      ReminderNotice second = new ReminderNotice(ReminderKind.TASK_REMINDER, 1, DUE, SENT_AT, "task-1", "task-1",
          "Tổng hợp thực trạng và dự thảo Kế hoạch", "pi-1", "pi-1", "ke-hoach", "Xây dựng Kế hoạch ứng dụng CNTT",
          "KH-2019", null, "Chuyên viên Sở Thông tin và Truyền thông", "Chuyên viên Sở Thông tin và Truyền thông",
          notice().recipients());
      assertThat(delivery.deliver(second)).isEqualTo(ReminderStatus.SENT);
      delivery.close();

      assertThat(server.messages()).isEqualTo(2);
      assertThat(server.connections()).isEqualTo(2);
    }
    assertThat(jdbc.queryForList("SELECT status FROM reminder_log", String.class)).containsExactly("SENT", "SENT");
    assertThat(jdbc.queryForObject("SELECT SUM(attempts) FROM reminder_log", Integer.class)).isEqualTo(2);
  }

  @Test
  void theRemindersOfOneThreadShareOneConnection() throws Exception {
    try (CountingSmtpServer server = new CountingSmtpServer(false)) {
      ReminderDelivery delivery = mailing(server.port());
      for (int days = 1; days <= 3; days++) {
        assertThat(delivery.deliver(new ReminderNotice(ReminderKind.TASK_REMINDER, days, DUE, SENT_AT, "task-1",
            "task-1", "Tổng hợp", "pi-1", "pi-1", "ke-hoach", null, null, null, "Chuyên viên", "Chuyên viên",
            notice().recipients()))).isEqualTo(ReminderStatus.SENT);
      }
      delivery.close();

      assertThat(server.messages()).isEqualTo(3);
      assertThat(server.connections()).isEqualTo(1);
    }
    assertThat(jdbc.queryForList("SELECT status FROM reminder_log", String.class)).containsOnly("SENT").hasSize(3);
  }

  /**
   * A sequential SMTP server that counts connections and messages; with {@code dropAfterMessage} it closes each
   * connection without a word after one message — what a server does with a session it finds idle for too long.
   */
  private static final class CountingSmtpServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final java.util.concurrent.atomic.AtomicInteger messages = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger connections =
        new java.util.concurrent.atomic.AtomicInteger();
    private final Thread thread = new Thread(this::serve, "counting-smtp");
    private final boolean dropAfterMessage;

    CountingSmtpServer(boolean dropAfterMessage) throws java.io.IOException {
      this.dropAfterMessage = dropAfterMessage;
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int messages() {
      return messages.get();
    }

    int connections() {
      return connections.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (java.net.Socket client = socket.accept();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                java.nio.charset.StandardCharsets.US_ASCII));
            var out = new java.io.PrintWriter(client.getOutputStream(), true)) {
          connections.incrementAndGet();
          out.print("220 counting ESMTP\r\n");
          out.flush();
          boolean inData = false;
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (inData) {
              if (line.equals(".")) {
                messages.incrementAndGet();
                out.print("250 queued\r\n");
                out.flush();
                if (dropAfterMessage) {
                  break; // close without a word
                }
                inData = false;
              }
            } else if (line.toUpperCase(java.util.Locale.ROOT).startsWith("QUIT")) {
              out.print("221 bye\r\n");
              out.flush();
              break;
            } else if (line.toUpperCase(java.util.Locale.ROOT).startsWith("DATA")) {
              inData = true;
              out.print("354 go ahead\r\n");
              out.flush();
            } else {
              out.print("250 ok\r\n");
              out.flush();
            }
          }
        } catch (java.io.IOException closed) {
          // the test's end closes the socket
        }
      }
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  /**
   * An SMTP server that reads a whole message, final "." included, then drops the connection without answering:
   * the moment in which a sender cannot know whether the message was taken.
   */
  private static final class SilentAfterDataServer implements AutoCloseable {
    private final ServerSocket socket = new ServerSocket(0);
    private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread thread = new Thread(this::serve, "silent-smtp");

    SilentAfterDataServer() throws java.io.IOException {
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    int messagesWritten() {
      return written.get();
    }

    private void serve() {
      try (java.net.Socket client = socket.accept();
          var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
              java.nio.charset.StandardCharsets.US_ASCII));
          var out = new java.io.PrintWriter(client.getOutputStream(), true)) {
        out.print("220 silent ESMTP\r\n");
        out.flush();
        boolean inData = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (inData) {
            if (line.equals(".")) {
              written.incrementAndGet();
              return; // close without the 250
            }
          } else if (line.toUpperCase(java.util.Locale.ROOT).startsWith("DATA")) {
            inData = true;
            out.print("354 go ahead\r\n");
            out.flush();
          } else {
            out.print("250 ok\r\n");
            out.flush();
          }
        }
      } catch (java.io.IOException ignored) {
        // the test's end closes the socket
      }
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
    }
  }

  @Test
  void withoutMailServerTheReminderIsLoggedAndRecordedWithChannelLog() {
    ReminderDelivery logOnly = new ReminderDelivery(reminderLog, null, "x@y", "http://localhost:8080", event -> events.add((ReminderSentEvent) event));

    assertThat(logOnly.deliver(notice())).isEqualTo(ReminderStatus.LOGGED);

    ReminderRecord record = record();
    assertThat(record.channel()).isEqualTo(ReminderChannel.LOG);
    assertThat(record.status()).isEqualTo(ReminderStatus.LOGGED);
    assertThat(record.sentAt()).isEqualTo(SENT_AT);
    assertThat(logOnly.deliver(notice())).isEqualTo(ReminderStatus.LOGGED);
    assertThat(record().attempts()).isEqualTo(1);
    assertThat(events).hasSize(1);
  }

  @Test
  void nobodyWithAnAddressIsRecordedAsNoRecipients() {
    assertThat(mailing().deliver(notice(List.of(new Recipient("cv3", "Lê Văn Cư", null)))))
        .isEqualTo(ReminderStatus.NO_RECIPIENTS);

    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(record().status()).isEqualTo(ReminderStatus.NO_RECIPIENTS);
    assertThat(record().sentAt()).isNull();
    assertThat(events).isEmpty();
  }

  @Test
  void recordsAreListedPerProcessInstance() {
    mailing().deliver(notice());

    assertThat(reminderLog.findByProcessInstances(List.of("pi-1"))).hasSize(1);
    assertThat(reminderLog.findByProcessInstances(List.of("pi-2"))).isEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reminder_log", Integer.class)).isEqualTo(1);
  }
}
