package vn.gov.directives.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Notices and their tracking rows (V4__notices.sql), in the caller's transaction. */
@Repository
public class NoticeRepository {

  private static final String LEAD_SELECT = """
      SELECT l.id, l.notice_id, n.number, n.issued_on, l.assignment_code, a.kind, a.title, a.urgent, a.deadline,
             a.partners, l.lead_code, l.process_instance_id, l.due_on, l.due_at, l.status, l.completed_at,
             l.extension_requested
        FROM notice_assignment_lead l
        JOIN notice_assignment a ON a.notice_id = l.notice_id AND a.code = l.assignment_code
        JOIN notice n ON n.id = l.notice_id
      """;

  private final JdbcTemplate jdbc;

  public NoticeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the notice, its assignments and one tracking row per lead, in order.
   *
   * @param dueAt end of an assignment deadline in working-day terms
   * @return the stored notice's id
   */
  public String insert(NoticeRequest request, String createdBy, Instant now, Function<LocalDate, Date> dueAt) {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        INSERT INTO notice (id, number, issuer, notice_year, issued_on, meeting_date, signer, title, status,
                            created_at, created_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, request.number(), request.issuer(), request.year(), request.issuedOn(), request.meetingDate(),
        request.signer(), request.title(), NoticeRecord.OPEN, utc(now), createdBy);
    int assignmentPosition = 0;
    int leadPosition = 0;
    for (NoticeRequest.Assignment assignment : request.assignments()) {
      jdbc.update("""
          INSERT INTO notice_assignment (notice_id, code, position, kind, title, urgent, deadline, partners)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
          id, assignment.code(), assignmentPosition++, assignment.kind().code(), assignment.title(),
          assignment.urgent(), assignment.deadline(), String.join(",", assignment.partners()));
      Instant due = assignment.deadline() == null ? null : dueAt.apply(assignment.deadline()).toInstant();
      for (String lead : assignment.leads()) {
        jdbc.update("""
            INSERT INTO notice_assignment_lead (id, notice_id, assignment_code, lead_code, position, due_on, due_at,
                                                status, extension_requested, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            UUID.randomUUID().toString(), id, assignment.code(), lead, leadPosition++, assignment.deadline(),
            utc(due), TrackedLead.IN_PROGRESS, false, utc(now));
      }
    }
    return id;
  }

  public Optional<NoticeRecord> findByNumber(String issuer, String number, int year) {
    return jdbc.query("SELECT * FROM notice WHERE issuer = ? AND number = ? AND notice_year = ?",
        NoticeRepository::notice, issuer, number, year).stream().findFirst();
  }

  /** The earliest notice of that issuer and number registered by a user, whatever its year. */
  public Optional<NoticeRecord> findRegisteredBy(String issuer, String number, String createdBy) {
    return jdbc.query("SELECT * FROM notice WHERE issuer = ? AND number = ? AND created_by = ? ORDER BY created_at",
        NoticeRepository::notice, issuer, number, createdBy).stream().findFirst();
  }

  /** Tracking rows of every notice with that number (any issuer, any year), newest notice first. */
  public List<TrackedLead> leadsOfNumber(String number) {
    return jdbc.query(LEAD_SELECT + " WHERE n.number = ? ORDER BY n.issued_on DESC, n.created_at DESC, l.position",
        NoticeRepository::lead, number);
  }

  public Optional<NoticeRecord> find(String id) {
    return jdbc.query("SELECT * FROM notice WHERE id = ?", NoticeRepository::notice, id).stream().findFirst();
  }

  /** Newest first. */
  public List<NoticeRecord> list() {
    return jdbc.query("SELECT * FROM notice ORDER BY issued_on DESC, created_at DESC", NoticeRepository::notice);
  }

  public List<TrackedLead> leads(String noticeId) {
    return jdbc.query(LEAD_SELECT + " WHERE l.notice_id = ? ORDER BY l.position", NoticeRepository::lead, noticeId);
  }

  public Optional<TrackedLead> lead(String leadId) {
    return jdbc.query(LEAD_SELECT + " WHERE l.id = ?", NoticeRepository::lead, leadId).stream().findFirst();
  }

  public void setProcessInstance(String noticeId, String processInstanceId) {
    jdbc.update("UPDATE notice SET process_instance_id = ? WHERE id = ?", processInstanceId, noticeId);
  }

  public void setLeadProcessInstance(String leadId, String processInstanceId) {
    jdbc.update("UPDATE notice_assignment_lead SET process_instance_id = ? WHERE id = ?", processInstanceId, leadId);
  }

  public void setLeadProcessInstanceIfMissing(String leadId, String processInstanceId) {
    jdbc.update("UPDATE notice_assignment_lead SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL",
        processInstanceId, leadId);
  }

  public void close(String noticeId, Instant at) {
    jdbc.update("UPDATE notice SET status = ?, closed_at = ? WHERE id = ?", NoticeRecord.CLOSED, utc(at), noticeId);
  }

  /**
   * Ends a lead's assignment: {@link TrackedLead#COMPLETED}, or {@link TrackedLead#REJECTED} when UBND tỉnh did not
   * approve its result.
   *
   * @return false when no such tracking row exists
   */
  public boolean completeLead(String leadId, String endStatus, Instant at) {
    return jdbc.update("""
        UPDATE notice_assignment_lead SET status = ?, completed_at = ?, extension_requested = ?, updated_at = ?
         WHERE id = ?""", endStatus, utc(at), false, utc(at), leadId) > 0;
  }

  public boolean reopenLead(String leadId, Instant at) {
    return jdbc.update("""
        UPDATE notice_assignment_lead SET status = ?, completed_at = NULL, updated_at = ? WHERE id = ?""",
        TrackedLead.IN_PROGRESS, utc(at), leadId) > 0;
  }

  public boolean setExtensionRequested(String leadId, boolean requested, Instant at) {
    return jdbc.update("UPDATE notice_assignment_lead SET extension_requested = ?, updated_at = ? WHERE id = ?",
        requested, utc(at), leadId) > 0;
  }

  public boolean extendLead(String leadId, LocalDate newDeadline, Instant newDueAt, Instant at) {
    return jdbc.update("""
        UPDATE notice_assignment_lead SET due_on = ?, due_at = ?, extension_requested = ?, updated_at = ?
         WHERE id = ?""", newDeadline, utc(newDueAt), false, utc(at), leadId) > 0;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  private static NoticeRecord notice(ResultSet rs, int row) throws SQLException {
    return new NoticeRecord(rs.getString("id"), rs.getString("number"), rs.getString("issuer"),
        rs.getInt("notice_year"), date(rs, "issued_on"), date(rs, "meeting_date"), rs.getString("signer"),
        rs.getString("title"), rs.getString("process_instance_id"), rs.getString("status"),
        instant(rs, "created_at"), rs.getString("created_by"));
  }

  private static TrackedLead lead(ResultSet rs, int row) throws SQLException {
    String partners = rs.getString("partners");
    return new TrackedLead(rs.getString("id"), rs.getString("notice_id"), rs.getString("number"),
        date(rs, "issued_on"), rs.getString("assignment_code"),
        AssignmentKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getString("title"), rs.getBoolean("urgent"),
        date(rs, "deadline"), partners == null || partners.isEmpty() ? List.of() : Arrays.asList(partners.split(",")),
        rs.getString("lead_code"), rs.getString("process_instance_id"), date(rs, "due_on"), instant(rs, "due_at"),
        rs.getString("status"), instant(rs, "completed_at"), rs.getBoolean("extension_requested"));
  }
}
