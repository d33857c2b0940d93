package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The product's Tasklist filters on a real engine with authorization on: created fresh, brought from the first
 * release's "Quá hạn" (every overdue task one may read) to the unit's overdue work, and users' own filters left alone.
 */
class TaskFilterSynchronizerTest {

  private static ProcessEngine engine;
  private static FilterService filters;
  private static TaskService tasks;
  private static IdentityService identity;

  @BeforeAll
  static void buildEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:task-filter-test;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("task-filter-test")
        .setJobExecutorActivate(false)
        .setAuthorizationEnabled(true)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    engine = configuration.buildProcessEngine();
    filters = engine.getFilterService();
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("unit-task.bpmn", Bpmn.createExecutableProcess("unit-task").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").name("Xử lý việc").camundaCandidateGroups("${group}")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        .addModelInstance("personal-task.bpmn", Bpmn.createExecutableProcess("personal-task")
            .camundaHistoryTimeToLive(1).startEvent().userTask("work").name("Việc giao riêng")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        .deploy();
    // the shared filters are readable by everybody, as AuthorizationSynchronizer grants them
    var readFilters = engine.getAuthorizationService().createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL);
    readFilters.setUserId("*");
    readFilters.setResource(org.camunda.bpm.engine.authorization.Resources.FILTER);
    readFilters.setResourceId("*");
    readFilters.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(readFilters);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @BeforeEach
  @AfterEach
  void clean() {
    identity.clearAuthentication();
    engine.getAuthorizationService().createAuthorizationQuery()
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId("*").list()
        .forEach(a -> engine.getAuthorizationService().deleteAuthorization(a.getId()));
    filters.createFilterQuery().list().forEach(f -> filters.deleteFilter(f.getId()));
    engine.getRuntimeService().createProcessInstanceQuery().list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
  }

  @Test
  void aFreshDatabaseGetsTheFourFiltersMarkedAsTheProducts() {
    SyncReport report = new SyncReport();
    Map<String, String> ids = synchronizer().synchronize(report);

    assertThat(ids).containsOnlyKeys(TaskFilterSynchronizer.MY_TASKS, TaskFilterSynchronizer.AGENCY_TASKS,
        TaskFilterSynchronizer.DUE_SOON, TaskFilterSynchronizer.OVERDUE);
    assertThat(report.changes()).hasSize(4).allMatch(c -> c.startsWith("filter created"));
    Filter overdue = filters.getFilter(ids.get(TaskFilterSynchronizer.OVERDUE));
    assertThat(overdue.getProperties()).containsEntry(TaskFilterSynchronizer.PRODUCT_FILTER, "overdue")
        .containsEntry(TaskFilterSynchronizer.PRODUCT_FILTER_VERSION, 2)
        .containsEntry("description", "Công việc đã quá hạn xử lý của các nhóm tôi thuộc về và việc giao cho tôi");

    SyncReport again = new SyncReport();
    assertThat(synchronizer().synchronize(again)).isEqualTo(ids);
    assertThat(again.isEmpty()).as("%s", again).isTrue();
  }

