package vn.gov.directives.ranking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.ranking.RankingCriteria.Criterion;

/**
 * Bean {@code itRankingTasks}: create and complete listeners of the ranking's user tasks. On create, a task gets what
 * its form shows and declares its form fields on itself, so that 31 units answering in parallel never overwrite each
 * other's values in the process scope; on complete, the answer is checked (a bad one keeps the task open with every
 * problem listed) and stored in the ranking tables.
 */
@Component("itRankingTasks")
public class RankingTasks {

  private final RankingRepository rankings;
  private final IdentityService identity;
  private final RankingIssuer issuer;

  public RankingTasks(RankingRepository rankings, IdentityService identity, RankingIssuer issuer) {
    this.rankings = rankings;
    this.identity = identity;
    this.issuer = issuer;
  }

  /** "Tự đánh giá, chấm điểm ứng dụng CNTT" of one unit. */
  public void selfAssessment(DelegateTask task) {
    String unit = (String) task.getVariable("rankingUnit");
    String round = task.getProcessInstanceId();
    if (isCreate(task)) {
      task.setVariableLocal("rankingUnitName", rankings.unit(round, unit).name());
      RankingCriteria.CRITERIA.forEach(c -> task.setVariableLocal(c.key(), null));
      RankingCriteria.GROUPS.forEach(g -> task.setVariableLocal(g.evidenceKey(), null));
      return;
    }
    List<String> problems = new ArrayList<>();
    ScoreSheet sheet = null;
    try {
      sheet = ScoreSheet.read(task.getVariables(), Criterion::key);
    } catch (ScoreSheet.InvalidScoresException e) {
      problems.addAll(e.problems());
    }
    Map<Integer, String> evidence = new LinkedHashMap<>();
    for (RankingCriteria.Group group : RankingCriteria.GROUPS) {
      String note = text(task, group.evidenceKey());
      if (note.isEmpty()) {
        problems.add("Nhóm " + group.number() + " (" + group.name() + "): chưa nêu minh chứng.");
      }
      evidence.put(group.number(), note);
    }
    if (!problems.isEmpty()) {
      throw refused("Kết quả tự đánh giá chưa hợp lệ", problems);
    }
    try {
      rankings.saveSelfAssessment(round, unit, user(task), VietnamTime.now(), sheet, evidence);
    } catch (IllegalStateException e) {
      throw new BadUserRequestException(e.getMessage());
    }
  }

  /** "Thẩm định kết quả tự đánh giá": Sở TT&TT accepts the unit's points or adjusts them with reasons. */
  public void review(DelegateTask task) {
    String unit = (String) task.getVariable("rankingUnit");
    String round = task.getProcessInstanceId();
    Optional<ScoreSheet> self = rankings.selfScores(round, unit);
    if (isCreate(task)) {
      RankingRepository.Unit row = rankings.unit(round, unit);
      task.setVariableLocal("rankingUnitName", row.name());
      task.setVariableLocal("selfAssessmentText", issuer.selfAssessmentMarkdown(round, unit));
      task.setVariableLocal("selfAssessmentMissing", self.isEmpty());
      prefill(task, self);
      task.setVariableLocal("reviewDecision", null);
      task.setVariableLocal("reviewReason", null);
      return;
    }
    String decision = text(task, "reviewDecision");
    String reason = text(task, "reviewReason");
    String user = user(task);
    if ("accept".equals(decision)) {
      if (self.isEmpty()) {
        throw new BadUserRequestException("Đơn vị không gửi kết quả tự đánh giá: Sở TT&TT phải chấm điểm "
            + "(chọn \"Điều chỉnh điểm\") và nêu căn cứ.");
      }
      rankings.saveReview(round, unit, "ACCEPTED", null, user, VietnamTime.now(), self.get());
      return;
    }
    if (!"adjust".equals(decision)) {
      throw new BadUserRequestException("Cần chọn kết quả thẩm định: chấp nhận hoặc điều chỉnh điểm.");
    }
    ScoreSheet reviewed = adjusted(task, reason, self);
    String changes = self.map(s -> String.join("; ", reviewed.differencesFrom(s))).orElse("chấm điểm thay đơn vị");
    rankings.saveReview(round, unit, "ADJUSTED", reason + " (" + changes + ")", user, VietnamTime.now(), reviewed);
  }

