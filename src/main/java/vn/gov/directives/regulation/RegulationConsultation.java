package vn.gov.directives.regulation;

import static vn.gov.directives.regulation.RegulationVariables.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.calendar.WorkingDayDeadlines;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Bean {@code regulationConsultation} of assignment-regulation: the partners' opinions (each partner's task writes
 * its own row of regulation_opinion, never a shared variable), the publication for public comment and the comments
 * the lead enters, the summary in which a silent partner is deemed to agree, and the lead's answers.
 */
@Component("regulationConsultation")
public class RegulationConsultation {

  static final String PUBLIC_CLOSES_AT = "publicCommentClosesAt";

  private final DueDateService dueDates;
  private final OrganizationDirectory organization;
  private final OpinionRepository opinions;
  private final int publicCommentDays;

  public RegulationConsultation(DueDateService dueDates, OrganizationDirectory organization,
      OpinionRepository opinions, @Value("${app.regulation.public-comment-days:30}") int publicCommentDays) {
    if (publicCommentDays < 1) {
      throw new IllegalArgumentException("app.regulation.public-comment-days = " + publicCommentDays
          + " không hợp lệ: phải từ 1 ngày trở lên.");
    }
    this.dueDates = dueDates;
    this.organization = organization;
    this.opinions = opinions;
    this.publicCommentDays = publicCommentDays;
  }

  /** Take listener into the consultation: one closing time for every partner. */
  public void open(DelegateExecution execution) {
    Date closesAt = dueDates.forStep("regulation-consultation", execution);
    execution.setVariable(CONSULTATION_CLOSES_AT, closesAt);
    execution.setVariable(CONSULTATION_CLOSED_TEXT, VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt)));
  }

  /** Complete listener of a partner's task; the answer is local to that task's execution until stored here. */
  public void recordPartner(DelegateTask task) {
    String partner = text(task, "partnerAgency");
    Opinion.Kind kind;
    try {
      kind = Opinion.Kind.parse(text(task, "partnerOpinion"));
      if (kind != Opinion.Kind.AGREE && kind != Opinion.Kind.COMMENT) {
        throw new IllegalArgumentException("Ý kiến '" + kind.code() + "' không hợp lệ; chọn Thống nhất hoặc Có ý kiến góp ý.");
      }
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    String comments = text(task, "partnerComments").strip();
    if (kind == Opinion.Kind.COMMENT && comments.isEmpty()) {
      throw new BadUserRequestException("Thiếu giá trị bắt buộc: Nội dung góp ý.");
    }
    List<String> consulted = list(task, CONSULTED);
    opinions.insert(task.getProcessInstanceId(), Opinion.PARTNERS, consulted.indexOf(partner), kind, partner,
        organization.agency(partner).name(), comments.isEmpty() ? null : comments, task.getAssignee(),
        VietnamTime.now());
  }

  /** Complete listener of "Đăng tải dự thảo": where and when; the comment period runs from that day. */
  public void recordPublication(DelegateTask task) {
    String place = text(task, "publicationPlace").strip();
    String published = text(task, "publishedOn").strip();
    StringBuilder problems = new StringBuilder();
    if (place.isEmpty()) {
      problems.append("Thiếu giá trị bắt buộc: Nơi đăng tải dự thảo. ");
    }
    LocalDate publishedOn = null;
    try {
      publishedOn = WorkingDayDeadlines.parseIsoDate(published.length() > 10 ? published.substring(0, 10) : published);
      if (publishedOn.isAfter(VietnamTime.today())) {
        problems.append("Ngày đăng tải " + VietnamTime.shortDate(publishedOn) + " chưa đến. ");
      }
    } catch (IllegalArgumentException e) {
      problems.append("Ngày đăng tải: " + e.getMessage() + " ");
    }
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(problems.toString().strip());
    }
    LocalDate lastDay = publishedOn.plusDays(publicCommentDays);
    Date closesAt = dueDates.deadlineEnd(lastDay);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    instance.setVariable(PUBLIC_CLOSES_AT, closesAt);
    instance.setVariable(PUBLIC_CLOSES_AT + "Text", VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt)));
    instance.setVariable("publicationText", "Dự thảo đã được đăng tải tại " + place + " từ ngày "
        + VietnamTime.shortDate(publishedOn) + " đến ngày " + VietnamTime.shortDate(VietnamTime.toLocalDate(closesAt))
        + " để lấy ý kiến của cơ quan, tổ chức, cá nhân.");
  }

  /** Complete listener of "Cập nhật ý kiến nhân dân": one comment a line; none is a valid answer. */
  public void recordPublicComments(DelegateTask task) {
    List<PublicComments.Comment> comments;
    try {
      comments = PublicComments.parse(text(task, "publicCommentsText"));
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    String processInstanceId = task.getProcessInstanceId();
    opinions.deletePublic(processInstanceId);
    for (int i = 0; i < comments.size(); i++) {
      PublicComments.Comment comment = comments.get(i);
      opinions.insert(processInstanceId, Opinion.PUBLIC, i, Opinion.Kind.PUBLIC, null, comment.author(),
          comment.text(), task.getAssignee(), VietnamTime.now());
    }
  }

  /** "Tổng hợp ý kiến góp ý": a partner without an answer is recorded as deemed to agree. */
  public void summarize(DelegateExecution execution) {
    List<String> consulted = list(execution, CONSULTED);
    String processInstanceId = execution.getProcessInstanceId();
    Set<String> answered = new HashSet<>();
    opinions.list(processInstanceId).forEach(opinion -> {
      if (opinion.authorCode() != null) {
        answered.add(opinion.authorCode());
      }
    });
    for (int i = 0; i < consulted.size(); i++) {
      String partner = consulted.get(i);
      if (!answered.contains(partner)) {
        opinions.insert(processInstanceId, Opinion.PARTNERS, i, Opinion.Kind.DEEMED, partner,
            organization.agency(partner).name(), null, null, VietnamTime.now());
      }
    }
    refresh(execution);
  }

  /** Complete listener of the answering task: each comment accepted or explained, the revised text required. */
  public void answer(DelegateTask task) {
    List<Opinion> all = opinions.list(task.getProcessInstanceId());
    List<OpinionAnswers.Given> given;
    try {
      given = OpinionAnswers.parse(text(task, "opinionAnswers"), all);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException(e.getMessage());
    }
    for (String[] field : new String[][] {{TITLE, "Tên văn bản"}, {CONTENT, "Nội dung dự thảo"}}) {
      if (text(task, field[0]).isBlank()) {
        throw new BadUserRequestException("Thiếu giá trị bắt buộc: " + field[1] + ".");
      }
    }
    given.forEach(answer -> opinions.answer(answer.opinionId(), answer.answer(), answer.text()));
    refresh(task.getExecution());
  }

  private void refresh(DelegateExecution execution) {
    List<Opinion> all = opinions.list(execution.getProcessInstanceId());
    String closed = text(execution, CONSULTATION_CLOSED_TEXT);
    execution.getProcessInstance().setVariable(OPINION_LIST, ConsultationTable.markdown(all, closed));
    execution.getProcessInstance().setVariable(CONSULTATION_SUMMARY, ConsultationTable.summary(all));
  }
}
