package vn.gov.directives.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real in-memory engine with the plugin: BPMN "P5D" on user tasks and timers means five working days. */
class WorkingDayBusinessCalendarEngineTest {

  private static ProcessEngine engine;

  private static Date vn(String isoDateTime) {
    return Date.from(OffsetDateTime.parse(isoDateTime + "+07:00").toInstant());
  }

  @BeforeAll
  static void buildEngine() {
    HolidayWorkingCalendar calendar = HolidayWorkingCalendar.bundled();
    DueDateService dueDates = new DueDateService(new WorkingDayDeadlines(calendar),
        Map.of("survey", 10, "drafting", 5, "director", 2, "office-review", 5, "leader-decision", 3));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:calendar-engine-test;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("calendar-engine-test")
        .setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new WorkingDayBusinessCalendarPlugin(calendar)));
    configuration.setBeans(Map.of("dueDates", dueDates));
    engine = configuration.buildProcessEngine();

    BpmnModelInstance model = Bpmn.createExecutableProcess("workingDays")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .parallelGateway("fork")
        .userTask("survey").name("Báo cáo thực trạng").camundaDueDate("P5D")
        .endEvent()
        .moveToNode("fork")
        .userTask("quick").name("Việc trong ngày").camundaDueDate("PT2H")
        .endEvent()
        .moveToNode("fork")
        .userTask("drafting").name("Dự thảo").camundaDueDate("${dueDates.forStep('drafting', execution)}")
        .endEvent()
        .moveToNode("fork")
        .intermediateCatchEvent("wait").timerWithDuration("P5D")
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("working-days.bpmn", model).deploy();
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private Task task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void userTaskAndTimerDueInFiveWorkingDaysAcrossNewYear2019() {
    ClockUtil.setCurrentTime(vn("2018-12-28T10:00:00"));
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("workingDays");

    // Sat 29/12 – Tue 01/01 off; Wed 02, Thu 03, Fri 04, Sat 05 (make-up), Mon 07
    assertThat(task(instance, "survey").getDueDate()).isEqualTo(vn("2019-01-07T23:59:59"));
    assertThat(task(instance, "quick").getDueDate()).isEqualTo(vn("2018-12-28T12:00:00"));
    assertThat(task(instance, "drafting").getDueDate()).isEqualTo(vn("2019-01-07T23:59:59"));
    Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .singleResult();
    assertThat(timer.getDuedate()).isEqualTo(vn("2019-01-07T23:59:59"));
  }

  @Test
  void stepDueDateFromTheDueDatesBeanIsCappedByThePlanDeadline() {
    ClockUtil.setCurrentTime(vn("2018-12-28T10:00:00"));
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey("workingDays", Map.of(DueDateService.PLAN_DEADLINE_VARIABLE, "2019-01-04"));

    assertThat(task(instance, "drafting").getDueDate()).isEqualTo(vn("2019-01-04T23:59:59"));
    assertThat(task(instance, "survey").getDueDate()).isEqualTo(vn("2019-01-07T23:59:59"));
  }
}
