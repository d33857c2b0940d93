package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.gov.directives.bench.BenchDatabase;

/**
 * The planner statistics of {@link TaskQueryIndexes} and the production server settings of README "PostgreSQL in
 * production" change how PostgreSQL joins the authorizations, never which tasks a user sees: "Quá hạn" and "Việc của
 * đơn vị" give every user of several agencies exactly the same tasks and counts before (no statistics, PostgreSQL's
 * defaults), after (statistics, production settings) and with the other join strategies forced — including tasks
 * taken by a colleague, a task of another unit assigned to the user, and a committee member's vote, assigned to him
 * without a candidate group. Run with -Dtest.database=postgres for the plans to differ; on H2 only the expected sets
 * are checked. Same configuration as DeploymentTest, so Spring reuses its context.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class TaskFilterResultsTest {

  private static final String UNIT_TASK = "filter-results-unit-task";
  private static final String VOTE = "filter-results-vote";

  /** User → the groups he is authenticated with. */
  private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

  static {
    USERS.put("stc-cv", List.of("STC-chuyen-vien"));
    USERS.put("stc-ld", List.of("STC-lanh-dao"));
    USERS.put("syt-cv", List.of("SYT-chuyen-vien"));
    USERS.put("stp-ld", List.of("STP-lanh-dao"));
    USERS.put("vpubnd-cv", List.of("VPUBND-chuyen-vien"));
  }

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired TaskQueryIndexes taskQueryIndexes;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  private Deployment deployment;
  private final Map<String, String> names = new HashMap<>();

  @BeforeEach
  void openTasks() {
    deployment = repositoryService.createDeployment().name("filter results test")
        .addModelInstance(UNIT_TASK + ".bpmn", Bpmn.createExecutableProcess(UNIT_TASK).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").name("Xử lý việc").camundaCandidateGroups("${group}")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        // like Task_MemberVote of assignment-regulation: assigned to the member, no candidate group
        .addModelInstance(VOTE + ".bpmn", Bpmn.createExecutableProcess(VOTE).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_MemberVote").name("Biểu quyết dự thảo Quyết định")
            .camundaAssignee("${assignee}").camundaDueDate("${due}").endEvent().done())
        .deploy();
    Instant now = Instant.now();
    for (String group : List.of("STC-chuyen-vien", "SYT-chuyen-vien", "STC-lanh-dao", "STP-lanh-dao")) {
      for (int i = 1; i <= 4; i++) {
        unitTask(group + " overdue " + i, group, null, now.minus(Duration.ofDays(i)));
        unitTask(group + " due later " + i, group, null, now.plus(Duration.ofDays(i)));
      }
    }
    unitTask("STC taken by a colleague", "STC-chuyen-vien", "stc-cv2", now.minus(Duration.ofHours(5)));
    unitTask("SYT task assigned to stc-cv", "SYT-chuyen-vien", "stc-cv", now.minus(Duration.ofHours(6)));
    vote("vote of stp-ld, overdue", "stp-ld", now.minus(Duration.ofHours(2)));
    vote("vote of stp-ld, open", "stp-ld", now.plus(Duration.ofDays(2)));
    vote("vote of stc-ld, overdue", "stc-ld", now.minus(Duration.ofHours(3)));
  }

  @AfterEach
  void removeTasks() throws SQLException {
    identityService.clearAuthentication();
    if (taskQueryIndexes.supportsStatisticsOnExpressions()) {
      databaseSettings(Map.of());
      taskQueryIndexes.ensure();
    }
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void everyUserSeesTheSameTasksWithAndWithoutThePlannerStatisticsAndTheProductionSettings() throws SQLException {
    Map<String, Map<String, List<String>>> after = seen();
    assertExpected(after);
    if (!taskQueryIndexes.supportsStatisticsOnExpressions()) {
      return; // H2: one planner, nothing to compare
    }
    databaseSettings(BenchDatabase.DEFAULT_SETTINGS);
    for (TaskQueryIndexes.PlannerStatistics statistics : TaskQueryIndexes.plannerStatistics()) {
      jdbc.execute("DROP STATISTICS IF EXISTS " + statistics.name());
      assertThat(taskQueryIndexes.exists(statistics)).isFalse();
    }
    jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
    Map<String, Map<String, List<String>>> before = seen();

    taskQueryIndexes.ensure();
    assertThat(TaskQueryIndexes.plannerStatistics()).allSatisfy(s -> assertThat(taskQueryIndexes.exists(s)).isTrue());
    databaseSettings(BenchDatabase.PRODUCTION_SETTINGS);
    Map<String, Map<String, List<String>>> production = seen();
    // the other ways to join: authorizations by index per task, identity links by index, no hashing
    Map<String, String> forced = new LinkedHashMap<>(BenchDatabase.PRODUCTION_SETTINGS);
    forced.put("enable_hashjoin", "off");
    forced.put("enable_material", "off");
    forced.put("enable_seqscan", "off");
    databaseSettings(forced);
    Map<String, Map<String, List<String>>> forcedJoins = seen();

    assertThat(before).isEqualTo(after);
    assertThat(production).isEqualTo(after);
    assertThat(forcedJoins).isEqualTo(after);
  }

  /** What a user must and must not see, whatever the plan. */
  private void assertExpected(Map<String, Map<String, List<String>>> seen) {
    assertThat(seen.get("stc-cv").get(TaskFilterSynchronizer.OVERDUE)).containsExactlyInAnyOrder(
        "STC-chuyen-vien overdue 1", "STC-chuyen-vien overdue 2", "STC-chuyen-vien overdue 3",
        "STC-chuyen-vien overdue 4", "STC taken by a colleague", "SYT task assigned to stc-cv");
    assertThat(seen.get("stp-ld").get(TaskFilterSynchronizer.OVERDUE)).containsExactlyInAnyOrder(
        "STP-lanh-dao overdue 1", "STP-lanh-dao overdue 2", "STP-lanh-dao overdue 3", "STP-lanh-dao overdue 4",
        "vote of stp-ld, overdue");
    assertThat(seen.get("stc-ld").get(TaskFilterSynchronizer.OVERDUE)).contains("vote of stc-ld, overdue")
        .doesNotContain("vote of stp-ld, overdue", "STC-chuyen-vien overdue 1");
    assertThat(seen.get("syt-cv").get(TaskFilterSynchronizer.OVERDUE)).hasSize(5)
        .contains("SYT task assigned to stc-cv").noneMatch(name -> name.startsWith("STC"));
    assertThat(seen.get("vpubnd-cv").get(TaskFilterSynchronizer.OVERDUE)).isEmpty();
    assertThat(seen.get("stc-cv").get(TaskFilterSynchronizer.AGENCY_TASKS)).hasSize(9)
        .contains("STC taken by a colleague", "STC-chuyen-vien due later 4");
  }

  /** Per user and filter: the names of the tasks of this test the filter lists, checked against its count. */
  private Map<String, Map<String, List<String>>> seen() {
    Map<String, Map<String, List<String>>> seen = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> user : USERS.entrySet()) {
      Map<String, List<String>> perFilter = new LinkedHashMap<>();
      identityService.setAuthentication(user.getKey(), user.getValue());
      try {
        for (String filter : List.of(TaskFilterSynchronizer.OVERDUE, TaskFilterSynchronizer.AGENCY_TASKS)) {
          String id = filterService.createTaskFilterQuery().filterName(filter).singleResult().getId();
          List<Task> tasks = filterService.list(id);
          assertThat(filterService.count(id)).as("%s %s", user.getKey(), filter).isEqualTo(tasks.size());
          List<String> ours = new ArrayList<>();
          for (Task task : tasks) {
            if (names.containsKey(task.getProcessInstanceId())) {
              ours.add(names.get(task.getProcessInstanceId()));
            }
          }
          perFilter.put(filter, new ArrayList<>(new TreeSet<>(ours)));
        }
      } finally {
        identityService.clearAuthentication();
      }
      seen.put(user.getKey(), perFilter);
    }
    return seen;
  }

  /** This database's settings for new connections; the pool's connections are replaced. */
  private void databaseSettings(Map<String, String> settings) throws SQLException {
    String database = jdbc.queryForObject("SELECT current_database()", String.class);
    jdbc.execute("ALTER DATABASE " + database + " RESET ALL");
    settings.forEach((name, value) -> jdbc.execute("ALTER DATABASE " + database + " SET " + name + " = '" + value
        + "'"));
    dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      // a connection opened now has the setting (the evicted ones close when they return to the pool)
      assertThat(jdbc.queryForObject("SHOW " + setting.getKey(), String.class)).as(setting.getKey())
          .isEqualTo(setting.getValue());
    }
  }

  private void unitTask(String name, String group, String assignee, Instant due) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("group", group);
    variables.put("assignee", assignee);
    variables.put("due", Date.from(due));
    names.put(runtimeService.startProcessInstanceByKey(UNIT_TASK, variables).getId(), name);
  }

  private void vote(String name, String member, Instant due) {
    names.put(runtimeService.startProcessInstanceByKey(VOTE, Map.of("assignee", member, "due", Date.from(due)))
        .getId(), name);
  }
}
