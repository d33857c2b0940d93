package vn.gov.directives.regulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table regulation_opinion: each opinion its own row, written in the engine's transaction. */
@Repository
public class OpinionRepository {

  private final JdbcTemplate jdbc;

  public OpinionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String processInstanceId, int sortGroup, int seq, Opinion.Kind kind, String authorCode,
      String authorName, String comments, String recordedBy, Instant at) {
    jdbc.update("INSERT INTO regulation_opinion (id, process_instance_id, sort_group, seq, source, author_code, "
            + "author_name, opinion, comments, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), processInstanceId, sortGroup, seq,
        sortGroup == Opinion.PUBLIC ? "PUBLIC" : "PARTNER", authorCode, authorName, kind.code(), comments,
        recordedBy, Timestamp.from(at));
  }

  /** Every opinion of the draft: partners in the order consulted, then public comments as entered. */
  public List<Opinion> list(String processInstanceId) {
    return jdbc.query("SELECT * FROM regulation_opinion WHERE process_instance_id = ? ORDER BY sort_group, seq",
        (rs, row) -> new Opinion(rs.getString("id"), rs.getInt("sort_group"), rs.getInt("seq"),
            Opinion.Kind.parse(rs.getString("opinion")), rs.getString("author_code"), rs.getString("author_name"),
            rs.getString("comments"), Opinion.Answer.parse(rs.getString("answer")), rs.getString("answer_text"),
            rs.getTimestamp("recorded_at").toInstant()), processInstanceId);
  }

  public void answer(String opinionId, Opinion.Answer answer, String text) {
    jdbc.update("UPDATE regulation_opinion SET answer = ?, answer_text = ? WHERE id = ?", answer.code(), text,
        opinionId);
  }

  /** Public comments are entered as one list: entering them again replaces the earlier entry. */
  public void deletePublic(String processInstanceId) {
    jdbc.update("DELETE FROM regulation_opinion WHERE process_instance_id = ? AND sort_group = ?", processInstanceId,
        Opinion.PUBLIC);
  }
}
