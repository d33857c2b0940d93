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

/**
 * Every path of assignment-proposal (item 3 of 295/TB-UBND: Sở TT&TT proposes the e-government steering committee,
 * Sở Nội vụ is consulted) on the real 2018–2019 calendar; the engine clock is moved and jobs are run by hand.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-proposal;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false",
    "app.notices.demo=false"})
@ActiveProfiles("demo")
@Import(AssignmentStatusRecorder.class)
class AssignmentProposalProcessTest {

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
  void approved_submissionAndDecisionIssued_completed() throws Exception {
    ProcessInstance proposal = start("lead-3", "2019-01-05", List.of("SNV"));
    Task draft = onlyTask(proposal, "Task_DraftProposal");
    assertThat(draft.getName()).isEqualTo("Dự thảo đề xuất và dự thảo Quyết định — TB 295/TB-UBND, mục 3");
    assertThat(candidateGroups(draft)).containsExactly("STTTT-chuyen-vien");
    assertThatThrownBy(() -> completeAs("stttt-cv", draft, Map.of("proposalTitle", "thành lập Ban Chỉ đạo")))
        .hasMessageContaining("Nội dung đề xuất").hasMessageContaining("Dự thảo Quyết định");
    draft(proposal);

    Task consultation = onlyTask(proposal, "Task_ConsultPartner");
    assertThat(consultation.getName()).isEqualTo("Góp ý dự thảo đề xuất — TB 295/TB-UBND, mục 3");
    assertThat(candidateGroups(consultation)).containsExactly("SNV-chuyen-vien");
    // 7 working days would end on 08/01/2019: capped at the assignment deadline, Saturday 05/01 (a make-up day)
    assertThat(consultation.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 5)));
    assertThatThrownBy(() -> completeAs("snv-cv", consultation, Map.of("consultationOpinion", "comment")))
        .hasMessageContaining("Nội dung góp ý");
    completeAs("snv-cv", consultation, Map.of("consultationOpinion", "agree",
        "consultationComments", "Đề nghị bổ sung Giám đốc Sở Nội vụ làm thành viên."));

    Task approval = onlyTask(proposal, "Task_ApproveProposal");
    assertThat(candidateGroups(approval)).containsExactly("STTTT-lanh-dao");
    assertThat((String) runtimeService.getVariable(proposal.getId(), "consultationSummary"))
        .isEqualTo("Sở Nội vụ: thống nhất; Đề nghị bổ sung Giám đốc Sở Nội vụ làm thành viên.");
    completeAs("stttt-ld", approval, Map.of("directorDecision", "approve"));
    runDueJobs();

    decideInCommittee(proposal, "approve", null);
    // the committee's decision issues the numbered Quyết định in the same transaction (no job is run here)
    BpmnAwareTests.assertThat(proposal).isEnded().hasPassed("Task_IssueDecision", "EndEvent_ProposalDecided");
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.COMPLETED);
    List<IssuedDocument> documents = documentService.listForProcessInstance(proposal.getId());
    String submission = pdfText(documents, "TO_TRINH");
    assertThat(submission).contains("/TTr-STTTT")
        .contains("Về việc thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định")
        .contains("Thực hiện Thông báo số 295/TB-UBND ngày 26/12/2018 của Ủy ban nhân dân tỉnh")
        .contains("Sở Nội vụ: thống nhất; Đề nghị bổ sung Giám đốc Sở Nội vụ làm thành viên.")
        .contains("DỰ THẢO").contains("Thành lập Ban Chỉ đạo gồm 9 thành viên")
        .contains("Lê Thị Thu Hà");
    String decision = pdfText(documents, "QUYET_DINH");
    IssuedDocument decisionDocument = documents.stream().filter(doc -> doc.type().equals("QUYET_DINH"))
        .findFirst().orElseThrow();
    assertThat(decisionDocument.number()).endsWith("/QĐ-UBND");
    assertThat(decision).contains(decisionDocument.number())
        .contains("Về việc thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định")
        .contains("Xét đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số "
            + historyVariable(proposal, "submissionNumber"))
        .contains("Thành lập Ban Chỉ đạo gồm 9 thành viên")
        .contains("Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Nội vụ")
        .contains("KT. CHỦ TỊCH").contains("Nguyễn Phi Long");
  }

  @Test
  void returnedByDirector_backToDrafting_consultedAgain() {
    ProcessInstance proposal = start("lead-r", "2019-01-05", List.of("SNV"));
    draft(proposal);
    completeAs("snv-cv", onlyTask(proposal, "Task_ConsultPartner"), Map.of("consultationOpinion", "agree"));
    assertThatThrownBy(() -> completeAs("stttt-ld", onlyTask(proposal, "Task_ApproveProposal"),
        Map.of("directorDecision", "return"))).hasMessageContaining("Ý kiến chỉ đạo");
    completeAs("stttt-ld", onlyTask(proposal, "Task_ApproveProposal"),
        Map.of("directorDecision", "return", "directorComments", "Bổ sung quy chế hoạt động của Ban."));

    onlyTask(proposal, "Task_DraftProposal");
    assertThat((String) runtimeService.getVariable(proposal.getId(), "returnComments"))
        .startsWith("Lãnh đạo cơ quan trả lại dự thảo").contains("Bổ sung quy chế hoạt động của Ban.");
    draft(proposal);
    // the revised draft goes to the partners again, with the earlier answers forgotten
    Task again = onlyTask(proposal, "Task_ConsultPartner");
    assertThat(runtimeService.getVariable(proposal.getId(), "consultationRecord")).isEqualTo("");
    completeAs("snv-cv", again, Map.of("consultationOpinion", "agree"));
    completeAs("stttt-ld", onlyTask(proposal, "Task_ApproveProposal"), Map.of("directorDecision", "approve"));
    runDueJobs();
    decideInCommittee(proposal, "approve", null);
    runDueJobs();
    BpmnAwareTests.assertThat(proposal).isEnded().hasPassed("EndEvent_ProposalDecided");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(proposal.getId())
        .activityId("Task_DraftProposal").count()).isEqualTo(2);
  }

  @Test
  void partnerSilentAtTheDeadline_recordedAsAgreeing() throws Exception {
    ProcessInstance proposal = start("lead-s", "2019-01-31", List.of("SNV", "STP"));
    draft(proposal);
    List<Task> consultations = taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey("Task_ConsultPartner").list();
    assertThat(consultations).hasSize(2);
    // 7 working days from Thu 27/12/2018 across the New Year days off (Sat 05/01/2019 is a working day)
    assertThat(consultations).allSatisfy(task ->
        assertThat(task.getDueDate()).isEqualTo(VietnamTime.endOfDay(LocalDate.of(2019, 1, 8))));
    Task snv = consultations.stream().filter(task -> candidateGroups(task).contains("SNV-chuyen-vien")).findFirst()
        .orElseThrow();
    completeAs("snv-cv", snv, Map.of("consultationOpinion", "comment",
        "consultationComments", "Đề nghị Sở Nội vụ là cơ quan thường trực."));

    clock(LocalDate.of(2019, 1, 8), LocalTime.of(16, 0));
    runDueJobs();
    onlyTask(proposal, "Task_ConsultPartner");
    clock(LocalDate.of(2019, 1, 9), LocalTime.of(7, 45));
    runDueJobs();

    assertThat(taskService.createTaskQuery().processInstanceId(proposal.getId())
        .taskDefinitionKey("Task_ConsultPartner").count()).isZero();
    onlyTask(proposal, "Task_ApproveProposal");
    assertThat((String) runtimeService.getVariable(proposal.getId(), "consultationSummary")).isEqualTo(
        "Sở Nội vụ: có ý kiến khác: Đề nghị Sở Nội vụ là cơ quan thường trực.\n"
            + "Sở Tư pháp: không có ý kiến khi hết thời hạn lấy ý kiến, được coi là thống nhất.");
    assertThat(runtimeService.getVariable(proposal.getId(), "silentPartners")).isEqualTo("STP");
    completeAs("stttt-ld", onlyTask(proposal, "Task_ApproveProposal"), Map.of("directorDecision", "approve"));
    runDueJobs();
    String submission = pdfText(documentService.listForProcessInstance(proposal.getId()), "TO_TRINH");
    assertThat(submission)
        .contains("Sở Tư pháp: không có ý kiến khi hết thời hạn lấy ý kiến, được coi là thống nhất.");
  }

  @Test
  void rejected_leadNotified_noDecision() {
    ProcessInstance proposal = start("lead-x", "2019-01-05", List.of("SNV"));
    draft(proposal);
    completeAs("snv-cv", onlyTask(proposal, "Task_ConsultPartner"), Map.of("consultationOpinion", "agree"));
    completeAs("stttt-ld", onlyTask(proposal, "Task_ApproveProposal"), Map.of("directorDecision", "approve"));
    runDueJobs();
    decideInCommittee(proposal, "reject", "Chưa cần thiết thành lập Ban Chỉ đạo riêng.");

    BpmnAwareTests.assertThat(proposal).isEnded().hasPassed("Task_NotifyRejection", "EndEvent_ProposalRejected")
        .hasNotPassed("Task_IssueDecision");
    // no mail server in this test: the notifier ran and recorded whom it reached (nobody)
    assertThat(historyVariable(proposal, "rejectionNotifiedTo")).isNotNull();
    assertThat(historyVariable(proposal, "leaderComments")).isEqualTo("Chưa cần thiết thành lập Ban Chỉ đạo riêng.");
    assertThat(documentService.listForProcessInstance(proposal.getId()))
        .noneMatch(doc -> doc.type().equals("QUYET_DINH"));
    // not approved is its own outcome in the progress, not a completion
    assertThat(events.seen).extracting(AssignmentStatusChanged::status)
        .containsExactly(AssignmentStatus.IN_PROGRESS, AssignmentStatus.REJECTED);
  }

  private void decideInCommittee(ProcessInstance proposal, String decision, String comments) {
    ProcessInstance review = runtimeService.createProcessInstanceQuery().superProcessInstanceId(proposal.getId())
        .singleResult();
    completeAs("vpubnd-cv", onlyTask(review, "Task_ReviewDossier"), Map.of("officeDecision", "complete",
        "reviewOpinion", "Hồ sơ đầy đủ, đúng quy định.", "reviewProposal", "Đề nghị lãnh đạo UBND tỉnh xem xét."));
    Map<String, Object> variables = new HashMap<>();
    variables.put("leaderDecision", decision);
    if (comments != null) {
      variables.put("leaderComments", comments);
    }
    completeAs("ubnd-ld", onlyTask(review, "Task_DecideSubmission"), variables);
  }

  private void draft(ProcessInstance proposal) {
    completeAs("stttt-cv", onlyTask(proposal, "Task_DraftProposal"), Map.of(
        "proposalTitle", "thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định",
        "proposalContent", "Thực hiện Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính phủ.",
        "draftDecision", "Thành lập Ban Chỉ đạo gồm 9 thành viên, do Chủ tịch UBND tỉnh làm Trưởng ban.\n"
            + "Sở Thông tin và Truyền thông là cơ quan thường trực."));
  }

  private ProcessInstance start(String leadId, String deadline, List<String> partners) {
    Map<String, Object> variables = ProcessTestSupport.assignmentVariables(leadId, "3", deadline);
    variables.put("assignmentKind", "proposal");
    variables.put("assignmentTitle", "Đề xuất thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định");
    variables.put("leadAgency", "STTTT");
    variables.put("partners", new java.util.ArrayList<>(partners));
    variables.put("urgent", Boolean.TRUE);
    return runtimeService.startProcessInstanceByKey("assignment-proposal", variables);
  }

  private String pdfText(List<IssuedDocument> documents, String type) throws java.io.IOException {
    return ProcessTestSupport.pdfText(documentService, documents, type);
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