  @Test
  void aSpecialistSeesTheOverdueWorkOfHisUnitAndHisOwnButNotAnotherAgencys() {
    String overdue = synchronizer().synchronize(new SyncReport()).get(TaskFilterSynchronizer.OVERDUE);
    Instant now = Instant.now();
    String stcOverdue = unitTask("STC-chuyen-vien", null, now.minus(Duration.ofDays(2)));
    String stcOverdueTakenByColleague = unitTask("STC-chuyen-vien", "stc-cv2", now.minus(Duration.ofDays(1)));
    unitTask("STC-chuyen-vien", null, now.plus(Duration.ofDays(3)));
    String sytOverdue = unitTask("SYT-chuyen-vien", null, now.minus(Duration.ofDays(5)));
    String mineAlone = personalTask("stc-cv", now.minus(Duration.ofHours(3)));
    personalTask("syt-cv", now.minus(Duration.ofHours(3)));

    identity.setAuthentication("stc-cv", List.of("STC-chuyen-vien"));
    assertThat(filters.<Task>list(overdue)).extracting(Task::getProcessInstanceId)
        .containsExactly(stcOverdue, stcOverdueTakenByColleague, mineAlone);
    assertThat(filters.count(overdue)).isEqualTo(3);

    identity.setAuthentication("syt-cv", List.of("SYT-chuyen-vien"));
    assertThat(filters.<Task>list(overdue)).extracting(Task::getProcessInstanceId)
        .containsExactlyInAnyOrder(sytOverdue, personalInstanceOf("syt-cv"));
    assertThat(filters.<Task>list(overdue)).extracting(Task::getProcessInstanceId).doesNotContain(stcOverdue);
  }

