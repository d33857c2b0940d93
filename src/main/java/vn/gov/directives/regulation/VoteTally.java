package vn.gov.directives.regulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.directives.organization.CommitteeMember;

/**
 * Counts the phiếu lấy ý kiến thành viên UBND: a decision passes when more than half of all members agree. A member
 * who has not answered by the deadline is counted as agreeing when {@code silentAgrees} (the usual wording of the
 * phiếu), else as not having voted.
 */
public record VoteTally(int members, int agree, int disagree, int other, int silent, boolean silentAgrees,
    List<Map<String, Object>> rows) {

  public static VoteTally count(List<CommitteeMember> members, Map<String, MemberVote> votes, boolean silentAgrees) {
    int agree = 0;
    int disagree = 0;
    int other = 0;
    int silent = 0;
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CommitteeMember member : members) {
      MemberVote vote = votes.get(member.userId());
      String result;
      if (vote == null) {
        silent++;
        result = silentAgrees ? "Không gửi phiếu trong thời hạn, được coi là đồng ý" : "Không gửi phiếu";
      } else {
        switch (vote.choice()) {
          case AGREE -> agree++;
          case DISAGREE -> disagree++;
          case OTHER -> other++;
        }
        result = vote.choice().label();
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("memberName", member.name());
      row.put("memberTitle", member.title());
      row.put("vote", result);
      row.put("opinion", vote == null || vote.opinion() == null ? "" : vote.opinion());
      rows.add(row);
    }
    return new VoteTally(members.size(), agree, disagree, other, silent, silentAgrees, List.copyOf(rows));
  }

  /** Agreeing members, the silent ones included when they are deemed to agree. */
  public int agreeing() {
    return agree + (silentAgrees ? silent : 0);
  }

  /** More than half of all members (not of those who answered). */
  public boolean adopted() {
    return members > 0 && agreeing() * 2 > members;
  }

  /** "4/5 thành viên đồng ý (1 không gửi phiếu, được coi là đồng ý); 1 không đồng ý; 0 ý kiến khác". */
  public String summary() {
    String silentPart = silent == 0 ? "" : silentAgrees
        ? " (trong đó " + silent + " thành viên không gửi phiếu, được coi là đồng ý)"
        : "; " + silent + " thành viên không gửi phiếu";
    return agreeing() + "/" + members + " thành viên đồng ý" + silentPart + "; " + disagree + " không đồng ý; "
        + other + " ý kiến khác";
  }
}
