package vn.gov.directives.ranking;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The ranking tables (V7__it_ranking.sql), written in the engine's transaction: a refused step leaves nothing. */
@Repository
public class RankingRepository {

  public enum RoundStatus { SCORING, OBJECTIONS, SUBMITTED, PUBLISHED, REJECTED }

  public record Round(String processInstanceId, int year, RoundStatus status, String levelsVersion,
      String decisionNumber, LocalDate decisionDate, String decisionDocumentId, Instant publishedAt) {}

  /** One ranked unit's row. */
  public record Unit(String code, String name, UnitGroup group, int position, String selfStatus, String selfAssessedBy,
      String reviewStatus, String reviewReason, BigDecimal score, String level, Integer rank, String objection,
      String objectionOutcome, String objectionAnswer) {}

  private final JdbcTemplate jdbc;

  public RankingRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insertRound(String processInstanceId, int year, Instant at) {
    jdbc.update("INSERT INTO ranking_round (process_instance_id, ranking_year, status, created_at) VALUES (?, ?, ?, ?)",
        processInstanceId, year, RoundStatus.SCORING.name(), Timestamp.from(at));
  }

  public Optional<Round> round(String processInstanceId) {
    return jdbc.query("SELECT * FROM ranking_round WHERE process_instance_id = ?", this::mapRound, processInstanceId)
        .stream().findFirst();
  }

  /** Every round of a year, newest first. */
  public List<Round> rounds(int year) {
    return jdbc.query("SELECT * FROM ranking_round WHERE ranking_year = ? ORDER BY created_at DESC", this::mapRound, year);
  }

  public Optional<Round> latestPublished(int year) {
    return jdbc.query("SELECT * FROM ranking_round WHERE ranking_year = ? AND status = ? ORDER BY published_at DESC",
        this::mapRound, year, RoundStatus.PUBLISHED.name()).stream().findFirst();
  }

  public void status(String processInstanceId, RoundStatus status) {
    jdbc.update("UPDATE ranking_round SET status = ? WHERE process_instance_id = ?", status.name(), processInstanceId);
  }

  public void levelsVersion(String processInstanceId, String version) {
    jdbc.update("UPDATE ranking_round SET levels_version = ? WHERE process_instance_id = ?", version, processInstanceId);
  }

  public void publish(String processInstanceId, String decisionNumber, LocalDate decisionDate, String documentId,
      Instant at) {
    jdbc.update("UPDATE ranking_round SET status = ?, decision_number = ?, decision_date = ?, decision_document = ?,"
            + " published_at = ? WHERE process_instance_id = ?", RoundStatus.PUBLISHED.name(), decisionNumber,
        java.sql.Date.valueOf(decisionDate), documentId, Timestamp.from(at), processInstanceId);
  }

  public void addUnit(String processInstanceId, String code, String name, UnitGroup group, int position) {
    jdbc.update("INSERT INTO ranking_unit (process_instance_id, unit_code, unit_name, unit_group, position, self_status,"
        + " review_status) VALUES (?, ?, ?, ?, ?, 'PENDING', 'PENDING')", processInstanceId, code, name, group.name(),
        position);
  }

  public List<Unit> units(String processInstanceId) {
    return jdbc.query("SELECT * FROM ranking_unit WHERE process_instance_id = ? ORDER BY position",
        (rs, row) -> unit(rs), processInstanceId);
  }

  public Unit unit(String processInstanceId, String code) {
    return jdbc.query("SELECT * FROM ranking_unit WHERE process_instance_id = ? AND unit_code = ?",
            (rs, row) -> unit(rs), processInstanceId, code).stream().findFirst()
        .orElseThrow(() -> new IllegalStateException("Đơn vị " + code + " không thuộc kỳ xếp hạng này."));
  }

  /** @throws IllegalStateException when the unit has already sent its self-assessment */
  public void saveSelfAssessment(String processInstanceId, String code, String user, Instant at, ScoreSheet sheet,
      Map<Integer, String> evidence) {
    int updated = jdbc.update("UPDATE ranking_unit SET self_status = 'SUBMITTED', self_assessed_by = ?,"
            + " self_assessed_at = ? WHERE process_instance_id = ? AND unit_code = ? AND self_status = 'PENDING'",
        user, Timestamp.from(at), processInstanceId, code);
    if (updated != 1) {
      throw new IllegalStateException("Đơn vị " + code + " đã gửi kết quả tự đánh giá cho kỳ xếp hạng này.");
    }
    sheet.points().forEach((criterion, points) -> jdbc.update("INSERT INTO ranking_score (process_instance_id,"
        + " unit_code, criterion, self_points) VALUES (?, ?, ?, ?)", processInstanceId, code, criterion, points));
    evidence.forEach((group, note) -> jdbc.update("INSERT INTO ranking_evidence (process_instance_id, unit_code,"
        + " criteria_group, note) VALUES (?, ?, ?, ?)", processInstanceId, code, group, note));
  }

