package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;

/**
 * "Đề nghị gia hạn nhiệm vụ" started from Tasklist by a lead agency for assignments of different kinds, reviewed by
 * Văn phòng UBND tỉnh, on the real application.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:extension-request;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
class ExtensionRequestProcessTest {

  private static final String NUMBER = "20/TB-UBND";

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired NoticeRepository notices;
  @Autowired DueDateService dueDates;

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(LocalDate.of(2018, 12, 26), LocalTime.of(9, 0),
        VietnamTime.ZONE).toInstant()));
  }

  @AfterEach
  void reset() {
    identityService.clearAuthentication();
    ClockUtil.reset();
  }

  @Test
  void theLeadAsksAndTheOfficeGrantsOrRefuses() {
    String noticeId = register();
    TrackedLead proposal = lead(noticeId, "2");
    String planProcess = assignmentProcess(noticeId, "1");
    String proposalProcess = assignmentProcess(noticeId, "2");
    Date oldEnd = VietnamTime.endOfDay(LocalDate.of(2018, 12, 28));
    List<String> capped = openTasks(planProcess).stream()
        .filter(task -> oldEnd.equals(task.getDueDate())).map(Task::getId).toList();
    assertThat(capped).isNotEmpty();

    // the plan's lead asks for more time
    ProcessInstance request = requestAs("stttt-cv", "STTTT-chuyen-vien", "1", "31/01/2019");
    assertThat(lead(noticeId, "1").extensionRequested()).isTrue();
    assertThat(status(noticeId, "1")).isEqualTo(ProgressStatus.EXTENSION_REQUESTED);
    Task review = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult();
    assertThat(review.getName()).isEqualTo("Xem xét đề nghị gia hạn — TB " + NUMBER + ", mục 1");
    assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId())
        .containsExactly("VPUBND-chuyen-vien");
    assertThat(review.getDueDate()).isEqualTo(dueDates.deadlines().dueDate(LocalDate.of(2018, 12, 26), 5, null));
    assertThat(taskService.getVariable(review.getId(), "grantedDeadline"))
        .isEqualTo("31/01/2019");
    // a second request while one is pending is refused
    assertThatThrownBy(() -> requestAs("stttt-ld", "STTTT-lanh-dao", "1", "28/02/2019"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("đang có đề nghị gia hạn");
    // a grant of a date that is no extension stays open
    assertThatThrownBy(() -> completeAs(review, Map.of("extensionDecision", "grant", "grantedDeadline", "27/12/2018")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Thời hạn mới 27/12/2018 phải sau thời hạn hiện tại 28/12/2018.");

    completeAs(review, Map.of("extensionDecision", "grant", "grantedDeadline", "15/02/2019"));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
        .activityId("EndEvent_ExtensionGranted").count()).isEqualTo(1);
    TrackedLead extended = lead(noticeId, "1");
    Date newEnd = VietnamTime.endOfDay(LocalDate.of(2019, 2, 15));
    assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2019, 2, 15));
    assertThat(Date.from(extended.dueAt())).isEqualTo(newEnd);
    assertThat(extended.extensionRequested()).isFalse();
    assertThat(status(noticeId, "1")).isEqualTo(ProgressStatus.IN_PROGRESS);
    assertThat(runtimeService.getVariable(planProcess, "planDeadline")).isEqualTo("2019-02-15");
    // the steps that were capped at the old deadline follow the new one
    assertThat(openTasks(planProcess)).filteredOn(task -> capped.contains(task.getId()))
        .hasSize(capped.size()).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(newEnd));
    assertThat(openTasks(planProcess)).allSatisfy(task -> assertThat(task.getDueDate())
        .isBeforeOrEqualTo(newEnd));

    // the proposal's lead asks; the office refuses, with its reasons
    Date proposalDue = Date.from(proposal.dueAt());
    ProcessInstance refused = requestAs("stttt-cv", "STTTT-chuyen-vien", "2", "2019-01-25");
    Task second = taskService.createTaskQuery().processInstanceId(refused.getId()).singleResult();
    assertThatThrownBy(() -> completeAs(second, Map.of("extensionDecision", "refuse")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Phải nêu lý do không chấp thuận gia hạn.");
    completeAs(second, Map.of("extensionDecision", "refuse", "extensionComments", "Đủ thời gian thực hiện."));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(refused.getId())
        .activityId("EndEvent_ExtensionRefused").count()).isEqualTo(1);
    TrackedLead kept = lead(noticeId, "2");
    assertThat(kept.extensionRequested()).isFalse();
    assertThat(kept.dueOn()).isEqualTo(LocalDate.of(2019, 1, 15));
    assertThat(status(noticeId, "2")).isEqualTo(ProgressStatus.IN_PROGRESS);
    assertThat(openTasks(proposalProcess)).allSatisfy(task -> assertThat(task.getDueDate())
        .isBeforeOrEqualTo(proposalDue));
  }

  @Test
  void anAgencyThatIsNotTheLeadIsRefused_nothingStarted() {
    String noticeId = register();
    long requests = runtimeService.createProcessInstanceQuery().processDefinitionKey("extension-request").count();
    assertThatThrownBy(() -> requestAs("snv-cv", "SNV-chuyen-vien", "1", "31/01/2019"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Đề nghị gia hạn không được gửi")
        .hasMessageContaining("Cơ quan của người đề nghị (SNV) không chủ trì nhiệm vụ mục 1 của thông báo số " + NUMBER);
    assertThatThrownBy(() -> requestAs("stttt-cv", "STTTT-chuyen-vien", "1", "28/12/2018"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Thời hạn đề nghị 28/12/2018 phải sau thời hạn hiện tại 28/12/2018.");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("extension-request").count())
        .isEqualTo(requests);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("extension-request")
        .processInstanceBusinessKey(NUMBER).count()).isZero();
    assertThat(lead(noticeId, "1").extensionRequested()).isFalse();
  }

  /** Notice 20/TB-UBND (or a fresh number for a second test in the same context) with a plan and a proposal. */
  private String register() {
    String number = notices.leadsOfNumber(NUMBER).isEmpty() ? NUMBER : null;
    if (number == null) {
      return notices.leadsOfNumber(NUMBER).get(0).noticeId();
    }
    Map<String, Object> values = new HashMap<>();
    values.put("number", number);
    values.put("issuedOn", "2018-12-26");
    values.put("meetingDate", "2018-12-20");
    values.put("issuer", "UBND");
    values.put("signer", "KT. CHỦ TỊCH, PHÓ CHỦ TỊCH Nguyễn Phi Long");
    values.put("title", "Kết luận về ứng dụng công nghệ thông tin");
    values.put(NoticeForm.ASSIGNMENTS, """
        1 | plan | Xây dựng kế hoạch ứng dụng CNTT năm 2019 | STTTT |  | 28/12/2018 |
        2 | proposal | Đề xuất kiện toàn Ban chỉ đạo xây dựng chính quyền điện tử | STTTT | SNV | 15/01/2019 |
        """);
    identityService.setAuthentication("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
    try {
      formService.submitStartForm(definitionId("notice-registration"), values);
    } finally {
      identityService.clearAuthentication();
    }
    return notices.leadsOfNumber(NUMBER).get(0).noticeId();
  }

  private ProcessInstance requestAs(String user, String group, String code, String proposed) {
    Map<String, Object> values = new HashMap<>();
    values.put("noticeNumber", NUMBER);
    values.put("assignmentCode", code);
    values.put("extensionReasons", "Chờ ý kiến góp ý của các sở, ngành.");
    values.put("proposedDeadline", proposed);
    identityService.setAuthentication(user, List.of(group));
    try {
      return formService.submitStartForm(definitionId("extension-request"), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void completeAs(Task task, Map<String, Object> values) {
    identityService.setAuthentication("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
    try {
      taskService.claim(task.getId(), "vpubnd-cv");
      formService.submitTaskForm(task.getId(), values);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String definitionId(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
        .getId();
  }

  private TrackedLead lead(String noticeId, String code) {
    return notices.leads(noticeId).stream().filter(lead -> lead.assignmentCode().equals(code)).findFirst()
        .orElseThrow();
  }

  /** The running assignment process of the notice's follow-up for that assignment. */
  private String assignmentProcess(String noticeId, String code) {
    String followUp = notices.find(noticeId).orElseThrow().processInstanceId();
    return runtimeService.createProcessInstanceQuery().superProcessInstanceId(followUp)
        .variableValueEquals("assignmentCode", code).singleResult().getId();
  }

  private ProgressStatus status(String noticeId, String code) {
    return NoticeProgress.status(lead(noticeId, code), VietnamTime.now());
  }

  /** Open tasks of the assignment process and of the processes it called. */
  private List<Task> openTasks(String processInstanceId) {
    List<Task> tasks = new ArrayList<>(taskService.createTaskQuery().processInstanceId(processInstanceId).list());
    for (ProcessInstance called : runtimeService.createProcessInstanceQuery().superProcessInstanceId(processInstanceId)
        .list()) {
      tasks.addAll(openTasks(called.getId()));
    }
    return tasks;
  }
}
