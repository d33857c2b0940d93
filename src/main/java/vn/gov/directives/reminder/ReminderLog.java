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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.cluster.NodeIdentity;

/**
 * The {@code reminder_log} table. Every write runs in its own committed transaction (REQUIRES_NEW) so that what
 * was claimed or sent survives a rollback of the job that sends it: that is what keeps a retried job from sending
 * twice.
 */
@Repository
public class ReminderLog {

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
   * @param jobLockTimeMillis the job executor's lock time: a SENDING claim younger than this may belong to an attempt
   *     that is still running (its job is still locked), so it is not sent again
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

  /** The outcome of trying to claim a reminder for sending. */
  public sealed interface Claim {
    /** This caller may send: a new row, or one left FAILED or SENDING (nothing handed over); the row is SENDING. */
    record Granted(long id) implements Claim {}

    /** Already sent, logged, uncertain or without recipients: do not send. */
    record AlreadyHandled(long id, ReminderStatus status) implements Claim {}

    /** Found SUBMITTED (a crash at the mail server's commit point): now marked UNCERTAIN, not sent again. */
    record FoundUncertain(long id) implements Claim {}

    /**
     * Claimed (SENDING or SUBMITTED) less than a job lock time ago, by another execution that may still be sending — e.g. a
     * node that is slow but alive, or a concurrent claim of the same reminder: do not send now, try again later.
     */
    record InProgress(long id, String nodeId, Instant claimedAt) implements Claim {}
  }

  /**
   * Claims a reminder for this node: a new row SENDING, or a FAILED row, or a SENDING row older than the job lock
   * time (an attempt that died before handing the message over) back to SENDING. Committed before anything is
   * sent. The row lock serialises concurrent claims. A SENDING row younger than the lock time is {@link
   * Claim.InProgress}: its attempt may still be running (the SMTP time-outs keep a live attempt well within the
   * lock time), and only once that time has passed is it certain that the attempt is dead.
   */
  public Claim claim(ReminderNotice notice, ReminderChannel channel, Instant now) {
    try {
      return ownTransaction.execute(status -> claimInTransaction(notice, channel, now));
    } catch (DuplicateKeyException concurrentClaim) {
      // another job claimed the same reminder between our select and insert: it is sending it now, or has sent it
      return find(notice.subjectId(), notice.kind(), notice.days(), notice.deadline())
          .<Claim>map(record -> record.status() == ReminderStatus.SENDING
              || record.status() == ReminderStatus.SUBMITTED
              ? new Claim.InProgress(record.id(), record.nodeId(), record.recordedAt())
              : new Claim.AlreadyHandled(record.id(), record.status()))
          .orElseThrow(() -> concurrentClaim);
    }
  }

  private Claim claimInTransaction(ReminderNotice notice, ReminderChannel channel, Instant now) {
    record Existing(long id, ReminderStatus status, String nodeId, Instant claimedAt) {}
    List<Existing> rows = jdbc.query(
        "SELECT id, status, node_id, recorded_at FROM reminder_log WHERE subject_id = ? AND kind = ?"
            + " AND days_offset = ? AND deadline = ? FOR UPDATE",
        (rs, i) -> new Existing(rs.getLong(1), ReminderStatus.valueOf(rs.getString(2)), rs.getString(3),
            instant(rs, "recorded_at")),
        notice.subjectId(), notice.kind().name(), notice.days(), offset(notice.deadline()));
    if (rows.isEmpty()) {
      return new Claim.Granted(insert(notice, channel, now));
    }
    Existing existing = rows.get(0);
    long id = existing.id();
    ReminderStatus status = existing.status();
    // SUBMITTED too: a live attempt waits there for the server's 250, e.g. on a node so loaded that its job's lock
    // ran out and another node took the job; only an attempt older than the lock time is known dead
    if ((status == ReminderStatus.SENDING || status == ReminderStatus.SUBMITTED) && existing.claimedAt() != null
        && existing.claimedAt().plus(jobLockTime).isAfter(now)) {
      return new Claim.InProgress(id, existing.nodeId(), existing.claimedAt());
    }
    if (status.mayBeSent()) {
      jdbc.update(
          "UPDATE reminder_log SET status = ?, channel = ?, recipients = ?, audience = ?, recorded_at = ?,"
              + " attempts = attempts + 1, node_id = ? WHERE id = ?",
          ReminderStatus.SENDING.name(), channel.name(), recipientsJson(notice.recipients()),
          truncate(notice.audience(), 1000), offset(now), nodeId, id);
      return new Claim.Granted(id);
    }
    if (status == ReminderStatus.SUBMITTED) {
      jdbc.update(
          "UPDATE reminder_log SET status = ?, note = ? WHERE id = ?",
          ReminderStatus.UNCERTAIN.name(),
          "Lần gửi trước bị gián đoạn đúng lúc máy chủ thư nhận thư, không rõ thư đã đi chưa; không gửi lại để tránh"
              + " gửi trùng (a previous attempt was interrupted at the mail server's commit point; not resent so that"
              + " nobody gets it twice)",
          id);
      return new Claim.FoundUncertain(id);
    }
    return new Claim.AlreadyHandled(id, status);
  }

  private long insert(ReminderNotice notice, ReminderChannel channel, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      PreparedStatement ps = connection.prepareStatement(
          "INSERT INTO reminder_log (subject_id, kind, days_offset, deadline, task_id, task_name,"
              + " process_instance_id, root_process_instance_id, process_definition_key, business_key, audience,"
              + " recipients, channel, status, scheduled_for, recorded_at, attempts, node_id)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
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
      ps.setString(i++, ReminderStatus.SENDING.name());
      ps.setObject(i++, offset(notice.scheduledFor()));
      ps.setObject(i++, offset(now));
      ps.setString(i, nodeId);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * Records the outcome of a claimed reminder: SENT, LOGGED or NO_RECIPIENTS. Only a claim still in flight
   * (SENDING or SUBMITTED) is finished: a record another attempt already judged UNCERTAIN (or finished) stays as
   * it is, so the log never claims more certainty than it had. Returns whether the record was updated.
   */
  public boolean markDone(long id, ReminderStatus status, String messageId, Instant at) {
    Integer updated = ownTransaction.execute(tx -> jdbc.update(
        "UPDATE reminder_log SET status = ?, message_id = ?, sent_at = ?, note = NULL WHERE id = ?"
            + " AND status IN (?, ?)",
        status.name(), messageId,
        status == ReminderStatus.NO_RECIPIENTS ? null : offset(at), id,
        ReminderStatus.SENDING.name(), ReminderStatus.SUBMITTED.name()));
    return updated != null && updated > 0;
  }

  /** Records that the whole message is with the mail server and only its final "." is missing. */
  public void markSubmitted(long id) {
    ownTransaction.executeWithoutResult(tx -> jdbc.update(
        "UPDATE reminder_log SET status = ? WHERE id = ? AND status = ?",
        ReminderStatus.SUBMITTED.name(), id, ReminderStatus.SENDING.name()));
  }

  /** Records that sending failed before the mail server took the message: a later attempt of the job may send it. */
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
