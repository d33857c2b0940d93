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
    // e.g. a job run again by a second node after its lock expired: the claim (SELECT ... FOR UPDATE, unique key)
    // lets exactly one of them send
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
          // found the winner's claim still SENDING: this job fails and is retried later
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
  void aReminderClaimedLessThanAJobLockTimeAgoIsLeftToThatAttemptAndRetriedLater() {
    // e.g. a node that is slow but alive, whose job another node took over: its claim may still be sending
    long id = ((ReminderLog.Claim.Granted) reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT)).id();
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
    reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT);

    ClockUtil.setCurrentTime(Date.from(SENT_AT.plusSeconds(14)));
    assertThatThrownBy(() -> onNodeB.deliver(notice())).isInstanceOf(ReminderInProgressException.class);
    ClockUtil.setCurrentTime(Date.from(SENT_AT.plusSeconds(15)));
    assertThat(onNodeB.deliver(notice())).isEqualTo(ReminderStatus.SENT);

    assertThat(greenMail.getReceivedMessages()).hasSize(2);
    assertThat(record().nodeId()).isEqualTo("node-b");
    assertThatThrownBy(() -> new ReminderLog(jdbc, new DataSourceTransactionManager(dataSource),
        new vn.gov.directives.cluster.NodeIdentity("node-b"), 0))
        .hasMessageContaining("lock-time-in-millis must be positive");
  }

  @Test
  void aLateAcceptanceDoesNotTurnUncertainIntoSent() {
    // attempt 1 handed the message over and stalled; attempt 2 (after the lock time) judged it UNCERTAIN; then
    // attempt 1's 250 arrives
    long id = ((ReminderLog.Claim.Granted) reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT)).id();
    reminderLog.markSubmitted(id);
    assertThat(reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT.plus(ReminderLog.DEFAULT_JOB_LOCK_TIME)))
        .isInstanceOf(ReminderLog.Claim.FoundUncertain.class);

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
  void aReminderLeftSendingByACrashBeforeTheServerHadItIsSentOnce() {
    // a crash after claiming, before the final "." of DATA: the server discarded the message, nobody got it
    ReminderLog.Claim claim = reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT);
    assertThat(claim).isInstanceOf(ReminderLog.Claim.Granted.class);
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
    ReminderLog.Claim claim = reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT);
    reminderLog.markSubmitted(((ReminderLog.Claim.Granted) claim).id());
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
    long id = ((ReminderLog.Claim.Granted) reminderLog.claim(notice(), ReminderChannel.MAIL, SENT_AT)).id();
    reminderLog.markSubmitted(id);
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
