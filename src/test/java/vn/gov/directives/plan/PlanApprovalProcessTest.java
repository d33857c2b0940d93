package vn.gov.directives.plan;

import vn.gov.directives.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import vn.gov.directives.assignment.AssignmentStatus;
import vn.gov.directives.assignment.AssignmentStatusChanged;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.reminder.ReminderKind;
import vn.gov.directives.reminder.ReminderLog;
import vn.gov.directives.reminder.ReminderRecord;
import vn.gov.directives.support.TestMail;

/**
 * Every path of plan-approval (and of the submission-review it calls) on the real 2018–2019 calendar, with the
 * real delegates, documents and organisation; the engine clock is moved, jobs are run by hand.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:plan-approval;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.portal.publish-url=",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
@RecordApplicationEvents
class PlanApprovalProcessTest {

  /** A real SMTP server: reminders and notices are e-mailed as in production. */
  static final GreenMail MAIL = TestMail.started();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    TestMail.pointMailAt(MAIL, registry);
  }

  @AfterAll
  static void stopMail() {
    MAIL.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DocumentService documentService;
  @Autowired ReminderLog reminderLog;
  @Autowired ApplicationEvents events;

  @BeforeEach
  void init() throws Exception {
    MAIL.purgeEmailFromAllMailboxes();
    BpmnAwareTests.init(engine);
    clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void approvedFirstTime_silentAgencyRecorded_decisionIssued_notPublishedWithoutPortal() {
    ProcessInstance plan = startPlan(Map.of());
    List<Task> survey = taskService.createTaskQuery().processInstanceId(plan.getId())
        .taskDefinitionKey("Task_ReportItStatus").list();
    assertThat(survey).hasSize(3);
    assertThat(survey).allSatisfy(task -> {
      assertThat(task.getName()).isEqualTo("Báo cáo thực trạng ứng dụng CNTT");
      assertThat(task.getDueDate()).isEqualTo(endOfDay(2019, 1, 8));
    });
    assertThat(candidateGroups(survey)).containsExactlyInAnyOrder("SYT-chuyen-vien", "SGDDT-chuyen-vien", "QUYNHON-chuyen-vien");

    answerSurvey(plan, "SYT", "syt-cv");
    answerSurvey(plan, "SGDDT", "sgddt-cv");
    // Quy Nhơn never answers. Reminders 3 and 1 working days before Tue 08/01/2019, at 07:30 Vietnam time: the New Year
    // days off (29/12–01/01) do not count and Saturday 05/01/2019 is a working day, so Fri 04/01 and Mon 07/01.
    Task silentTask = taskService.createTaskQuery().processInstanceId(plan.getId())
        .taskCandidateGroup("QUYNHON-chuyen-vien").singleResult();
    clock(LocalDate.of(2019, 1, 4), LocalTime.of(7, 29));
    runDueJobs();
    assertThat(reminderLog.findByProcessInstances(List.of(plan.getId()))).isEmpty();
    clock(LocalDate.of(2019, 1, 4), LocalTime.of(7, 31));
    runDueJobs();
    clock(LocalDate.of(2019, 1, 7), LocalTime.of(7, 31));
    runDueJobs();
    runDueJobs(); // nothing is sent twice
    // at the end of the survey due date the survey closes without Quy Nhơn
    clock(LocalDate.of(2019, 1, 9), LocalTime.of(0, 0, 1));
    runDueJobs();
    List<ReminderRecord> reminders = reminderLog.findByProcessInstances(List.of(plan.getId()));
    assertThat(reminders).extracting(ReminderRecord::taskId).containsOnly(silentTask.getId());
    assertThat(reminders).extracting(ReminderRecord::kind, ReminderRecord::days, ReminderRecord::scheduledFor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ReminderKind.TASK_REMINDER, 3, at(2019, 1, 4, 7, 30)),
            org.assertj.core.groups.Tuple.tuple(ReminderKind.TASK_REMINDER, 1, at(2019, 1, 7, 7, 30)));
    assertThat(MAIL.getReceivedMessages()).extracting(PlanApprovalProcessTest::subject).containsExactlyInAnyOrder(
        "[Nhắc việc] Còn 3 ngày làm việc: Báo cáo thực trạng ứng dụng CNTT — hạn 08/01/2019",
        "[Nhắc việc] Còn 1 ngày làm việc: Báo cáo thực trạng ứng dụng CNTT — hạn 08/01/2019");
    assertThat(MAIL.getReceivedMessages()).allSatisfy(message ->
        assertThat(recipients(message)[0].toString()).isEqualTo("quynhon-cv@demo.binhdinh.gov.vn"));

    assertThat(plan).isWaitingAt("Task_DraftPlan");
    assertThat(runtimeService.getVariable(plan.getId(), "silentAgencies")).isEqualTo(List.of("QUYNHON"));
    assertThat((String) runtimeService.getVariable(plan.getId(), "surveySummaryText")).contains("2/3").contains("Quy Nhơn");
    Task drafting = onlyTask(plan, "Task_DraftPlan");
    assertThat(drafting.getDueDate()).isEqualTo(endOfDay(2019, 1, 16)); // 5 working days after Wed 09/01/2019
    assertThat(drafting.getName()).isEqualTo("Tổng hợp thực trạng và dự thảo Kế hoạch");

    draftPlan(plan);
    approveAsDirector(plan);
    String submissionNumber = (String) runtimeService.getVariable(plan.getId(), "submissionNumber");
    assertThat(submissionNumber).matches("\\d{2,}/TTr-STTTT");

    reviewAsOffice(plan, "complete", null, "Hồ sơ đầy đủ, nội dung phù hợp Thông báo số 295/TB-UBND.");
    decideAsLeader(plan, "approve", "Đồng ý.");

    assertThat(plan).isEnded().hasPassed("Task_IssueDecision", "Task_RecordNotPublished")
        .hasNotPassed("Task_PublishDecision");
    List<IssuedDocument> documents = documentService.listForProcessInstance(plan.getId());
    assertThat(documents).extracting(IssuedDocument::number).anyMatch(n -> n != null && n.matches("\\d{2,}/QĐ-UBND"));
    assertThat(documents).extracting(IssuedDocument::number).contains(submissionNumber);
    assertThat(documents).hasSizeGreaterThanOrEqualTo(5); // report, draft plan, Tờ trình, Phiếu trình, Quyết định
    assertThat(historyVariable(plan, "publicationStatus")).contains("chưa cấu hình");

    // what a records clerk reads in the generated PDFs
    String decision = pdfText(documents, "QUYET_DINH");
    assertThat(decision).contains("QUYẾT ĐỊNH", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Phi Long",
        "Tờ trình số " + submissionNumber, "ngày 09 tháng 01 năm 2019");
    String slip = pdfText(documents, "PHIEU_TRINH");
    assertThat(slip).contains("Lý Công Sơn", "Hồ sơ đầy đủ, nội dung phù hợp Thông báo số 295/TB-UBND")
        .doesNotContain("phê duyệt Tờ trình");
    String report = pdfText(documents, "BAO_CAO");
    assertThat(report).contains("Ủy ban nhân dân thành phố Quy Nhơn", "Không báo cáo", "Sở Y tế");
  }

  private static String subject(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static jakarta.mail.Address[] recipients(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getAllRecipients();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String pdfText(List<IssuedDocument> documents, String type) {
    IssuedDocument document = documents.stream().filter(d -> d.type().equals(type)).findFirst().orElseThrow();
    byte[] pdf = documentService.file(document.id(), vn.gov.directives.document.DocumentFormat.PDF).orElseThrow().content();
    try (var loaded = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(loaded).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void directorReturnsDraft_specialistSeesComments_thenApproves() {
    ProcessInstance plan = startPlanPastSurvey();
    draftPlan(plan);
    completeAs("stttt-ld", onlyTask(plan, "Task_ApproveDraft"),
        Map.of("directorDecision", "return", "directorComments", "Bổ sung dự toán chi tiết theo từng nhiệm vụ."));
    assertThat(plan).isWaitingAt("Task_DraftPlan");
    assertThat((String) runtimeService.getVariable(plan.getId(), "returnComments"))
        .contains("Lãnh đạo Sở trả lại dự thảo").contains("Bổ sung dự toán chi tiết");
    draftPlan(plan);
    approveAsDirector(plan);
    assertThat(officeTask(plan)).isNotNull();
  }

  @Test
  void directorCannotReturnWithoutComments_taskStaysOpen() {
    ProcessInstance plan = startPlanPastSurvey();
    draftPlan(plan);
    Task approval = onlyTask(plan, "Task_ApproveDraft");
    // the form requires the comments; the server refuses a submission without them all the same
    assertThatThrownBy(() -> completeAs("stttt-ld", approval, Map.of("directorDecision", "return")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'Ý kiến chỉ đạo' là bắt buộc");
    assertThat(plan).isWaitingAt("Task_ApproveDraft");
  }

  @Test
  void officeReturnsIncompleteDossier_backToDrafting() {
    ProcessInstance plan = startPlanPastSurvey();
    draftPlan(plan);
    approveAsDirector(plan);
    reviewAsOffice(plan, "return", "Thiếu bảng tổng hợp ý kiến của các sở, ngành.", null);
    assertThat(plan).isWaitingAt("Task_DraftPlan");
    assertThat((String) runtimeService.getVariable(plan.getId(), "returnComments"))
        .contains("Văn phòng UBND tỉnh trả lại hồ sơ").contains("Thiếu bảng tổng hợp");
  }

  @Test
  void leaderAsksForRevision_backToDrafting_thenApprovedWithNewSubmissionNumber() {
    ProcessInstance plan = startPlanPastSurvey();
    draftPlan(plan);
    approveAsDirector(plan);
    String first = (String) runtimeService.getVariable(plan.getId(), "submissionNumber");
    reviewAsOffice(plan, "complete", null, "Đủ điều kiện trình.");
    decideAsLeader(plan, "return", "Làm rõ nguồn kinh phí thực hiện.");
    assertThat(plan).isWaitingAt("Task_DraftPlan");
    assertThat((String) runtimeService.getVariable(plan.getId(), "returnComments")).contains("Làm rõ nguồn kinh phí");
    draftPlan(plan);
    approveAsDirector(plan);
    String second = (String) runtimeService.getVariable(plan.getId(), "submissionNumber");
    assertThat(second).isNotEqualTo(first);
    reviewAsOffice(plan, "complete", null, "Đã tiếp thu ý kiến.");
    decideAsLeader(plan, "approve", "Đồng ý.");
    assertThat(plan).isEnded().hasPassed("Task_IssueDecision");
  }

  @Test
  void calledForANoticeAssignment_thePlanReportsItsCompletionToTheTracking() {
    ProcessInstance plan = startPlan(Map.of("surveyAgencyCodes", "SYT", "assignmentLeadId", "lead-of-muc-2"));
    answerSurvey(plan, "SYT", "syt-cv");
    draftPlan(plan);
    approveAsDirector(plan);
    reviewAsOffice(plan, "complete", null, "Đủ điều kiện trình.");
    assertThat(events.stream(AssignmentStatusChanged.class)).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS);
    decideAsLeader(plan, "approve", "Đồng ý.");
    assertThat(events.stream(AssignmentStatusChanged.class))
        .extracting(AssignmentStatusChanged::assignmentLeadId, AssignmentStatusChanged::status,
            AssignmentStatusChanged::processInstanceId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("lead-of-muc-2", AssignmentStatus.IN_PROGRESS, plan.getId()),
            org.assertj.core.groups.Tuple.tuple("lead-of-muc-2", AssignmentStatus.COMPLETED, plan.getId()));
  }

  @Test
  void leaderRejects_processEndsWithoutDecision() {
    ProcessInstance plan = startPlanPastSurvey();
    draftPlan(plan);
    approveAsDirector(plan);
    reviewAsOffice(plan, "complete", null, "Trình lãnh đạo xem xét.");
    decideAsLeader(plan, "reject", "Chưa phù hợp với định hướng Chính quyền điện tử.");
    assertThat(plan).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_PlanRejected")
        .hasNotPassed("Task_IssueDecision");
    // Sở TT&TT is told why, by e-mail
    var notices = java.util.Arrays.stream(MAIL.getReceivedMessages())
        .filter(message -> subject(message).startsWith("[Kết quả] UBND tỉnh không phê duyệt")).toList();
    // GreenMail keeps one copy per mailbox: one message, to the specialist and the leader of Sở TT&TT
    assertThat(notices).hasSize(2);
    assertThat(notices).extracting(message -> messageId(message)).containsOnly(messageId(notices.get(0)));
    assertThat(GreenMailUtil.getBody(notices.get(0))).isNotBlank();
    assertThat(java.util.Arrays.stream(recipients(notices.get(0))).map(Object::toString))
        .contains("stttt-cv@demo.binhdinh.gov.vn", "stttt-ld@demo.binhdinh.gov.vn");
    assertThat(historyVariable(plan, "rejectionNotifiedTo")).contains("stttt-ld@demo.binhdinh.gov.vn");
  }

  @Test
  void unknownAgencyAndDeadlineBeforeNotice_refusedWhole_nothingStarted() {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("plan-approval").count();
    assertThatThrownBy(() -> startPlan(Map.of("surveyAgencyCodes", "SYT, XYZ", "planDeadline", "2018-12-01")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("XYZ")
        .hasMessageContaining("không được trước ngày thông báo");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("plan-approval").count()).isEqualTo(before);
  }

  @Test
  void impossibleDateRefused() {
    assertThatThrownBy(() -> startPlan(Map.of("surveyDueDate", "2019-02-30")))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("2019-02-30");
  }

  // ------------------------------------------------------------------------------------------------ helpers

  private ProcessInstance startPlan(Map<String, Object> overrides) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("planTitle", "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh Bình Định năm 2019");
    variables.put("planYear", 2019L);
    variables.put("noticeNumber", "295/TB-UBND");
    variables.put("noticeDate", "2018-12-26");
    variables.put("planDeadline", "2019-01-25");
    variables.put("legalBases", "Luật Công nghệ thông tin ngày 29 tháng 6 năm 2006\nThông báo số 295/TB-UBND ngày 26 tháng 12 năm 2018 của UBND tỉnh");
    variables.put("surveyScope", "list");
    variables.put("surveyAgencyCodes", "SYT, SGDDT, QUYNHON");
    variables.put("surveyDueDate", "2019-01-08");
    variables.putAll(overrides);
    identityService.setAuthentication("stttt-cv", List.of("STTTT-chuyen-vien"));
    try {
      return runtimeService.startProcessInstanceByKey("plan-approval", variables);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private ProcessInstance startPlanPastSurvey() {
    ProcessInstance plan = startPlan(Map.of("surveyAgencyCodes", "SYT"));
    answerSurvey(plan, "SYT", "syt-cv");
    assertThat(plan).isWaitingAt("Task_DraftPlan");
    return plan;
  }

  private void answerSurvey(ProcessInstance plan, String agency, String user) {
    Task task = taskService.createTaskQuery().processInstanceId(plan.getId()).taskCandidateGroup(agency + "-chuyen-vien")
        .singleResult();
    Map<String, Object> answer = new HashMap<>();
    answer.put("computers", 120L);
    answer.put("servers", 4L);
    answer.put("network", "LAN 1 Gbps, Internet cáp quang 100 Mbps, kết nối mạng truyền số liệu chuyên dùng");
    answer.put("itStaff", 2L);
    answer.put("eOffice", "yes");
    answer.put("signedShare", 65L);
    answer.put("onlineServices", 12L);
    answer.put("serviceQuality", "Hệ thống vận hành ổn định; đường truyền còn chậm vào giờ cao điểm.");
    answer.put("proposals", "Đề nghị đầu tư thêm máy chủ dự phòng.");
    // as Tasklist does: the Camunda Form is submitted through the form service
    identityService.setAuthentication(user, List.of(agency + "-chuyen-vien"));
    try {
      formService.submitTaskForm(task.getId(), answer);
    } finally {
      identityService.clearAuthentication();
    }
    runDueJobs(); // asyncAfter of the survey task
  }

  private void draftPlan(ProcessInstance plan) {
    completeAs("stttt-cv", onlyTask(plan, "Task_DraftPlan"), Map.of(
        "planObjectives", "Nâng cao hiệu quả ứng dụng CNTT trong cơ quan nhà nước.",
        "planTasks", "Hoàn thiện hạ tầng kỹ thuật.\nPhát triển dịch vụ công trực tuyến mức độ 3, 4.",
        "planBudget", 12_500_000_000L,
        "planSchedule", "Quý I/2019: triển khai; Quý IV/2019: sơ kết."));
  }

  private void approveAsDirector(ProcessInstance plan) {
    completeAs("stttt-ld", onlyTask(plan, "Task_ApproveDraft"), Map.of("directorDecision", "approve"));
  }

  private Task officeTask(ProcessInstance plan) {
    return submissionTask(plan, "Task_ReviewDossier");
  }

  /** A task of the submission-review called by this plan (other tests' instances share the engine). */
  private Task submissionTask(ProcessInstance plan, String key) {
    ProcessInstance submission = runtimeService.createProcessInstanceQuery().superProcessInstanceId(plan.getId())
        .singleResult();
    return taskService.createTaskQuery().processInstanceId(submission.getId()).taskDefinitionKey(key).singleResult();
  }

  private void reviewAsOffice(ProcessInstance plan, String decision, String comments, String opinion) {
    Map<String, Object> values = new HashMap<>();
    values.put("officeDecision", decision);
    values.put("officeComments", comments);
    values.put("reviewOpinion", opinion);
    values.put("reviewProposal", "Đề nghị lãnh đạo UBND tỉnh xem xét, phê duyệt.");
    completeAs("vpubnd-cv", officeTask(plan), values);
  }

  private void decideAsLeader(ProcessInstance plan, String decision, String comments) {
    Task task = submissionTask(plan, "Task_DecideSubmission");
    completeAs("ubnd-ld", task, Map.of("leaderDecision", decision, "leaderComments", comments));
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identityService, taskService, userId, task, variables);
  }

  private Task onlyTask(ProcessInstance plan, String key) {
    return taskService.createTaskQuery().processInstanceId(plan.getId()).taskDefinitionKey(key).singleResult();
  }

  private List<String> candidateGroups(List<Task> tasks) {
    return tasks.stream().flatMap(task -> taskService.getIdentityLinksForTask(task.getId()).stream())
        .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
  }

  private void runDueJobs() {
    ProcessTestSupport.runDueJobs(managementService);
  }

  private String historyVariable(ProcessInstance plan, String name) {
    var variable = historyService.createHistoricVariableInstanceQuery().processInstanceId(plan.getId())
        .variableName(name).singleResult();
    return variable == null ? null : (String) variable.getValue();
  }

  private static void clock(LocalDate day, LocalTime time) {
    ProcessTestSupport.clock(day, time);
  }

  private static java.time.Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute), VietnamTime.ZONE).toInstant();
  }

  private static Date endOfDay(int year, int month, int day) {
    return VietnamTime.endOfDay(LocalDate.of(year, month, day));
  }
}