  /** "Xem xét dự thảo kết quả xếp hạng" of one unit: agree, or object with reasons. */
  public void objection(DelegateTask task) {
    String unit = (String) task.getVariable("rankingUnit");
    String round = task.getProcessInstanceId();
    if (isCreate(task)) {
      RankingRepository.Unit row = rankings.unit(round, unit);
      task.setVariableLocal("rankingUnitName", row.name());
      task.setVariableLocal("ownResultText", RankingIssuer.ownResult(row));
      task.setVariableLocal("objectionDecision", null);
      task.setVariableLocal("objectionText", null);
      return;
    }
    String decision = text(task, "objectionDecision");
    if ("agree".equals(decision)) {
      return;
    }
    if (!"object".equals(decision)) {
      throw new BadUserRequestException("Cần chọn: thống nhất với dự thảo hoặc có kiến nghị.");
    }
    String objection = text(task, "objectionText");
    if (objection.isEmpty()) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: Nội dung kiến nghị.");
    }
    rankings.saveObjection(round, unit, objection);
  }

  /** "Giải quyết kiến nghị của đơn vị": uphold (points changed) or dismiss, with Sở TT&TT's answer. */
  public void resolution(DelegateTask task) {
    String unit = (String) task.getVariable("objectingUnit");
    String round = task.getProcessInstanceId();
    Optional<ScoreSheet> current = rankings.reviewedScores(round, unit);
    if (isCreate(task)) {
      RankingRepository.Unit row = rankings.unit(round, unit);
      task.setVariableLocal("rankingUnitName", row.name());
      task.setVariableLocal("ownResultText", RankingIssuer.ownResult(row));
      task.setVariableLocal("objectionText", row.objection());
      task.setVariableLocal("selfAssessmentText", issuer.selfAssessmentMarkdown(round, unit));
      prefill(task, current);
      task.setVariableLocal("resolutionDecision", null);
      task.setVariableLocal("resolutionAnswer", null);
      return;
    }
    String decision = text(task, "resolutionDecision");
    String answer = text(task, "resolutionAnswer");
    if ("dismiss".equals(decision)) {
      if (answer.isEmpty()) {
        throw new BadUserRequestException("Thiếu giá trị bắt buộc: Trả lời kiến nghị.");
      }
      rankings.saveObjectionOutcome(round, unit, "DISMISSED", answer);
      return;
    }
    if (!"uphold".equals(decision)) {
      throw new BadUserRequestException("Cần chọn: chấp nhận kiến nghị (điều chỉnh điểm) hoặc giữ nguyên kết quả.");
    }
    ScoreSheet reviewed = adjusted(task, answer, current);
    rankings.saveReviewedPoints(round, unit, reviewed);
    rankings.saveObjectionOutcome(round, unit, "UPHELD",
        answer + " (" + String.join("; ", reviewed.differencesFrom(current.orElseThrow())) + ")");
  }

  /** Complete listener of "Dự thảo Tờ trình kết quả xếp hạng". */
  public void checkSubmissionDraft(DelegateTask task) {
    if (text(task, "rankingAssessment").isEmpty()) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: Đánh giá chung.");
    }
  }

  private ScoreSheet adjusted(DelegateTask task, String reason, Optional<ScoreSheet> before) {
    List<String> problems = new ArrayList<>();
    if (reason.isEmpty()) {
      problems.add("Cần nêu lý do điều chỉnh điểm.");
    }
    ScoreSheet sheet = null;
    try {
      sheet = ScoreSheet.read(task.getVariables(), RankingCriteria::reviewKey);
    } catch (ScoreSheet.InvalidScoresException e) {
      problems.addAll(e.problems());
    }
    if (sheet != null && before.isPresent() && sheet.differencesFrom(before.get()).isEmpty()) {
      problems.add("Không có điểm nào thay đổi: chọn chấp nhận nếu giữ nguyên điểm.");
    }
    if (!problems.isEmpty()) {
      throw refused("Điều chỉnh điểm chưa hợp lệ", problems);
    }
    return sheet;
  }

  private static void prefill(DelegateTask task, Optional<ScoreSheet> sheet) {
    for (Criterion criterion : RankingCriteria.CRITERIA) {
      task.setVariableLocal(RankingCriteria.reviewKey(criterion),
          sheet.map(s -> s.points().get(criterion.key()).doubleValue()).orElse(null));
    }
  }

  private String user(DelegateTask task) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null ? authentication.getUserId() : task.getAssignee();
  }

  private static boolean isCreate(DelegateTask task) {
    return TaskListener.EVENTNAME_CREATE.equals(task.getEventName());
  }

  private static BadUserRequestException refused(String what, List<String> problems) {
    return new BadUserRequestException(what + ": " + String.join(" ", problems));
  }

  private static String text(DelegateTask task, String name) {
    Object value = task.getVariable(name);
    return value == null ? "" : value.toString().strip();
  }
}
