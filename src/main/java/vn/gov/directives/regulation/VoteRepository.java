package vn.gov.directives.regulation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.gov.directives.organization.CommitteeMember;

/** Table regulation_vote: one row per member and vote round, written by that member's task only. */
@Repository
public class VoteRepository {

  private final JdbcTemplate jdbc;

  public VoteRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String processInstanceId, int round, CommitteeMember member, MemberVote vote, Instant at) {
    jdbc.update("INSERT INTO regulation_vote (process_instance_id, vote_round, member_user_id, member_name, "
            + "member_title, vote, opinion, voted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", processInstanceId, round,
        member.userId(), member.name(), member.title(), vote.choice().code(), vote.opinion(), Timestamp.from(at));
  }

  /** The votes of a round by member user id. */
  public Map<String, MemberVote> votes(String processInstanceId, int round) {
    Map<String, MemberVote> votes = new LinkedHashMap<>();
    jdbc.query("SELECT member_user_id, vote, opinion FROM regulation_vote WHERE process_instance_id = ? "
        + "AND vote_round = ? ORDER BY voted_at", rs -> {
          votes.put(rs.getString("member_user_id"), new MemberVote(rs.getString("member_user_id"),
              MemberVote.Choice.parse(rs.getString("vote")), rs.getString("opinion")));
        }, processInstanceId, round);
    return votes;
  }
}