  @Test
  void anUpgradeBringsTheFirstReleasesFiltersToTheNewQueryAndLeavesOtherFiltersAlone() {
    Map<String, String> legacy = firstReleaseFilters();
    Filter usersOwn = filters.newTaskFilter(TaskFilterSynchronizer.OVERDUE);
    usersOwn.setOwner("vpubnd-cv");
    usersOwn.setQuery(tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
    usersOwn.setProperties(new HashMap<>(Map.of("description", "Công việc đã quá hạn xử lý")));
    filters.saveFilter(usersOwn);
    String usersOwnQuery = json(filters.getFilter(usersOwn.getId()));
    Instant now = Instant.now();
    String stcOverdue = unitTask("STC-chuyen-vien", null, now.minus(Duration.ofDays(2)));
    String sytOverdue = unitTask("SYT-chuyen-vien", null, now.minus(Duration.ofDays(2)));
    String overdueId = legacy.get(TaskFilterSynchronizer.OVERDUE);
    // the first release's "Quá hạn" showed a reader of every agency's tasks all of them
    grantReadOnAllTasks("VPUBND-chuyen-vien");
    identity.setAuthentication("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
    assertThat(filters.<Task>list(overdueId)).extracting(Task::getProcessInstanceId)
        .containsExactlyInAnyOrder(stcOverdue, sytOverdue);
    identity.clearAuthentication();

    // an administrator had adjusted "Việc của đơn vị" in Tasklist: it is his now
    Filter adjusted = filters.getFilter(legacy.get(TaskFilterSynchronizer.AGENCY_TASKS));
    Map<String, Object> adjustedProperties = new LinkedHashMap<>(adjusted.getProperties());
    adjustedProperties.put("description", "Việc của phòng");
    adjusted.setProperties(adjustedProperties);
    filters.saveFilter(adjusted);
    String adjustedQuery = json(adjusted);

    SyncReport report = new SyncReport();
    Map<String, String> ids = synchronizer().synchronize(report);

    // the same filters (ids, hence their READ grants and Tasklist's links), the outdated one on the new query
    assertThat(ids).isEqualTo(legacy);
    assertThat(report.changes()).containsExactly("filter marked Việc của tôi", "filter marked Sắp đến hạn",
        "filter updated Quá hạn v1 → v2");
    Filter upgraded = filters.getFilter(overdueId);
    assertThat(upgraded.getProperties()).containsEntry(TaskFilterSynchronizer.PRODUCT_FILTER_VERSION, 2)
        .containsEntry("description", "Công việc đã quá hạn xử lý của các nhóm tôi thuộc về và việc giao cho tôi")
        .containsEntry("priority", 5).containsEntry("color", "#ef4444");
    Filter agency = filters.getFilter(legacy.get(TaskFilterSynchronizer.AGENCY_TASKS));
    assertThat(agency.getProperties()).doesNotContainKey(TaskFilterSynchronizer.PRODUCT_FILTER)
        .containsEntry("description", "Việc của phòng");
    assertThat(json(agency)).isEqualTo(adjustedQuery);
    Filter stillUsersOwn = filters.getFilter(usersOwn.getId());
    assertThat(stillUsersOwn.getProperties()).doesNotContainKey(TaskFilterSynchronizer.PRODUCT_FILTER);
    assertThat(json(stillUsersOwn)).isEqualTo(usersOwnQuery);

    // Văn phòng UBND follows other units in Cockpit and the progress report, no longer in its "Quá hạn"
    identity.setAuthentication("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
    assertThat(filters.<Task>list(overdueId)).isEmpty();
    assertThat(filters.<Task>list(usersOwn.getId())).extracting(Task::getProcessInstanceId)
        .containsExactlyInAnyOrder(stcOverdue, sytOverdue);
    identity.setAuthentication("stc-cv", List.of("STC-chuyen-vien"));
    assertThat(filters.<Task>list(overdueId)).extracting(Task::getProcessInstanceId).containsExactly(stcOverdue);
    identity.clearAuthentication();

    SyncReport again = new SyncReport();
    synchronizer().synchronize(again);
    assertThat(again.isEmpty()).as("%s", again).isTrue();
  }

  private Map<String, String> firstReleaseFilters() {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put(TaskFilterSynchronizer.MY_TASKS, legacyFilter(TaskFilterSynchronizer.MY_TASKS, "Công việc đang giao cho tôi",
        -10, "#3b82f6", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
    ids.put(TaskFilterSynchronizer.AGENCY_TASKS, legacyFilter(TaskFilterSynchronizer.AGENCY_TASKS,
        "Công việc của các nhóm tôi thuộc về, kể cả việc đã có người nhận", -5, "#10b981",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()));
    ids.put(TaskFilterSynchronizer.DUE_SOON, legacyFilter(TaskFilterSynchronizer.DUE_SOON,
        "Công việc đến hạn trong 3 ngày làm việc tới", 0, "#f59e0b", tasks.createTaskQuery()
            .dueAfterExpression("${now()}").dueBeforeExpression("${workingDaysFromNow(3)}")));
    ids.put(TaskFilterSynchronizer.OVERDUE, legacyFilter(TaskFilterSynchronizer.OVERDUE, "Công việc đã quá hạn xử lý",
        5, "#ef4444", tasks.createTaskQuery().dueBeforeExpression("${now()}")));
    return ids;
  }

  /** Exactly what the first release's synchroniser saved: no marker. */
  private String legacyFilter(String name, String description, int priority, String color,
      org.camunda.bpm.engine.task.TaskQuery query) {
    Filter filter = filters.newTaskFilter(name);
    filter.setQuery(query.orderByDueDate().asc());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    filter.setProperties(properties);
    return filters.saveFilter(filter).getId();
  }

  private void grantReadOnAllTasks(String group) {
    var auth = engine.getAuthorizationService().createNewAuthorization(
        org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(group);
    auth.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
    auth.setResourceId("*");
    auth.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(auth);
  }

  private static String json(Filter filter) {
    return new org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter()
        .toJson((org.camunda.bpm.engine.impl.TaskQueryImpl) filter.getQuery());
  }

  private TaskFilterSynchronizer synchronizer() {
    return new TaskFilterSynchronizer(filters, tasks);
  }

  private String unitTask(String group, String assignee, Instant due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("group", group);
    variables.put("assignee", assignee);
    variables.put("due", Date.from(due));
    return engine.getRuntimeService().startProcessInstanceByKey("unit-task", variables).getId();
  }

  private String personalTask(String assignee, Instant due) {
    return engine.getRuntimeService().startProcessInstanceByKey("personal-task",
        Map.of("assignee", assignee, "due", Date.from(due))).getId();
  }

  private String personalInstanceOf(String assignee) {
    return tasks.createTaskQuery().processDefinitionKey("personal-task").taskAssignee(assignee).singleResult()
        .getProcessInstanceId();
  }
}
