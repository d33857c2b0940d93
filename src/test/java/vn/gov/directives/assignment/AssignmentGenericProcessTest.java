package vn.gov.directives.assignment;

import vn.gov.directives.support.AssignmentStatusRecorder;
import vn.gov.directives.support.ProcessTestSupport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.plan.DocumentLinks;

/**
 * Every path of assignment-generic on the real 2018–2019 calendar, started directly with the variables the notice
 * follow-up process passes; the engine clock is moved and jobs are run by hand.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-generic;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@Import(AssignmentStatusRecorder.class)
class AssignmentGenericProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DocumentService documentService;
  @Autowired AssignmentStatusRecorder events;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    events.seen.clear();
    clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
  }

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void acceptedFirstTime_reportIssued_completedPublished() {
    ProcessInstance assignment = start("lead-3", "2019-01-05");
    Task work = onlyTask(assignment, "Task_DoAssignment");
    // assignment 3 of 295/TB-UBND: Saturday 05/01/2019 is a make-up working day, so due that day
    assertThat(work.getName()).isEqualTo("Thực hiện nhiệm vụ và báo cáo kết quả — TB 295/TB-UBND, mục 3");
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThat(candidateGroups(work)).containsExactly("STC-chuyen-vien");
    // the forms' document list: nothing issued yet
    assertThat(runtimeService.getVariable(assignment.getId(), "documentLinks")).isEqualTo(DocumentLinks.NONE);

    report(assignment);
    Task approval = onlyTask(assignment, "Task_ApproveReport");
    assertThat(approval.getName()).endsWith("— TB 295/TB-UBND, mục 3");
    assertThat(candidateGroups(approval)).containsExactly("STC-lanh-dao");
    completeAs("stc-ld", approval, Map.of("leaderDecision", "approve"));
    Task acceptance = onlyTask(assignment, "Task_AcceptReport");
    assertThat(candidateGroups(acceptance)).containsExactly("VPUBND-chuyen-vien");
    completeAs("vpubnd-cv", acceptance, Map.of("officeDecision", "accept"));
    // the click commits at once: the numbered report is issued by the job executor, not in Văn phòng's request
    BpmnAwareTests.assertThat(assignment).isWaitingAt("Task_IssueResultReport");
    assertThat(documentService.listForProcessInstance(assignment.getId())).isEmpty();
    assertThat(events.seen).extracting(AssignmentStatusChanged::status).containsExactly(AssignmentStatus.IN_PROGRESS);
    runDueJobs();

    BpmnAwareTests.assertThat(assignment).isEnded().hasPassed("Task_IssueResultReport");
    assertThat(events.seen).extracting(AssignmentStatusChanged::assignmentLeadId, AssignmentStatusChanged::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("lead-3", AssignmentStatus.IN_PROGRESS),
            org.assertj.core.groups.Tuple.tuple("lead-3", AssignmentStatus.COMPLETED));
    List<IssuedDocument> documents = documentService.listForProcessInstance(assignment.getId());
    assertThat(documents).hasSize(1);
    IssuedDocument report = documents.get(0);
    assertThat(report.number()).isEqualTo(historyVariable(assignment, "resultReportNumber")).contains("/BC-STC");
    assertThat(documentService.formats(report.id())).isNotEmpty();
    // ... and the forms' document list links its DOCX and PDF
    assertThat((String) historyVariable(assignment, "documentLinks")).contains("số " + report.number())
        .contains("/api/documents/" + report.id() + "/docx", "/api/documents/" + report.id() + "/pdf");
  }

  @Test
  void leaderReturns_specialistSeesComments_thenAccepted() {
    ProcessInstance assignment = start("lead-r", "2019-01-05");
    report(assignment);
    assertThatThrownBy(() -> completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"),
        Map.of("leaderDecision", "return"))).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Ý kiến chỉ đạo");
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"),
        Map.of("leaderDecision", "return", "leaderComments", "Bổ sung số liệu giải ngân."));
    Task work = onlyTask(assignment, "Task_DoAssignment");
    assertThat(work.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThat((String) runtimeService.getVariable(assignment.getId(), "returnComments"))
        .contains("Bổ sung số liệu giải ngân.");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"), Map.of("officeDecision", "accept"));
    runDueJobs();
    BpmnAwareTests.assertThat(assignment).isEnded();
  }

  @Test
  void officeAsksForMore_backToSpecialist_thenAccepted() {
    ProcessInstance assignment = start("lead-o", "2019-01-05");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"),
        Map.of("officeDecision", "return", "officeComments", "Đề nghị nêu rõ nguồn vốn."));
    onlyTask(assignment, "Task_DoAssignment");
    assertThat((String) runtimeService.getVariable(assignment.getId(), "returnComments"))
        .startsWith("Văn phòng UBND tỉnh đề nghị bổ sung").contains("Đề nghị nêu rõ nguồn vốn.");
    report(assignment);
    completeAs("stc-ld", onlyTask(assignment, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    completeAs("vpubnd-cv", onlyTask(assignment, "Task_AcceptReport"), Map.of("officeDecision", "accept"));
    runDueJobs();
    BpmnAwareTests.assertThat(assignment).isEnded().hasPassed("Task_IssueResultReport");
    assertThat(documentService.listForProcessInstance(assignment.getId())).hasSize(1);
  }

  @Test
  void aReportWithoutResultStaysOpen_theWorkTaskOffersNoExtensionOfItsOwn() {
    ProcessInstance assignment = start("lead-e", "2019-01-05");
    Task work = onlyTask(assignment, "Task_DoAssignment");
    // what the old form sent for an extension is no longer a way out of the work task: extension-request is the
    // one mechanism (ExtensionRequestProcessTest), so two requests can never wait at once
    assertThatThrownBy(() -> completeAs("stc-cv", work, Map.of("workOutcome", "extension",
        "extensionReasons", "Chờ số liệu của các huyện.", "proposedDeadline", "2019-01-31")))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'Kết quả thực hiện nhiệm vụ' là bắt buộc")
        .hasMessageContaining("Đề nghị gia hạn nhiệm vụ");
    assertThat(onlyTask(assignment, "Task_DoAssignment").getId()).isEqualTo(work.getId());
    assertThat(events.seen).extracting(AssignmentStatusChanged::status).containsExactly(AssignmentStatus.IN_PROGRESS);
    report(assignment);
    assertThat(historyVariable(assignment, "specialistUserId")).isEqualTo("stc-cv");
    onlyTask(assignment, "Task_ApproveReport");
  }

  @Test
  void noDeadline_remindedEveryFiveWorkingDays() {
    // received Thu 27/12/2018; days off 29/12–01/01; Sat 05/01/2019 is a make-up working day
    ProcessInstance assignment = start("lead-n", null);
    Task work = onlyTask(assignment, "Task_DoAssignment");
    assertThat(runtimeService.getVariable(assignment.getId(), "assignmentDeadlineText")).isEqualTo("Không có thời hạn");
    assertThat(work.getDueDate()).isNotNull();
    for (LocalDate day = LocalDate.of(2018, 12, 28); day.isBefore(LocalDate.of(2019, 1, 16)); day = day.plusDays(1)) {
      clock(day, LocalTime.of(7, 31));
      runDueJobs();
    }
    // working days after 27/12: 28/12, 02/01, 03/01, 04/01, 05/01 (5th) ... 07, 08, 09, 10, 11/01 (10th)
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(assignment.getId())
        .activityId("Task_RemindNoDeadline").orderByHistoricActivityInstanceStartTime().asc().list())
        .extracting(activity -> VietnamTime.toLocalDate(activity.getStartTime()))
        .containsExactly(LocalDate.of(2019, 1, 5), LocalDate.of(2019, 1, 11));
    assertThat(runtimeService.getVariable(assignment.getId(), "noDeadlineReminderCount")).isEqualTo(2);
    // the work task is still there: the reminder does not interrupt it
    assertThat(onlyTask(assignment, "Task_DoAssignment").getId()).isEqualTo(work.getId());
  }

  @Test
  void missingVariablesRefuseTheStart() {
    Map<String, Object> variables = variables("lead-bad", "2019-01-05");
    variables.put("leadAgency", "KHONGCO");
    variables.remove("assignmentTitle");
    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("assignment-generic", variables))
        .hasMessageContaining("Thiếu biến assignmentTitle").hasMessageContaining("'KHONGCO'");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("assignment-generic").count()).isZero();
    assertThat(events.seen).isEmpty();
  }

  private ProcessInstance start(String leadId, String deadline) {
    return runtimeService.startProcessInstanceByKey("assignment-generic", variables(leadId, deadline));
  }

  private static Map<String, Object> variables(String leadId, String deadline) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("assignmentLeadId", leadId);
    variables.put("noticeId", "notice-1");
    variables.put("noticeNumber", "295/TB-UBND");
    variables.put("noticeDate", "2018-12-26");
    variables.put("assignmentCode", "3");
    variables.put("assignmentKind", "budget");
    variables.put("assignmentTitle", "Bố trí kinh phí thực hiện Kế hoạch ứng dụng CNTT năm 2019");
    variables.put("leadAgency", "STC");
    variables.put("partners", List.of("STTTT"));
    variables.put("urgent", Boolean.FALSE);
    variables.put("assignmentDeadline", deadline);
    variables.put("planDeadline", deadline);
    variables.put("taskSuffix", " — TB 295/TB-UBND, mục 3");
    return variables;
  }

  private void report(ProcessInstance assignment) {
    completeAs("stc-cv", onlyTask(assignment, "Task_DoAssignment"), Map.of(
        "resultSummary", "Đã bố trí 1.250.000.000 đồng trong dự toán năm 2019.\nĐã thông báo cho Sở TT&TT."));
  }

  private void completeAs(String userId, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identityService, taskService, userId, task, variables);
  }

  private Task onlyTask(ProcessInstance instance, String key) {
    return ProcessTestSupport.onlyTask(taskService, instance.getId(), key);
  }

  private List<String> candidateGroups(Task task) {
    return ProcessTestSupport.candidateGroups(taskService, task);
  }

  private void runDueJobs() {
    ProcessTestSupport.runDueJobs(managementService);
  }

  private Object historyVariable(ProcessInstance instance, String name) {
    return ProcessTestSupport.historyVariable(historyService, instance.getId(), name);
  }

  private static void clock(LocalDate day, LocalTime time) {
    ProcessTestSupport.clock(day, time);
  }
}
