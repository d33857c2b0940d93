package vn.gov.directives.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
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
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.calendar.DueDateService;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.support.NoticeTestSupport;
import vn.gov.directives.support.ProcessTestSupport;

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
  private static final String SIGNED = "22/TB-UBND";

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
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 26), LocalTime.of(9, 0));
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

  @Test
  void theOfficeForwardsToTheSigner_whoGrantsThenRefuses_oneRequestWaitingAtATime() {
    // a general assignment runs assignment-generic, whose extensions go through this process too
    NoticeTestSupport.startAs(identityService, formService, repositoryService, "vpubnd-cv",
        List.of("VPUBND-chuyen-vien"), "notice-registration", NoticeTestSupport.registrationForm(SIGNED,
            "Kết luận về bố trí kinh phí ứng dụng CNTT", """
                1 | budget | Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019 | STC |  | 05/01/2019 |
                """));
    TrackedLead lead = notices.leadsOfNumber(SIGNED).get(0);
    String noticeId = lead.noticeId();
    String work = assignmentProcess(noticeId, "1");
    assertThat(repositoryService.getProcessDefinition(runtimeService.createProcessInstanceQuery()
        .processInstanceId(work).singleResult().getProcessDefinitionId()).getKey()).isEqualTo("assignment-generic");

    ProcessInstance request = requestAs("stc-cv", "STC-chuyen-vien", SIGNED, "1", "26/01/2019");
    // a second request while the first one waits is refused whole, with the reason, and nothing is started
    long requests = runtimeService.createProcessInstanceQuery().processDefinitionKey("extension-request").count();
    assertThatThrownBy(() -> requestAs("stc-ld", "STC-lanh-dao", SIGNED, "1", "28/02/2019"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessage("Đề nghị gia hạn không được gửi: Nhiệm vụ mục 1 của thông báo số " + SIGNED + " đang có đề nghị "
            + "gia hạn chờ xem xét (Văn phòng UBND tỉnh hoặc lãnh đạo UBND tỉnh); chỉ gửi đề nghị mới khi đề nghị "
            + "này đã được quyết định.");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("extension-request").count())
        .isEqualTo(requests);

    // Văn phòng UBND tỉnh forwards to the leader who signed the notice, with its opinion
    Task review = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult();
    assertThatThrownBy(() -> completeAs(review, Map.of("extensionDecision", "forward")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Phải nêu ý kiến đề xuất của Văn phòng UBND tỉnh");
    completeAs(review, Map.of("extensionDecision", "forward",
        "officeOpinion", "Đề nghị chấp thuận: nguồn kinh phí phụ thuộc dự toán được giao."));
    Task signer = taskService.createTaskQuery().processInstanceId(request.getId()).singleResult();
    assertThat(signer.getTaskDefinitionKey()).isEqualTo("Task_SignerDecision");
    assertThat(signer.getName()).isEqualTo("Quyết định gia hạn nhiệm vụ — TB " + SIGNED + ", mục 1");
    assertThat(taskService.getIdentityLinksForTask(signer.getId()))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .extracting(link -> link.getUserId() != null ? "user:" + link.getUserId() : "group:" + link.getGroupId())
        .containsExactlyInAnyOrder("user:ubnd-ld", "group:UBND-lanh-dao");
    assertThat(signer.getDueDate()).isEqualTo(dueDates.deadlines().dueDate(LocalDate.of(2018, 12, 26), 3, null));
    assertThat(taskService.getVariable(signer.getId(), "noticeSigner")).isEqualTo(NoticeTestSupport.SIGNER);
    // still waiting: still refused, and the tracking row still says so
    assertThatThrownBy(() -> requestAs("stc-ld", "STC-lanh-dao", SIGNED, "1", "28/02/2019"))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("đang có đề nghị gia hạn chờ xem xét");
    assertThat(status(noticeId, "1")).isEqualTo(ProgressStatus.EXTENSION_REQUESTED);

    // the signer cannot forward, and a refusal needs reasons; then grants Saturday 26/01/2019
    assertThatThrownBy(() -> decideAsSigner(signer, Map.of("signerDecision", "forward")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Phải chọn chấp thuận hoặc không chấp thuận gia hạn.");
    decideAsSigner(signer, Map.of("signerDecision", "grant", "grantedDeadline", "26/01/2019"));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(request.getId())
        .activityId("EndEvent_ExtensionGranted").count()).isEqualTo(1);
    assertThat(ProcessTestSupport.historyVariable(historyService, request.getId(), "extensionDecidedBy"))
        .isEqualTo("Phó Chủ tịch UBND tỉnh Nguyễn Phi Long");
    assertThat(ProcessTestSupport.historyVariable(historyService, request.getId(), "signerUserId"))
        .isEqualTo("ubnd-ld");
    TrackedLead extended = lead(noticeId, "1");
    assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2019, 1, 26));
    assertThat(extended.extensionRequested()).isFalse();
    // a deadline on a day off ends with the next working day: the generic work task is due end of Mon 28/01/2019
    Task workTask = ProcessTestSupport.onlyTask(taskService, work, "Task_DoAssignment");
    assertThat(workTask.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 28)));
    assertThat(runtimeService.getVariable(work, "assignmentDeadline")).isEqualTo("2019-01-26");

    // decided: a new request is accepted; forwarded again, the signer refuses with reasons
    ProcessInstance again = requestAs("stc-ld", "STC-lanh-dao", SIGNED, "1", "28/02/2019");
    completeAs(taskService.createTaskQuery().processInstanceId(again.getId()).singleResult(),
        Map.of("extensionDecision", "forward", "officeOpinion", "Không đề nghị gia hạn thêm."));
    Task second = taskService.createTaskQuery().processInstanceId(again.getId()).singleResult();
    assertThatThrownBy(() -> decideAsSigner(second, Map.of("signerDecision", "refuse")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Phải nêu lý do không chấp thuận gia hạn.");
    decideAsSigner(second, Map.of("signerDecision", "refuse", "extensionComments", "Đã gia hạn một lần."));
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(again.getId())
        .activityId("EndEvent_ExtensionRefused").count()).isEqualTo(1);
    assertThat(lead(noticeId, "1").dueOn()).isEqualTo(LocalDate.of(2019, 1, 26));
    assertThat(status(noticeId, "1")).isEqualTo(ProgressStatus.IN_PROGRESS);
    assertThat(ProcessTestSupport.onlyTask(taskService, work, "Task_DoAssignment").getDueDate())
        .isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 28)));
  }

  private void decideAsSigner(Task task, Map<String, Object> values) {
    NoticeTestSupport.submitTaskAs(identityService, taskService, formService, "ubnd-ld", List.of("UBND-lanh-dao"),
        task, values);
  }

  /** Notice 20/TB-UBND (registered once per context) with a plan and a proposal. */
  private String register() {
    if (notices.leadsOfNumber(NUMBER).isEmpty()) {
      NoticeTestSupport.startAs(identityService, formService, repositoryService, "vpubnd-cv",
          List.of("VPUBND-chuyen-vien"), "notice-registration", NoticeTestSupport.registrationForm(NUMBER,
              "Kết luận về ứng dụng công nghệ thông tin", """
                  1 | plan | Xây dựng kế hoạch ứng dụng CNTT năm 2019 | STTTT |  | 28/12/2018 |
                  2 | proposal | Đề xuất kiện toàn Ban chỉ đạo xây dựng chính quyền điện tử | STTTT | SNV | 15/01/2019 |
                  """));
    }
    return notices.leadsOfNumber(NUMBER).get(0).noticeId();
  }

  private ProcessInstance requestAs(String user, String group, String code, String proposed) {
    return requestAs(user, group, NUMBER, code, proposed);
  }

  private ProcessInstance requestAs(String user, String group, String number, String code, String proposed) {
    Map<String, Object> values = new HashMap<>();
    values.put("noticeNumber", number);
    values.put("assignmentCode", code);
    values.put("extensionReasons", "Chờ ý kiến góp ý của các sở, ngành.");
    values.put("proposedDeadline", proposed);
    return NoticeTestSupport.startAs(identityService, formService, repositoryService, user, List.of(group),
        "extension-request", values);
  }

  /** Văn phòng UBND tỉnh's specialist decides. */
  private void completeAs(Task task, Map<String, Object> values) {
    NoticeTestSupport.submitTaskAs(identityService, taskService, formService, "vpubnd-cv",
        List.of("VPUBND-chuyen-vien"), task, values);
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
