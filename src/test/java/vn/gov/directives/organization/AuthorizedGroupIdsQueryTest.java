package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.directives.support.TestDatabase;

/**
 * The loose index scan that replaces Camunda's "which groups have any authorization" on PostgreSQL: two engines on
 * the same embedded PostgreSQL database, one with {@link AuthorizedGroupIdsQuery} and one with Camunda's own
 * statement, must give every user exactly the same tasks, through plain task queries and the product's filters.
 */
class AuthorizedGroupIdsQueryTest {

  private static HikariDataSource dataSource;
  private static ProcessEngine loose;
  private static ProcessEngine camunda;
  private static final Map<String, String> instances = new LinkedHashMap<>();

  @BeforeAll
  static void twoEnginesOnOneDatabase() {
    TestDatabase.server();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestDatabase.postgresUrl("authorized-group-ids"));
    dataSource.setUsername(TestDatabase.USER);
    dataSource.setPassword("");
    dataSource.setMaximumPoolSize(6);
    loose = engine("loose-group-scan", List.of(new AuthorizedGroupIdsQuery(true)));
    camunda = engine("camunda-group-scan", List.of());

    loose.getRepositoryService().createDeployment()
        .addModelInstance("unit-task.bpmn", Bpmn.createExecutableProcess("unit-task").camundaHistoryTimeToLive(1)
            .startEvent().userTask("work").name("Xử lý việc").camundaCandidateGroups("${group}")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        .addModelInstance("personal-task.bpmn", Bpmn.createExecutableProcess("personal-task")
            .camundaHistoryTimeToLive(1).startEvent().userTask("work").name("Việc giao riêng")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        .deploy();
    Instant now = Instant.now();
    // Camunda writes one authorization per task and candidate group, and one per assignee
    instances.put("stc overdue", unitTask("STC-chuyen-vien", null, now.minus(Duration.ofDays(2))));
    instances.put("stc overdue, taken by a colleague", unitTask("STC-chuyen-vien", "stc-cv2", now.minus(Duration.ofDays(1))));
    instances.put("stc later", unitTask("STC-chuyen-vien", null, now.plus(Duration.ofDays(3))));
    instances.put("syt overdue", unitTask("SYT-chuyen-vien", null, now.minus(Duration.ofDays(5))));
    instances.put("syt leaders", unitTask("SYT-lanh-dao", null, now.plus(Duration.ofDays(1))));
    instances.put("stc-cv alone", personalTask("stc-cv", now.minus(Duration.ofHours(3))));
    instances.put("syt-cv alone", personalTask("syt-cv", now.minus(Duration.ofHours(3))));
    // a group granted every task, and one authorization of a user (GROUP_ID_ null), as the organisation sync writes
    grant("VPUBND-chuyen-vien", null, Resources.TASK, "*", Permissions.READ);
    grant(null, "anlao-ld", Resources.TASK, "*", Permissions.READ);
  }

  @AfterAll
  static void close() {
    camunda.close();
    loose.close();
    dataSource.close();
  }

  @Test
  void onPostgresqlCamundasStatementIsMappedToTheLooseScanInThisEngineOnly() {
    assertThat(configuration(loose).getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT))
        .isEqualTo(AuthorizedGroupIdsQuery.STATEMENT);
    assertThat(configuration(camunda).getDbSqlSessionFactory()
        .mapStatement(AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT)).isEqualTo(AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT);
    // Camunda's other PostgreSQL statements are still mapped
    assertThat(configuration(loose).getDbSqlSessionFactory().mapStatement("selectByteArray"))
        .isEqualTo("selectByteArray_postgres");
  }

  @Test
  void theLooseScanFindsExactlyTheGroupsThatHaveAnAuthorization() {
    List<String> asked = List.of("STC-chuyen-vien", "SYT-chuyen-vien", "SYT-lanh-dao", "VPUBND-chuyen-vien",
        "NO-AUTHORIZATION-group", "camunda-admin");
    List<String> fromLoose = authorizedGroups(loose, asked);
    assertThat(fromLoose).containsExactlyInAnyOrder("STC-chuyen-vien", "SYT-chuyen-vien", "SYT-lanh-dao",
        "VPUBND-chuyen-vien");
    assertThat(fromLoose).containsExactlyInAnyOrderElementsOf(authorizedGroups(camunda, asked));
    List<String> all = new ArrayList<>(configuration(loose).getCommandExecutorTxRequired().execute(
        (Command<List<String>>) context -> context.getDbEntityManager().selectList(
            AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT)));
    List<String> camundas = new ArrayList<>(configuration(camunda).getCommandExecutorTxRequired().execute(
        (Command<List<String>>) context -> context.getDbEntityManager().selectList(
            AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT)));
    camundas.remove(null); // Camunda's DISTINCT keeps the NULL of user authorizations; the engine drops it
    assertThat(all).doesNotContainNull().containsExactlyInAnyOrderElementsOf(camundas);
  }

