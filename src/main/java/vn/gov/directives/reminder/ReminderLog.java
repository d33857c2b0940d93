package vn.gov.directives.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.cluster.NodeIdentity;

/**
 * The {@code reminder_log} table. A record is written only when an attempt takes the reminder — at the mail
 * server's commit point (SUBMITTED), or LOGGED / NO_RECIPIENTS — or fails; those writes run in their own committed
 * transaction (REQUIRES_NEW) so that they survive a rollback of the job that sends: that is what keeps a retried
 * job from sending twice. SENT joins the job's own transaction ({@link #markSent}).
 */
@Repository
public class ReminderLog {

  private static final Logger LOG = LoggerFactory.getLogger(ReminderLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NOTE_LENGTH = 2000;

  /** Camunda's default job lock time, as in application.yaml. */
  public static final Duration DEFAULT_JOB_LOCK_TIME = Duration.ofMinutes(5);

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate ownTransaction;
  private final String nodeId;
  private final Duration jobLockTime;

  public ReminderLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this(jdbc, transactionManager, NodeIdentity.of(null), DEFAULT_JOB_LOCK_TIME.toMillis());
  }

  /**
   * @param jobLockTimeMillis the job executor's lock time: a SUBMITTED claim younger than this may belong to an
   *     attempt that is still running (its job is still locked), so it is neither sent again nor judged UNCERTAIN
   */
  @Autowired
  public ReminderLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, NodeIdentity node,
      @Value("${camunda.bpm.job-execution.lock-time-in-millis:300000}") long jobLockTimeMillis) {
    if (jobLockTimeMillis <= 0) {
      throw new IllegalArgumentException(
          "camunda.bpm.job-execution.lock-time-in-millis must be positive, got " + jobLockTimeMillis);
    }
    this.jdbc = jdbc;
    this.nodeId = node.id();
    this.jobLockTime = Duration.ofMillis(jobLockTimeMillis);
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** When a claim (SUBMITTED) recorded at {@code claimedAt} is one job lock time old: its attempt is then dead. */
  public Instant claimExpiresAt(Instant claimedAt) {
    return claimedAt == null ? null : claimedAt.plus(jobLockTime);
  }

  /** What an attempt finds before it starts: whether, and how, it may send the reminder. */
  public sealed interface Prior {
    /** No record: nobody has handed this reminder over; it may be sent. */
    record Fresh() implements Prior {}

    /**
     * A record of an attempt that never handed the message over — FAILED, or SENDING (written only by releases
     * before the commit-point claim) older than a job lock time: it may be sent; {@code attempts} is what the
     * record said, so that only one attempt can take it over.
     */
    record Resend(long id, int attempts) implements Prior {}

    /** Already sent, logged, uncertain or without recipients: do not send. */
    record AlreadyHandled(long id, ReminderStatus status) implements Prior {}

    /** Found SUBMITTED and older than a job lock time (a crash at the commit point): now UNCERTAIN, not sent. */
    record FoundUncertain(long id) implements Prior {}

    /**
     * SUBMITTED (or SENDING) less than a job lock time ago, by an attempt that may still be waiting for the mail
     * server's answer or for its job's commit — e.g. a node that is slow but alive: do not send, look again later.
     */
    record InProgress(long id, String nodeId, Instant claimedAt) implements Prior {}

    default boolean maySend() {
      return this instanceof Fresh || this instanceof Resend;
    }
  }

  /**
   * What became of this reminder so far, read without locking (in the caller's transaction, if any): nothing is
   * written except when a SUBMITTED record is found dead, which is marked UNCERTAIN (committed at once).
   */
  public Prior prior(ReminderNotice notice, Instant now) {
    Optional<ReminderRecord> found = find(notice.subjectId(), notice.kind(), notice.days(), notice.deadline());
    if (found.isEmpty()) {
      return new Prior.Fresh();
    }
    ReminderRecord record = found.get();
    ReminderStatus status = record.status();
    // a live attempt waits in SUBMITTED for the server's 250 and its job's commit, e.g. on a node so loaded that
    // its job's lock ran out and another node took the job: only an attempt older than the lock time is known dead
    if ((status == ReminderStatus.SENDING || status == ReminderStatus.SUBMITTED) && record.recordedAt() != null
        && record.recordedAt().plus(jobLockTime).isAfter(now)) {
      return new Prior.InProgress(record.id(), record.nodeId(), record.recordedAt());
    }
    if (status.mayBeSent()) {
      return new Prior.Resend(record.id(), record.attempts());
    }
    if (status == ReminderStatus.SUBMITTED) {
      boolean marked = Boolean.TRUE.equals(ownTransaction.execute(tx -> jdbc.update(
          "UPDATE reminder_log SET status = ?, note = ? WHERE id = ? AND status = ? AND attempts = ?",
          ReminderStatus.UNCERTAIN.name(),
          "Lần gửi trước bị gián đoạn đúng lúc máy chủ thư nhận thư, không rõ thư đã đi chưa; không gửi lại để tránh"
              + " gửi trùng (a previous attempt was interrupted at the mail server's commit point; not resent so that"
              + " nobody gets it twice)",
          record.id(), ReminderStatus.SUBMITTED.name(), record.attempts()) == 1));
      if (!marked) {
        // its attempt finished (or another one judged it) meanwhile: look again
        return prior(notice, now);
      }
      return new Prior.FoundUncertain(record.id());
    }
    return new Prior.AlreadyHandled(record.id(), status);
  }

  /**
   * Takes the reminder for this attempt by writing its record with {@code status} — SUBMITTED at the mail server's
   * commit point, or LOGGED / NO_RECIPIENTS — and commits it at once (its own transaction): an insert for a
   * {@link Prior.Fresh} reminder (the unique key lets one attempt win), or the takeover of the FAILED / dead SENDING
   * record of a {@link Prior.Resend} (only if nobody took it since). Returns the record's id, or empty when another
   * attempt was first (or the database could not record it): this attempt must then not send.
   */
  public OptionalLong take(ReminderNotice notice, ReminderChannel channel, Prior prior, ReminderStatus status,
      String messageId, Instant now) {
    try {
      return ownTransaction.execute(tx -> {
        if (prior instanceof Prior.Resend resend) {
          int updated = jdbc.update(
              "UPDATE reminder_log SET status = ?, channel = ?, recipients = ?, audience = ?, recorded_at = ?,"
                  + " attempts = attempts + 1, node_id = ?, message_id = ?, sent_at = ?, note = NULL"
                  + " WHERE id = ? AND status IN (?, ?) AND attempts = ?",
              status.name(), channel.name(), recipientsJson(notice.recipients()), truncate(notice.audience(), 1000),
              offset(now), nodeId, messageId, sentAt(status, now), resend.id(),
              ReminderStatus.FAILED.name(), ReminderStatus.SENDING.name(), resend.attempts());
          return updated == 1 ? OptionalLong.of(resend.id()) : OptionalLong.empty();
        }
        if (!(prior instanceof Prior.Fresh)) {
          throw new IllegalArgumentException("A reminder found " + prior + " may not be sent");
        }
        return OptionalLong.of(insert(notice, channel, status, messageId, 1, null, now));
      });
    } catch (DataAccessException lostOrFailed) {
      // a unique-key violation: another attempt recorded it first; anything else: not recorded, so not sent either
      LOG.debug("Reminder record not taken: {}", lostOrFailed.toString());
      return OptionalLong.empty();
    }
  }

  /**
   * Records a failure before the mail server had the message (nothing delivered): a new FAILED record, or one more
   * attempt on the FAILED / dead SENDING one this attempt found — unless another attempt wrote it meanwhile.
   * Committed at once, so the failure is visible while the job waits for its retry.
   */
  public void recordFailure(ReminderNotice notice, ReminderChannel channel, Prior prior, String reason,
      Instant now) {
    try {
      ownTransaction.executeWithoutResult(tx -> {
        if (prior instanceof Prior.Resend resend) {
          jdbc.update("UPDATE reminder_log SET status = ?, note = ?, recorded_at = ?, attempts = attempts + 1,"
                  + " node_id = ? WHERE id = ? AND status IN (?, ?) AND attempts = ?",
              ReminderStatus.FAILED.name(), truncate(reason, NOTE_LENGTH), offset(now), nodeId, resend.id(),
              ReminderStatus.FAILED.name(), ReminderStatus.SENDING.name(), resend.attempts());
        } else {
          insert(notice, channel, ReminderStatus.FAILED, null, 1, truncate(reason, NOTE_LENGTH), now);
        }
      });
    } catch (DataAccessException e) {
      // another attempt recorded it first (or the database is down too): the job's retry looks again
      LOG.debug("Failure of reminder {} not recorded: {}", notice.subjectId(), e.toString());
    }
  }

  private long insert(ReminderNotice notice, ReminderChannel channel, ReminderStatus status, String messageId,
      int attempts, String note, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement(
          "INSERT INTO reminder_log (subject_id, kind, days_offset, deadline, task_id, task_name,"
              + " process_instance_id, root_process_instance_id, process_definition_key, business_key, audience,"
              + " recipients, channel, status, scheduled_for, recorded_at, attempts, node_id, message_id, sent_at,"
              + " note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          new String[] {"id"});
      int i = 1;
      ps.setString(i++, notice.subjectId());
      ps.setString(i++, notice.kind().name());
      ps.setInt(i++, notice.days());
      ps.setObject(i++, offset(notice.deadline()));
      ps.setString(i++, notice.taskId());
      ps.setString(i++, truncate(notice.taskName(), 1000));
      ps.setString(i++, notice.processInstanceId());
      ps.setString(i++, notice.rootProcessInstanceId());
      ps.setString(i++, notice.processDefinitionKey());
      ps.setString(i++, truncate(notice.businessKey(), 255));
      ps.setString(i++, truncate(notice.audience(), 1000));
      ps.setString(i++, recipientsJson(notice.recipients()));
      ps.setString(i++, channel.name());
      ps.setString(i++, status.name());
      ps.setObject(i++, offset(notice.scheduledFor()));
      ps.setObject(i++, offset(now));
      ps.setInt(i++, attempts);
      ps.setString(i++, nodeId);
      ps.setString(i++, messageId);
      ps.setObject(i++, sentAt(status, now));
      ps.setString(i, note);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * Records that the mail server accepted a SUBMITTED reminder: SENT, in the caller's transaction — the reminder
   * job's own, so that no commit of its own is needed. Should that transaction roll back (an optimistic-locking
   * conflict, a later failure of the job), the same is recorded in a transaction of its own right after the
   * rollback; only a process that dies before its job commits leaves the record SUBMITTED (UNCERTAIN later).
   * Without a transaction (or synchronisation) it is committed at once. A record another attempt already judged
   * stays as it is.
   */
  public void markSent(long id, String messageId, Instant at) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      if (!markDone(id, ReminderStatus.SENT, messageId, at)) {
        LOG.warn("Reminder record {} was accepted by the mail server after another attempt had already judged it"
            + " (UNCERTAIN); left as it is", id);
      }
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          LOG.info("The job that sent reminder record {} rolled back after the mail server accepted it;"
              + " recording SENT on its own", id);
          markDone(id, ReminderStatus.SENT, messageId, at);
        }
      }
    });
    jdbc.update(MARK_DONE, ReminderStatus.SENT.name(), messageId, offset(at), id, ReminderStatus.SENDING.name(),
        ReminderStatus.SUBMITTED.name());
  }

  private static final String MARK_DONE = "UPDATE reminder_log SET status = ?, message_id = ?, sent_at = ?,"
      + " note = NULL WHERE id = ? AND status IN (?, ?)";

  /**
   * Records the outcome of a claimed reminder: SENT, LOGGED or NO_RECIPIENTS. Only a claim still in flight
   * (SENDING or SUBMITTED) is finished: a record another attempt already judged UNCERTAIN (or finished) stays as
   * it is, so the log never claims more certainty than it had. Returns whether the record was updated.
   */
  public boolean markDone(long id, ReminderStatus status, String messageId, Instant at) {
    Integer updated = ownTransaction.execute(tx -> jdbc.update(MARK_DONE,
        status.name(), messageId,
        status == ReminderStatus.NO_RECIPIENTS ? null : offset(at), id,
        ReminderStatus.SENDING.name(), ReminderStatus.SUBMITTED.name()));
    return updated != null && updated > 0;
  }

  /** Records that the mail server refused a SUBMITTED message (nothing delivered): a later attempt may send it. */
  public void markFailed(long id, String reason) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE reminder_log SET status = ?, note = ? WHERE id = ? AND status IN (?, ?)",
        ReminderStatus.FAILED.name(), truncate(reason, NOTE_LENGTH), id, ReminderStatus.SENDING.name(),
        ReminderStatus.SUBMITTED.name()));
  }

  /** Records that the connection broke after the final ".": the message may have gone out; never resent. */
  public void markUncertain(long id, String reason) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE reminder_log SET status = ?, note = ? WHERE id = ? AND status = ?",
        ReminderStatus.UNCERTAIN.name(), truncate("Mất kết nối ngay sau khi gửi thư, không rõ máy chủ thư đã nhận"
            + " chưa; không gửi lại để tránh gửi trùng (" + reason + ")", NOTE_LENGTH), id,
        ReminderStatus.SUBMITTED.name()));
  }

  public Optional<ReminderRecord> find(String subjectId, ReminderKind kind, int days, Instant deadline) {
    return jdbc.query(
        "SELECT * FROM reminder_log WHERE subject_id = ? AND kind = ? AND days_offset = ? AND deadline = ?",
        this::map, subjectId, kind.name(), days, offset(ReminderSchedule.seconds(deadline)))
        .stream().findFirst();
  }

  /** The records of the given process instances, oldest first. */
  public List<ReminderRecord> findByProcessInstances(Collection<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Collections.emptyList();
    }
    return named.query(
        "SELECT * FROM reminder_log WHERE process_instance_id IN (:ids) ORDER BY recorded_at, id",
        new MapSqlParameterSource("ids", processInstanceIds), this::map);
  }

  private ReminderRecord map(ResultSet rs, int row) throws SQLException {
    return new ReminderRecord(
        rs.getLong("id"),
        ReminderKind.valueOf(rs.getString("kind")),
        rs.getInt("days_offset"),
        instant(rs, "deadline"),
        rs.getString("task_id"),
        rs.getString("task_name"),
        rs.getString("process_instance_id"),
        rs.getString("business_key"),
        rs.getString("audience"),
        recipients(rs.getString("recipients")),
        ReminderChannel.valueOf(rs.getString("channel")),
        ReminderStatus.valueOf(rs.getString("status")),
        instant(rs, "scheduled_for"),
        instant(rs, "recorded_at"),
        instant(rs, "sent_at"),
        rs.getString("message_id"),
        rs.getInt("attempts"),
        rs.getString("note"),
        rs.getString("node_id"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime sentAt(ReminderStatus status, Instant now) {
    return status == ReminderStatus.LOGGED || status == ReminderStatus.SENT ? offset(now) : null;
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atZone(VietnamTime.ZONE).toOffsetDateTime();
  }

  private static String recipientsJson(List<Recipient> recipients) {
    try {
      String json = JSON.writeValueAsString(recipients);
      if (json.length() > 8000) {
        // keep the record valid JSON: drop names first, they are the longest part
        json = JSON.writeValueAsString(
            recipients.stream().map(r -> new Recipient(r.userId(), null, r.email())).toList());
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write recipients as JSON", e);
    }
  }

  private static List<Recipient> recipients(String json) {
    try {
      return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<Recipient>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("reminder_log.recipients is not valid JSON: " + json, e);
    }
  }

  private static String truncate(String value, int length) {
    return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
  }
}
