package vn.gov.directives.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.support.AssignmentStatusRecorder;
import vn.gov.directives.support.ProcessTestSupport;
import vn.gov.directives.support.TestMail;

/**
 * The product runs at the history level full-lean: a generic assignment taken from start to accepted, with a
 * reassignment, a changed due date and a retried job on the way, leaves everything a manager or an operator reads
 * (who did and changed what, candidates and assignees, latest variable values, the job that ran, the ranking
 * decision) and none of the variable-update details or job creation and deletion entries.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:assignment-generic;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@Import(AssignmentStatusRecorder.class)
class LeanFullHistoryTest {

  /** A real SMTP server: a reminder goes out in this test, and its job's success is the job log kept. */
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
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired DecisionService decisionService;

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void theEngineRunsAtTheProductsLevel() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryLevel().getName()).isEqualTo(LeanFullHistoryLevel.NAME);
    assertThat(managementService.getProperties()).containsEntry("historyLevel",
        String.valueOf(LeanFullHistoryLevel.ID));
  }

  @Test
  void anAcceptedAssignmentKeepsItsAuditTrailWithoutTheBulkLogs() {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
    ProcessInstance assignment = runtimeService.startProcessInstanceByKey("assignment-generic",
        ProcessTestSupport.budgetAssignmentVariables("lead-history", "2019-01-05"));
    String id = assignment.getId();
    Task work = ProcessTestSupport.onlyTask(taskService, id, "Task_DoAssignment");

    // an administrator gives the task to a specialist, moves its due date and retries a job
    Date movedDue = VietnamTime.endOfDay(LocalDate.of(2019, 1, 10));
    as("demo", () -> {
      taskService.setAssignee(work.getId(), "stc-cv");
      Task assigned = taskService.createTaskQuery().taskId(work.getId()).singleResult();
      assigned.setDueDate(movedDue);
      taskService.saveTask(assigned);
    });
    List<Job> reminders = managementService.createJobQuery().processInstanceId(id).list();
    assertThat(reminders).as("the task's reminder jobs").isNotEmpty();
    as("demo", () -> managementService.setJobRetries(reminders.get(0).getId(), 3));
    // the administrator runs it now (Cockpit's "retry"): the reminder of the moved due date goes out
    managementService.executeJob(reminders.get(0).getId());
    assertThat(MAIL.getReceivedMessages()).as("the reminder e-mailed").isNotEmpty();

    ProcessTestSupport.completeAs(identityService, taskService, "stc-cv",
        ProcessTestSupport.onlyTask(taskService, id, "Task_DoAssignment"),
        Map.of("resultSummary", "Đã bố trí kinh phí.\nĐã thông báo cho Sở TT&TT."));
    ProcessTestSupport.completeAs(identityService, taskService, "stc-ld",
        ProcessTestSupport.onlyTask(taskService, id, "Task_ApproveReport"), Map.of("leaderDecision", "return",
            "leaderComments", "Bổ sung số liệu."));
    ProcessTestSupport.completeAs(identityService, taskService, "stc-cv",
        ProcessTestSupport.onlyTask(taskService, id, "Task_DoAssignment"),
        Map.of("resultSummary", "Đã bố trí 1.250.000.000 đồng.\nĐã thông báo cho Sở TT&TT."));
    ProcessTestSupport.completeAs(identityService, taskService, "stc-ld",
        ProcessTestSupport.onlyTask(taskService, id, "Task_ApproveReport"), Map.of("leaderDecision", "approve"));
    ProcessTestSupport.completeAs(identityService, taskService, "vpubnd-cv",
        ProcessTestSupport.onlyTask(taskService, id, "Task_AcceptReport"), Map.of("officeDecision", "accept"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).finished().count())
        .as("the assignment ended").isEqualTo(1);

    // kept: who did which task, and who could
    HistoricTaskInstance first = historyService.createHistoricTaskInstanceQuery().processInstanceId(id)
        .taskId(work.getId()).singleResult();
    assertThat(first.getAssignee()).isEqualTo("stc-cv");
    assertThat(first.getDueDate()).isEqualTo(movedDue);
    assertThat(first.getEndTime()).isNotNull();
    List<HistoricIdentityLinkLog> links = historyService.createHistoricIdentityLinkLogQuery().taskId(work.getId())
        .list();
    assertThat(links).extracting(HistoricIdentityLinkLog::getGroupId).contains("STC-chuyen-vien");
    assertThat(links).extracting(HistoricIdentityLinkLog::getUserId).contains("stc-cv");
    // kept: the user operation log says who reassigned, moved the due date, retried the job and completed
    List<UserOperationLogEntry> operations = historyService.createUserOperationLogQuery().processInstanceId(id)
        .list();
    assertThat(operations).filteredOn(e -> e.getOperationType().equals(UserOperationLogEntry.OPERATION_TYPE_ASSIGN))
        .extracting(UserOperationLogEntry::getUserId, UserOperationLogEntry::getNewValue)
        .contains(org.assertj.core.groups.Tuple.tuple("demo", "stc-cv"));
    assertThat(operations).filteredOn(e -> "dueDate".equals(e.getProperty()))
        .extracting(UserOperationLogEntry::getUserId).containsExactly("demo");
    assertThat(operations).filteredOn(e -> e.getOperationType().equals(UserOperationLogEntry.OPERATION_TYPE_COMPLETE))
        .extracting(UserOperationLogEntry::getUserId).contains("stc-cv", "stc-ld", "vpubnd-cv");
    assertThat(historyService.createUserOperationLogQuery().jobId(reminders.get(0).getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES).list())
        .extracting(UserOperationLogEntry::getUserId).contains("demo");
    // kept: the latest value of every variable
    assertThat(ProcessTestSupport.historyVariable(historyService, id, "leaderDecision")).isEqualTo("approve");
    assertThat(ProcessTestSupport.historyVariable(historyService, id, "resultSummary"))
        .isEqualTo("Đã bố trí 1.250.000.000 đồng.\nĐã thông báo cho Sở TT&TT.");
    // kept: the job that sent the reminder, and which node ran it
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(id).successLog().list())
        .extracting(log -> log.getActivityId(), log -> log.getHostname() != null)
        .contains(org.assertj.core.groups.Tuple.tuple("Task_DoAssignment", true));

    // dropped: every intermediate variable value, and the creation and deletion entries of the reminder jobs
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(id).creationLog().count()).isZero();
    assertThat(historyService.createHistoricJobLogQuery().processInstanceId(id).deletionLog().count()).isZero();
  }

  @Test
  void theRankingDecisionIsInTheHistory() {
    decisionService.evaluateDecisionTableByKey("it-ranking-level", Variables.putValue("score", 91.5));
    List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("it-ranking-level").includeInputs().includeOutputs().list();
    assertThat(decisions).isNotEmpty();
    HistoricDecisionInstance latest = decisions.get(decisions.size() - 1);
    assertThat(latest.getInputs()).extracting(input -> input.getValue()).contains(91.5);
    assertThat(latest.getOutputs()).extracting(output -> output.getVariableName()).contains("level");
  }

  private void as(String userId, Runnable action) {
    identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(group -> group.getId()).toList());
    try {
      action.run();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