  @Test
  void everyUserSeesExactlyTheTasksHeSawWithCamundasStatement() {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("stc-cv", List.of("STC-chuyen-vien"));
    users.put("stc-cv2", List.of("STC-chuyen-vien"));
    users.put("syt-cv", List.of("SYT-chuyen-vien", "NO-AUTHORIZATION-group"));
    users.put("syt-ld", List.of("SYT-lanh-dao", "SYT-chuyen-vien"));
    users.put("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
    users.put("anlao-ld", List.of("ANLAO-lanh-dao"));
    users.put("nobody", List.of());
    for (Map.Entry<String, List<String>> user : users.entrySet()) {
      // the group filters refuse an empty group list (Camunda: "Candidate group list is empty"), on both engines
      for (String filter : user.getValue().isEmpty() ? List.of("all")
          : List.of("all", TaskFilterSynchronizer.AGENCY_TASKS, TaskFilterSynchronizer.OVERDUE)) {
        assertThat(visible(loose, user.getKey(), user.getValue(), filter))
            .as("%s, %s", user.getKey(), filter)
            .isEqualTo(visible(camunda, user.getKey(), user.getValue(), filter));
      }
    }
    // and what that is, for some of them
    assertThat(visible(loose, "stc-cv", users.get("stc-cv"), TaskFilterSynchronizer.OVERDUE))
        .containsExactly(instances.get("stc overdue"), instances.get("stc overdue, taken by a colleague"),
            instances.get("stc-cv alone"));
    assertThat(visible(loose, "syt-cv", users.get("syt-cv"), "all"))
        .containsExactlyInAnyOrder(instances.get("syt overdue"), instances.get("syt-cv alone"));
    assertThat(visible(loose, "vpubnd-cv", users.get("vpubnd-cv"), "all")).hasSize(instances.size());
    assertThat(visible(loose, "anlao-ld", users.get("anlao-ld"), "all")).hasSize(instances.size());
    assertThat(visible(loose, "nobody", users.get("nobody"), "all")).isEmpty();
  }

  @Test
  void h2KeepsCamundasStatement() {
    ProcessEngineConfigurationImpl h2 = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:authorized-group-ids-h2;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("authorized-group-ids-h2")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    h2.setProcessEnginePlugins(List.of(new AuthorizedGroupIdsQuery(true)));
    ProcessEngine engine = h2.buildProcessEngine();
    try {
      assertThat(h2.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT))
          .isEqualTo(AuthorizedGroupIdsQuery.CAMUNDA_STATEMENT);
    } finally {
      engine.close();
    }
  }

  /** Process instance ids of the tasks the user sees: every task, or the product filter's query, ordered by due. */
  private static List<String> visible(ProcessEngine engine, String user, List<String> groups, String filter) {
    var query = engine.getTaskService().createTaskQuery();
    if (filter.equals(TaskFilterSynchronizer.AGENCY_TASKS)) {
      query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
    } else if (filter.equals(TaskFilterSynchronizer.OVERDUE)) {
      query.or().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .taskAssigneeExpression("${currentUser()}").endOr().dueBeforeExpression("${now()}");
    }
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      List<Task> tasks = query.orderByDueDate().asc().orderByTaskId().asc().list();
      assertThat(query.count()).isEqualTo(tasks.size());
      return tasks.stream().map(Task::getProcessInstanceId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private static List<String> authorizedGroups(ProcessEngine engine, List<String> groups) {
    return configuration(engine).getCommandExecutorTxRequired().execute(
        (Command<List<String>>) context -> context.getAuthorizationManager().filterAuthenticatedGroupIds(groups));
  }

  private static ProcessEngine engine(String name,
      List<org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin> plugins) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneProcessEngineConfiguration()
        .setDataSource(dataSource)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setProcessEngineName(name)
        .setJobExecutorActivate(false)
        .setAuthorizationEnabled(true)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    // the filters' expressions, here in ad-hoc queries
    configuration.setEnableExpressionsInAdhocQueries(true);
    configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
    return configuration.buildProcessEngine();
  }

  private static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static String unitTask(String group, String assignee, Instant due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("group", group);
    variables.put("assignee", assignee);
    variables.put("due", Date.from(due));
    return loose.getRuntimeService().startProcessInstanceByKey("unit-task", variables).getId();
  }

  private static String personalTask(String assignee, Instant due) {
    return loose.getRuntimeService().startProcessInstanceByKey("personal-task",
        Map.of("assignee", assignee, "due", Date.from(due))).getId();
  }

  private static void grant(String group, String user, Resources resource, String resourceId,
      Permissions permission) {
    Authorization authorization = loose.getAuthorizationService().createNewAuthorization(
        Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setUserId(user);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    authorization.addPermission(permission);
    loose.getAuthorizationService().saveAuthorization(authorization);
  }
}
