package vn.gov.directives.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionRulesTest {

  private final DecisionRules leader = DecisionRules.parse("leaderDecision", "approve,return,reject",
      "return=leaderComments|Ý kiến của lãnh đạo;reject=leaderComments|Ý kiến của lãnh đạo");

  @Test
  void approvalNeedsNoComment() {
    assertThat(leader.problems(Map.of("leaderDecision", "approve"))).isEmpty();
  }

  @Test
  void returnAndRejectNeedTheComment() {
    assertThat(leader.problems(Map.of("leaderDecision", "reject", "leaderComments", "  ")))
        .containsExactly("'Ý kiến của lãnh đạo' là bắt buộc khi chọn quyết định này.");
    assertThat(leader.problems(Map.of("leaderDecision", "return", "leaderComments", "Bổ sung kinh phí."))).isEmpty();
  }

  @Test
  void anUnknownOrMissingChoiceIsRefused() {
    assertThat(leader.problems(Map.of("leaderDecision", "maybe"))).singleElement().asString()
        .contains("approve, return, reject").contains("'maybe'");
    assertThat(leader.problems(Map.of())).hasSize(1);
  }
}
