package vn.gov.directives.regulation;

import static vn.gov.directives.regulation.RegulationVariables.text;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Bean {@code regulationAppraisal} of assignment-regulation: Sở Tư pháp's appraisal of a legal normative draft. The
 * form is the Báo cáo thẩm định's content; a report that requires changes must say which.
 */
@Component("regulationAppraisal")
public class RegulationAppraisal {

  public static final String CLEARED = "cleared";
  public static final String CHANGES = "changes";

  private final RegulationIssuer issuer;

  public RegulationAppraisal(RegulationIssuer issuer) {
    this.issuer = issuer;
  }

  /** Complete listener of "Thẩm định dự thảo". */
  public void check(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    String conclusion = text(task, "appraisalConclusion");
    if (!CLEARED.equals(conclusion) && !CHANGES.equals(conclusion)) {
      problems.add("Kết luận thẩm định '" + conclusion + "' không hợp lệ; chọn Đủ điều kiện trình hoặc Cần chỉnh lý.");
    }
    String[][] required = {{"appraisalScope", "Phạm vi điều chỉnh, đối tượng áp dụng"},
        {"appraisalLegality", "Tính hợp hiến, hợp pháp, thống nhất"},
        {"appraisalDrafting", "Ngôn ngữ, kỹ thuật soạn thảo"}};
    for (String[] field : required) {
      if (text(task, field[0]).isBlank()) {
        problems.add("Thiếu giá trị bắt buộc: " + field[1] + ".");
      }
    }
    if (CHANGES.equals(conclusion) && text(task, "appraisalRequiredChanges").isBlank()) {
      problems.add("Thiếu giá trị bắt buộc: Nội dung cần chỉnh lý.");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(String.join(" ", problems));
    }
    if (CLEARED.equals(conclusion)) {
      // a cleared draft prints no list of changes left over from an earlier report
      task.getExecution().getProcessInstance().setVariable("appraisalRequiredChanges", "");
    }
    task.getExecution().getProcessInstance().setVariable("appraiserUserId", task.getAssignee());
  }

  /** "Phát hành Báo cáo thẩm định". */
  public void issue(DelegateExecution execution) {
    issuer.appraisal(execution);
  }
}
