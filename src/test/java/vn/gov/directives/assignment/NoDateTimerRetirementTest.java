package vn.gov.directives.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.reminder.ReminderJobConfiguration;
import vn.gov.directives.reminder.ReminderKind;
import vn.gov.directives.reminder.ReminderLog;
import vn.gov.directives.reminder.ReminderRecord;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * An upgrade: instances started on the assignment-generic of the previous release, with its daily no-date boundary
 * timer, are moved to the current model at start and reminded by the job chain from then on.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:no-date-timer-retirement;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("demo")
@Import(NoDateTimerRetirementTest.PreviousRelease.class)
class NoDateTimerRetirementTest {

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ReminderLog reminderLog;
  @Autowired NoDateTimerRetirement retirement;

  @AfterEach
  void reset() {
    ProcessTestSupport.deleteRunningInstances(runtimeService);
    ClockUtil.reset();
  }

  @Test
  void instancesWithTheDailyTimerMoveToTheCurrentModelAndKeepBeingReminded() throws Exception {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
    // the previous release's model (commit bd0e870), as an existing database has it
    deploy("assignment-generic.bpmn",
        getClass().getResourceAsStream("/assignment/assignment-generic-with-no-date-timer.bpmn"));
    ProcessInstance undated = start("lead-u", null);
    ProcessInstance dated = start("lead-d", "2019-01-31");
    ProcessInstance reported = start("lead-r", "2019-01-31");
    ProcessTestSupport.completeAs(identityService, taskService, "stc-cv",
        ProcessTestSupport.onlyTask(taskService, reported.getId(), "Task_DoAssignment"),
        Map.of("resultSummary", "Đã bố trí kinh phí."));
    assertThat(managementService.createJobQuery().activityId("Timer_NoDeadlineReminder").count()).isEqualTo(2);

    // the new release deploys the current model; the previous one's instances are still running on theirs
    deploy("assignment-generic.bpmn", Files.newInputStream(Path.of("processes", "assignment-generic.bpmn")));
    ProcessDefinition current = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("assignment-generic").latestVersion().singleResult();

    assertThat(retirement.retire()).isEqualTo(3);
    assertThat(retirement.retire()).as("a second start finds nothing to move").isZero();

    for (ProcessInstance instance : List.of(undated, dated, reported)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
    }
    assertThat(managementService.createJobQuery().activityId("Timer_NoDeadlineReminder").count()).isZero();
    assertThat(reminderJobs(undated)).extracting(ReminderJobConfiguration::kind)
        .containsExactlyInAnyOrder(ReminderKind.TASK_REMINDER, ReminderKind.NO_DEADLINE_REMINDER);
    assertThat(reminderJobs(dated)).extracting(ReminderJobConfiguration::kind)
        .containsExactly(ReminderKind.TASK_REMINDER);
    assertThat(reminderJobs(reported)).extracting(ReminderJobConfiguration::kind)
        .containsExactly(ReminderKind.TASK_REMINDER);

    // the undated one is reminded on its 5th working day (Sat 05/01/2019), without any failing job
    for (LocalDate day = LocalDate.of(2018, 12, 28); !day.isAfter(LocalDate.of(2019, 1, 5)); day = day.plusDays(1)) {
      ProcessTestSupport.clock(day, LocalTime.of(7, 31));
      ProcessTestSupport.runDueJobs(managementService);
    }
    assertThat(managementService.createJobQuery().withException().count()).isZero();
    assertThat(reminderLog.findByProcessInstances(List.of(undated.getId())))
        .filteredOn(record -> record.kind() == ReminderKind.NO_DEADLINE_REMINDER)
        .extracting(ReminderRecord::days).containsExactly(5);
  }

  @Test
  void instancesThatCannotMoveKeepTheirModelAndTheirReminders() throws Exception {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
    deploy("assignment-generic.bpmn",
        getClass().getResourceAsStream("/assignment/assignment-generic-with-no-date-timer.bpmn"));
    ProcessInstance waiting = start("lead-w", null);
    String previous = runtimeService.createProcessInstanceQuery().processInstanceId(waiting.getId()).singleResult()
        .getProcessDefinitionId();
    List<String> before = reminderJobIds(waiting);
    assertThat(before).isNotEmpty();
    // a later model whose work task has another id: the waiting instance cannot be mapped onto it
    String renamed = Files.readString(Path.of("processes", "assignment-generic.bpmn"))
        .replace("Task_DoAssignment", "Task_DoAssignmentRenamed");
    deploy("assignment-generic.bpmn", new java.io.ByteArrayInputStream(renamed.getBytes(
        java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(retirement.retire()).isZero();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.getId()).singleResult()
        .getProcessDefinitionId()).as("still on its own model").isEqualTo(previous);
    assertThat(managementService.createJobQuery().processInstanceId(waiting.getId())
        .activityId("Timer_NoDeadlineReminder").count()).as("its timer, not half-migrated").isEqualTo(1);
    assertThat(reminderJobIds(waiting)).as("its reminder jobs, never taken out").isEqualTo(before);
  }

  private void deploy(String name, InputStream bpmn) throws Exception {
    try (bpmn) {
      repositoryService.createDeployment().name("upgrade test").enableDuplicateFiltering(false)
          .addInputStream(name, bpmn).deploy();
    }
  }

  private List<String> reminderJobIds(ProcessInstance instance) {
    return ProcessTestSupport.reminderJobs(managementService, instance.getId()).stream()
        .map(JobEntity::getId).sorted().toList();
  }

  private List<ReminderJobConfiguration> reminderJobs(ProcessInstance instance) {
    return ProcessTestSupport.reminderJobs(managementService, instance.getId()).stream()
        .map(ProcessTestSupport::reminderOf).toList();
  }

  private ProcessInstance start(String leadId, String deadline) {
    return runtimeService.startProcessInstanceByKey("assignment-generic",
        ProcessTestSupport.budgetAssignmentVariables(leadId, deadline));
  }

  /** What the previous release's model needs to start: the retired bean's timer cycle. */
  @TestConfiguration
  static class PreviousRelease {
    @Bean("noDeadlineReminders")
    RetiredBean noDeadlineReminders() {
      return new RetiredBean();
    }
  }

  public static class RetiredBean {
    public String cycle(DelegateExecution execution) {
      return "R/2018-12-28T07:30:00+07:00/P1D";
    }

    public boolean due(DelegateExecution execution) {
      return false;
    }
  }
}