  public void markSelfAssessmentMissing(String processInstanceId, String code) {
    jdbc.update("UPDATE ranking_unit SET self_status = 'MISSING' WHERE process_instance_id = ? AND unit_code = ?"
        + " AND self_status = 'PENDING'", processInstanceId, code);
  }

  public Optional<ScoreSheet> selfScores(String processInstanceId, String code) {
    return sheet(processInstanceId, code, "self_points");
  }

  public Optional<ScoreSheet> reviewedScores(String processInstanceId, String code) {
    return sheet(processInstanceId, code, "reviewed_points");
  }

  public Map<Integer, String> evidence(String processInstanceId, String code) {
    Map<Integer, String> notes = new LinkedHashMap<>();
    jdbc.query("SELECT criteria_group, note FROM ranking_evidence WHERE process_instance_id = ? AND unit_code = ?"
            + " ORDER BY criteria_group", rs -> {
          notes.put(rs.getInt(1), rs.getString(2));
        }, processInstanceId, code);
    return notes;
  }

  /** Sở TT&TT's review: ACCEPTED or ADJUSTED, with the reviewed points of every criterion. */
  public void saveReview(String processInstanceId, String code, String status, String reason, String user,
      Instant at, ScoreSheet reviewed) {
    jdbc.update("UPDATE ranking_unit SET review_status = ?, review_reason = ?, reviewed_by = ?, reviewed_at = ?"
        + " WHERE process_instance_id = ? AND unit_code = ?", status, reason, user, Timestamp.from(at),
        processInstanceId, code);
    saveReviewedPoints(processInstanceId, code, reviewed);
  }

  public void saveReviewedPoints(String processInstanceId, String code, ScoreSheet reviewed) {
    reviewed.points().forEach((criterion, points) -> {
      int updated = jdbc.update("UPDATE ranking_score SET reviewed_points = ? WHERE process_instance_id = ?"
          + " AND unit_code = ? AND criterion = ?", points, processInstanceId, code, criterion);
      if (updated == 0) {
        jdbc.update("INSERT INTO ranking_score (process_instance_id, unit_code, criterion, reviewed_points)"
            + " VALUES (?, ?, ?, ?)", processInstanceId, code, criterion, points);
      }
    });
  }

  public void saveResult(String processInstanceId, RankedUnit unit) {
    jdbc.update("UPDATE ranking_unit SET score = ?, level_name = ?, unit_rank = ? WHERE process_instance_id = ?"
        + " AND unit_code = ?", unit.score(), unit.level(), unit.rank() == 0 ? null : unit.rank(), processInstanceId,
        unit.code());
  }

  public void saveObjection(String processInstanceId, String code, String objection) {
    jdbc.update("UPDATE ranking_unit SET objection = ? WHERE process_instance_id = ? AND unit_code = ?", objection,
        processInstanceId, code);
  }

  public void saveObjectionOutcome(String processInstanceId, String code, String outcome, String answer) {
    jdbc.update("UPDATE ranking_unit SET objection_outcome = ?, objection_answer = ? WHERE process_instance_id = ?"
        + " AND unit_code = ?", outcome, answer, processInstanceId, code);
  }

  private Optional<ScoreSheet> sheet(String processInstanceId, String code, String column) {
    Map<String, BigDecimal> points = new LinkedHashMap<>();
    jdbc.query("SELECT criterion, " + column + " FROM ranking_score WHERE process_instance_id = ? AND unit_code = ?"
        + " AND " + column + " IS NOT NULL", rs -> {
          points.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
        }, processInstanceId, code);
    if (points.size() != RankingCriteria.CRITERIA.size()) {
      return Optional.empty();
    }
    Map<String, BigDecimal> ordered = new LinkedHashMap<>();
    RankingCriteria.CRITERIA.forEach(c -> ordered.put(c.key(), points.get(c.key())));
    return Optional.of(new ScoreSheet(ordered));
  }

  private Round mapRound(ResultSet rs, int row) throws SQLException {
    java.sql.Date date = rs.getDate("decision_date");
    Timestamp published = rs.getTimestamp("published_at");
    return new Round(rs.getString("process_instance_id"), rs.getInt("ranking_year"),
        RoundStatus.valueOf(rs.getString("status")), rs.getString("levels_version"), rs.getString("decision_number"),
        date == null ? null : date.toLocalDate(), rs.getString("decision_document"),
        published == null ? null : published.toInstant());
  }

  private Unit unit(ResultSet rs) throws SQLException {
    Integer rank = rs.getObject("unit_rank") == null ? null : rs.getInt("unit_rank");
    return new Unit(rs.getString("unit_code"), rs.getString("unit_name"), UnitGroup.valueOf(rs.getString("unit_group")),
        rs.getInt("position"), rs.getString("self_status"), rs.getString("self_assessed_by"),
        rs.getString("review_status"), rs.getString("review_reason"), rs.getBigDecimal("score"),
        rs.getString("level_name"), rank, rs.getString("objection"),
        rs.getString("objection_outcome"), rs.getString("objection_answer"));
  }
}
