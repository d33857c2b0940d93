package vn.gov.directives.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import vn.gov.directives.calendar.VietnamTime;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * The history cleanup of application.yaml works: the engine schedules its job by itself, the job deletes nothing
 * during office hours and, in the night window (Vietnam time, the JVM here runs in New York time), deletes the
 * history of the processes that ended more than their time-to-live ago and nothing else.
 */
// same configuration as DeploymentTest: Spring reuses its context (no job executor: the test runs the job itself)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class HistoryCleanupTest {

  private static final String PROCESS = "history-cleanup-check";
  /** Days, as on the product's assignment processes. */
  private static final int TIME_TO_LIVE = 180;

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
        .name("Kiểm tra dọn lịch sử")
        .camundaHistoryTimeToLive(TIME_TO_LIVE)
        .startEvent().name("Bắt đầu")
        .userTask("work").name("Xử lý công việc")
        .endEvent().name("Kết thúc")
        .done();
    deploymentId = repositoryService.createDeployment().name("history cleanup test")
        .addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @Test
  void theNightCleanupRemovesTheHistoryOfProcessesEndedLongerAgoThanTheirTimeToLive() {
    String expired = runToEnd(LocalDate.of(2019, 1, 10));           // removal time 09/07/2019
    String recent = runToEnd(LocalDate.of(2019, 6, 3));             // removal time 30/11/2019
    ProcessTestSupport.clock(LocalDate.of(2019, 1, 11), LocalTime.of(9, 0));
    String running = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("subject", "vẫn đang xử lý")).getId();

    // scheduled by the engine at start-up because a batch window is configured; nobody has to call the API
    List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
    assertThat(cleanupJobs).as("history cleanup job scheduled at start").isNotEmpty();
    ZonedDateTime due = cleanupJobs.get(0).getDuedate().toInstant().atZone(VietnamTime.ZONE);
    assertThat(due.toLocalTime()).as("due in the night window, Vietnam time")
        .matches(time -> !time.isBefore(LocalTime.of(23, 0)) || time.isBefore(LocalTime.of(5, 0)));

    // 20/07/2019 at 14:00, office hours: past the time-to-live, but outside the window nothing is deleted
    ProcessTestSupport.clock(LocalDate.of(2019, 7, 20), LocalTime.of(14, 0));
    runCleanup();
    assertThat(historyOf(expired)).isEqualTo(1);

    // the same night at 23:30 Vietnam time (12:30 in New York): the expired history goes, with its tasks and data
    ProcessTestSupport.clock(LocalDate.of(2019, 7, 20), LocalTime.of(23, 30));
    runCleanup();
    assertThat(historyOf(expired)).isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(expired).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(expired).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expired).count()).isZero();
    // a process ended within its time-to-live and a running one keep their history
    assertThat(historyOf(recent)).isEqualTo(1);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(recent).count()).isOne();
    assertThat(historyOf(running)).isEqualTo(1);
  }

  private String runToEnd(LocalDate day) {
    ProcessTestSupport.clock(day, LocalTime.of(9, 0));
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS, Map.of("subject", "đã xong"));
    ProcessTestSupport.clock(day, LocalTime.of(10, 0));
    taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished()
        .count()).isOne();
    return instance.getId();
  }

  private void runCleanup() {
    historyService.findHistoryCleanupJobs().forEach(job -> managementService.executeJob(job.getId()));
  }

  private long historyOf(String processInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count();
  }
}
