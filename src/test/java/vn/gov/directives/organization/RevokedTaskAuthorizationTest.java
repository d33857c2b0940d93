package vn.gov.directives.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A REVOKE authorization that an administrator creates in Camunda Admin (Authorizations → Task: type "REVOKE",
 * permission READ, for a user) takes the task out of that user's Tasklist at once and without a restart: task
 * queries check REVOKEs on every task ({@link TaskQueryAuthorizationCheck}), and Camunda's {@code auto} checks them in
 * every other command once one names the user (README "PostgreSQL in production"; {@code never} would ignore it). The user's colleagues still see the task, deleting the REVOKE brings it
 * back. Camunda's precedence (user before group before global; within one level GRANT before REVOKE) means that a
 * REVOKE for the task's own candidate group does not hide it from that group, which holds the engine's GRANT on the
 * task: to take a task away from a whole unit, an administrator deletes that GRANT or reassigns the task. Same
 * configuration as DeploymentTest, so Spring reuses its context; runs on H2 and with -Dtest.database=postgres.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:deployment;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
    "camunda.bpm.job-execution.enabled=false"})
class RevokedTaskAuthorizationTest {

  private static final String PROCESS = "revoked-task-authorization";
  private static final String GROUP = "STC-chuyen-vien";
  /** A colleague in the same group (authentication only names the groups; no such user needs to exist). */
  private static final String COLLEAGUE = "stc-cv-colleague";

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ProcessEngineConfigurationImpl engineConfiguration;

  private Deployment deployment;
  private final List<String> revokes = new ArrayList<>();
  private String hidden;
  private String visible;

  @BeforeEach
  void openTasks() {
    deployment = repositoryService.createDeployment().name("revoked task authorization test")
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Work").name("Xử lý việc").camundaCandidateGroups(GROUP)
            .camundaDueDate("${due}").endEvent().done())
        .deploy();
    hidden = startTask();
    visible = startTask();
  }

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    revokes.forEach(authorizationService::deleteAuthorization);
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void taskQueriesCheckRevokesOnEveryTask() {
    assertThat(TaskQueryAuthorizationCheck.installed(engineConfiguration)).isTrue();
    assertThat(engineConfiguration.getAuthorizationCheckRevokes())
        .isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
  }

  @Test
  void aUserRevokeHidesTheTaskFromThatUserOnlyUntilItIsDeleted() {
    assertThat(seenBy("stc-cv")).contains(hidden, visible);

    String revoke = revokeRead("stc-cv", null, hidden);

    assertThat(seenBy("stc-cv")).contains(visible).doesNotContain(hidden);
    assertThat(asUser("stc-cv", () -> taskService.createTaskQuery().taskId(hidden).count())).isZero();
    assertThat(seenBy(COLLEAGUE)).contains(hidden, visible);

    authorizationService.deleteAuthorization(revoke);
    revokes.remove(revoke);
    assertThat(seenBy("stc-cv")).contains(hidden, visible);
  }

  @Test
  void aUserWithARevokeStillWorksTheTasksHisGroupMayWork() {
    revokeRead("stc-cv", null, hidden);

    // every permission check now includes revokes: the task's own grant must still decide, not the process
    // definitions' READ (which once was a global row whose missing TASK_WORK counted as a global revoke)
    asUser("stc-cv", () -> {
      taskService.claim(visible, "stc-cv");
      taskService.setVariable(visible, "ketQua", "Đã xử lý");
      taskService.complete(visible);
      return null;
    });
    assertThat(taskService.createTaskQuery().taskId(visible).count()).isZero();
  }

  @Test
  void aGroupRevokeDoesNotOverrideTheGroupsOwnGrantOnTheTask() {
    revokeRead(null, GROUP, hidden);

    assertThat(seenBy("stc-cv")).contains(hidden, visible);
    assertThat(seenBy(COLLEAGUE)).contains(hidden, visible);
  }

  /** What Camunda Admin saves for "REVOKE READ on task {@code taskId}" for a user or a group. */
  private String revokeRead(String userId, String groupId, String taskId) {
    Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(userId);
    revoke.setGroupId(groupId);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(taskId);
    revoke.removePermission(Permissions.READ);
    String id = authorizationService.saveAuthorization(revoke).getId();
    revokes.add(id);
    return id;
  }

  /**
   * The ids of this test's tasks in the user's "Việc của đơn vị" filter, whose count must agree, and in a plain
   * task query (Tasklist's other views).
   */
  private List<String> seenBy(String user) {
    return asUser(user, () -> {
      String filterId = filterService.createTaskFilterQuery().filterName(TaskFilterSynchronizer.AGENCY_TASKS)
          .singleResult().getId();
      List<Task> inFilter = filterService.list(filterId);
      assertThat(filterService.count(filterId)).as("%s: count of the filter", user).isEqualTo(inFilter.size());
      List<String> ids = ours(inFilter);
      assertThat(ours(taskService.createTaskQuery().processDefinitionKey(PROCESS).list()))
          .as("%s: task query", user).containsExactlyInAnyOrderElementsOf(ids);
      return ids;
    });
  }

  private List<String> ours(List<Task> tasks) {
    return tasks.stream().map(Task::getId).filter(id -> id.equals(hidden) || id.equals(visible)).toList();
  }

  private <T> T asUser(String user, java.util.function.Supplier<T> action) {
    identityService.setAuthentication(user, List.of(GROUP));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private String startTask() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("due", Date.from(Instant.now().plus(Duration.ofDays(3))));
    String instance = runtimeService.startProcessInstanceByKey(PROCESS, variables).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }
}
