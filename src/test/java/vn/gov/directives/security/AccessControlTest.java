package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.gov.directives.document.DocumentService;
import vn.gov.directives.document.IssuedDocument;
import vn.gov.directives.support.ProcessTestSupport;

/**
 * Access to the running application through real HTTP, pair of roles by pair of roles: authentication of every
 * endpoint, per-agency task isolation, documents, process starts, monitoring without change rights, deployments
 * (admins only, never a script), webapp access per group, CSRF, session cookie and login throttling.
 *
 * <p>Agency B is Sở TT&TT (lead of three assignment-proposal instances), agency A Sở Y tế (outsider), the partners
 * Sở Nội vụ and Sở GD&ĐT. Setup goes through the Java API; every attack goes through HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:access-control;DB_CLOSE_DELAY=-1;MODE=LEGACY;NON_KEYWORDS=VALUE",
        "camunda.bpm.job-execution.enabled=false",
        "app.notices.demo=false"})
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest {

  static final String REST = "/engine-rest";
  static final String CLEAN_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Defs" targetNamespace="http://test">
        <bpmn:process id="security-clean" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="Start" />
          <bpmn:sequenceFlow id="Flow1" sourceRef="Start" targetRef="End" />
          <bpmn:endEvent id="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired DocumentService documents;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @LocalServerPort int port;

  final ObjectMapper json = new ObjectMapper();
  HttpCalls http;

  /** B's instance waiting at its drafting task. */
  ProcessInstance drafting;
  Task draftTask;
  /** B's instance waiting for its two partners' opinions. */
  ProcessInstance consulting;
  Task snvConsultation;
  Task sgddtConsultation;
  /** B's instance in Văn phòng UBND's review, with its Tờ trình issued. */
  ProcessInstance submitted;
  IssuedDocument submission;

  @BeforeAll
  void startProcessesOfAgencyB() {
    ProcessTestSupport.clock(LocalDate.of(2018, 12, 27), LocalTime.of(9, 0));
    try {
      drafting = startProposal("lead-access-1", List.of("SNV"));
      draftTask = only(drafting, "Task_DraftProposal");

      consulting = startProposal("lead-access-2", List.of("SNV", "SGDDT"));
      draft(consulting);
      snvConsultation = consultationOf(consulting, "SNV-chuyen-vien");
      sgddtConsultation = consultationOf(consulting, "SGDDT-chuyen-vien");

      submitted = startProposal("lead-access-3", List.of("SNV"));
      draft(submitted);
      completeAs("snv-cv", only(submitted, "Task_ConsultPartner"), Map.of("consultationOpinion", "agree"));
      completeAs("stttt-ld", only(submitted, "Task_ApproveProposal"), Map.of("directorDecision", "approve"));
      // the Tờ trình is issued asynchronously after the director's approval (no job executor in this test)
      ProcessTestSupport.runDueJobs(management);
      submission = documents.listForProcessInstance(submitted.getId()).stream()
          .filter(document -> document.type().equals("TO_TRINH")).findFirst().orElseThrow();
    } finally {
      ClockUtil.reset();
    }
  }

  @BeforeEach
  void thisContextsEngineAnswersRest() {
    // Every Spring test context registers an engine named "default" in Camunda's static registry, which
    // /engine-rest and the webapps use: make sure it is this context's engine.
    if (ProcessEngines.getDefaultProcessEngine() != engine) {
      ProcessEngines.registerProcessEngine(engine);
    }
    http = new HttpCalls(port);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identity.clearAuthentication();
  }

  // ---------------------------------------------------------------- authentication of every endpoint

  @Test
  void anonymousCallsAreRefusedEverywhereExceptLoginPagesStaticAssetsAndHealth() throws Exception {
    for (String path : List.of(REST + "/task", REST + "/deployment", REST + "/process-instance", REST + "/user",
        REST + "/history/process-instance", REST + "/process-definition/key/plan-approval/xml",
        "/api/notices", "/api/documents?processInstanceId=" + submitted.getId(),
        "/api/documents/" + submission.id() + "/pdf", "/api/reminders?processInstanceId=" + submitted.getId(),
        "/actuator/metrics", "/actuator/info", "/actuator/metrics/jvm.memory.used")) {
      assertThat(http.get(path, null).statusCode()).as("anonymous GET " + path).isEqualTo(401);
    }
    assertThat(http.post("/api/notices", null, "{}").statusCode()).isEqualTo(401);
    assertThat(http.deploy(REST, null, null, "x.bpmn", CLEAN_BPMN).statusCode()).isEqualTo(401);
    // the webapps' own API needs their session
    assertThat(http.get("/camunda/api/engine/engine/default/task", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics", null)
        .statusCode()).isIn(401, 403);

    // open: the login page and its assets, and the health status without any detail
    HttpResponse<String> loginPage = http.get("/camunda/app/tasklist/default/", null);
    assertThat(loginPage.statusCode()).isEqualTo(200);
    assertThat(loginPage.body()).contains("<html");
    assertThat(http.get("/camunda/app/tasklist/scripts/config.js", null).statusCode()).isEqualTo(200);
    HttpResponse<String> health = http.get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode status = json.readTree(health.body());
    assertThat(status.get("status").asText()).isEqualTo("UP");
    assertThat(status.has("components")).as(health.body()).isFalse();
    assertThat(status.has("details")).isFalse();
  }

  @Test
  void healthDetailsAndMetricsAreForAdminsOnly() throws Exception {
    HttpResponse<String> adminHealth = http.get("/actuator/health", "demo");
    assertThat(adminHealth.statusCode()).isEqualTo(200);
    assertThat(json.readTree(adminHealth.body()).get("components").has("db")).as(adminHealth.body()).isTrue();
    assertThat(http.get("/actuator/metrics", "demo").statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/metrics/jvm.memory.used", "demo").statusCode()).isEqualTo(200);

    for (String user : List.of("syt-cv", "ubnd-ld", "vpubnd-ld")) {
      HttpResponse<String> health = http.get("/actuator/health", user);
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(json.readTree(health.body()).has("components")).as(user + ": " + health.body()).isFalse();
      HttpResponse<String> metrics = http.get("/actuator/metrics", user);
      assertThat(metrics.statusCode()).as(user).isEqualTo(403);
      assertThat(metrics.body()).contains("Chỉ quản trị hệ thống");
    }
    // wrong credentials are refused, even on the public endpoint (no silent downgrade to anonymous)
    assertThat(http.get("/actuator/health", "nobody-here", "x").statusCode()).isEqualTo(401);
  }

  // ---------------------------------------------------------------- agency A against agency B's tasks

  @Test
  void aSpecialistOfAnotherAgencyCannotListReadClaimCompleteOrReadTheVariablesOfItsTasks() throws Exception {
    String task = REST + "/task/" + draftTask.getId();
    // control: B's own specialist can
    assertThat(taskIds(http.get(REST + "/task?processInstanceId=" + drafting.getId(), "stttt-cv")))
        .containsExactly(draftTask.getId());
    assertThat(http.get(task + "/variables", "stttt-cv").statusCode()).isEqualTo(200);

    assertThat(taskIds(http.get(REST + "/task", "syt-cv"))).doesNotContain(draftTask.getId(),
        snvConsultation.getId(), sgddtConsultation.getId());
    assertThat(json.readTree(http.get(REST + "/task/count", "syt-cv").body()).get("count").asInt()).isZero();
    assertThat(http.get(task, "syt-cv").statusCode()).isIn(403, 404);
    assertThat(http.get(task + "/variables", "syt-cv").statusCode()).isEqualTo(403);
    assertThat(http.get(task + "/variables/leadAgency", "syt-cv").statusCode()).isEqualTo(403);
    assertThat(http.get(task + "/form-variables", "syt-cv").statusCode()).isEqualTo(403);
    assertThat(http.post(task + "/claim", "syt-cv", "{\"userId\":\"syt-cv\"}").statusCode()).isEqualTo(403);
    assertThat(http.post(task + "/assignee", "syt-cv", "{\"userId\":\"syt-cv\"}").statusCode()).isEqualTo(403);
    assertThat(http.post(task + "/complete", "syt-cv", "{\"variables\":{}}").statusCode()).isEqualTo(403);
    assertThat(http.post(task + "/submit-form", "syt-cv", "{\"variables\":{}}").statusCode()).isEqualTo(403);
    assertThat(http.post(task + "/identity-links", "syt-cv",
        "{\"groupId\":\"SYT-chuyen-vien\",\"type\":\"candidate\"}").statusCode()).isEqualTo(403);
    assertThat(http.put(task + "/variables/leadAgency", "syt-cv", "{\"value\":\"SYT\",\"type\":\"String\"}")
        .statusCode()).isEqualTo(403);
    // nor the instance's variables and history
    assertThat(http.get(REST + "/process-instance/" + drafting.getId() + "/variables", "syt-cv").statusCode())
        .isEqualTo(403);
    assertThat(json.readTree(http.get(REST + "/process-instance?processInstanceIds=" + drafting.getId(), "syt-cv")
        .body())).isEmpty();
    assertThat(json.readTree(http.get(REST + "/history/variable-instance?processInstanceId=" + drafting.getId(),
        "syt-cv").body())).isEmpty();
    assertThat(json.readTree(http.get(REST + "/history/task?processInstanceId=" + drafting.getId(), "syt-cv")
        .body())).isEmpty();

    // nothing changed
    Task now = tasks.createTaskQuery().taskId(draftTask.getId()).singleResult();
    assertThat(now).isNotNull();
    assertThat(now.getAssignee()).isNull();
    assertThat(runtime.getVariable(drafting.getId(), "leadAgency")).isEqualTo("STTTT");
  }

  @Test
  void aPartnerAgencySeesOnlyItsOwnConsultationTask() throws Exception {
    assertThat(taskIds(http.get(REST + "/task", "snv-cv"))).containsExactly(snvConsultation.getId());
    assertThat(taskIds(http.get(REST + "/task", "sgddt-cv"))).containsExactly(sgddtConsultation.getId());
    assertThat(http.get(REST + "/task/" + snvConsultation.getId() + "/form-variables", "snv-cv").statusCode())
        .isEqualTo(200);
    // neither the other partner's task nor the lead's
    assertThat(http.get(REST + "/task/" + sgddtConsultation.getId() + "/variables", "snv-cv").statusCode())
        .isEqualTo(403);
    assertThat(http.post(REST + "/task/" + sgddtConsultation.getId() + "/complete", "snv-cv",
        "{\"variables\":{\"consultationOpinion\":{\"value\":\"agree\"}}}").statusCode()).isEqualTo(403);
    assertThat(http.get(REST + "/task/" + draftTask.getId() + "/variables", "snv-cv").statusCode())
        .isEqualTo(403);
    // the partner's leader is not a candidate either
    assertThat(taskIds(http.get(REST + "/task", "snv-ld"))).isEmpty();
    assertThat(tasks.createTaskQuery().taskId(sgddtConsultation.getId()).count()).isOne();
  }

  @Test
  void documentsAreForParticipantsAndFollowersOnly() throws Exception {
    String list = "/api/documents?processInstanceId=" + submitted.getId();
    String pdf = "/api/documents/" + submission.id() + "/pdf";
    for (String outsider : List.of("syt-cv", "syt-ld", "sgddt-cv")) {
      HttpResponse<String> listed = http.get(list, outsider);
      assertThat(listed.statusCode()).as(outsider).isEqualTo(403);
      assertThat(listed.body()).doesNotContain(submission.id());
      HttpResponse<String> download = http.get(pdf, outsider);
      assertThat(download.statusCode()).as(outsider).isEqualTo(403);
      assertThat(download.body()).doesNotContain("%PDF");
      assertThat(http.get("/api/documents/" + submission.id() + "/docx", outsider).statusCode()).isEqualTo(403);
    }
    // participants (lead specialist, consulted partner) and followers (Văn phòng UBND, the committee)
    for (String allowed : List.of("stttt-cv", "snv-cv", "vpubnd-cv", "ubnd-ld", "demo")) {
      HttpResponse<String> download = http.get(pdf, allowed);
      assertThat(download.statusCode()).as(allowed).isEqualTo(200);
      assertThat(download.body()).startsWith("%PDF");
    }
    // a guessed id or a path is "not found", never a file
    assertThat(http.get("/api/documents/1/pdf", "syt-cv").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/documents/..%2F..%2Fetc%2Fpasswd/pdf", "syt-cv").statusCode()).isIn(400, 404);
  }

  @Test
  void specialistsCannotStartProcessesMeantForOthersNorRegisterNotices() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    assertThat(http.post(REST + "/process-definition/key/plan-approval/start", "syt-cv", "{}").statusCode())
        .isEqualTo(403);
    for (String user : List.of("syt-cv", "stttt-cv", "stttt-ld", "ubnd-ld")) {
      assertThat(http.post(REST + "/process-definition/key/notice-registration/start", user, "{}").statusCode())
          .as(user).isEqualTo(403);
      assertThat(http.post(REST + "/process-definition/key/notice-registration/submit-form", user,
          "{\"variables\":{}}").statusCode()).as(user).isEqualTo(403);
    }
    // assignment processes are started by the notice follow-up, never by hand
    assertThat(http.post(REST + "/process-definition/key/assignment-generic/start", "stttt-cv", "{}").statusCode())
        .isEqualTo(403);
    assertThat(http.post(REST + "/process-definition/key/notice-follow-up/start", "vpubnd-cv", "{}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> notice = http.post("/api/notices", "syt-cv", "{\"number\":\"1/TB-UBND\"}");
    assertThat(notice.statusCode()).isEqualTo(403);
    assertThat(http.post("/api/notices", "stttt-ld", "{\"number\":\"1/TB-UBND\"}").statusCode()).isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void nobodyButAdminsManagesUsersGroupsAuthorizationsOrFilters() throws Exception {
    for (String user : List.of("syt-cv", "ubnd-ld", "vpubnd-cv")) {
      assertThat(http.post(REST + "/authorization/create", user, "{\"type\":1,\"permissions\":[\"ALL\"],"
          + "\"userId\":\"" + user + "\",\"resourceType\":0,\"resourceId\":\"*\"}").statusCode()).as(user)
          .isEqualTo(403);
      assertThat(http.put(REST + "/group/camunda-admin/members/" + user, user, "").statusCode()).as(user)
          .isIn(403, 404);
      // the engine hides another user from one who may not read it: 404, not 403
      assertThat(http.put(REST + "/user/stttt-cv/credentials", user,
          "{\"password\":\"Chiem-Quyen-2019!\",\"authenticatedUserPassword\":\"demo\"}").statusCode()).as(user)
          .isIn(403, 404);
      assertThat(http.post(REST + "/user/create", user,
          "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}").statusCode()).as(user)
          .isEqualTo(403);
      assertThat(http.post(REST + "/filter/create", user,
          "{\"resourceType\":\"Task\",\"name\":\"all\",\"query\":{}}").statusCode()).as(user).isEqualTo(403);
    }
    assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
        .containsExactly("demo");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(identity.checkPassword("stttt-cv", "demo")).isTrue();
    // an expression smuggled into an ad-hoc query is not evaluated
    HttpResponse<String> expression = http.get(REST + "/task?dueAfterExpression="
        + java.net.URLEncoder.encode("${execution.getProcessEngineServices()}", "UTF-8"), "stttt-cv");
    assertThat(expression.statusCode()).isIn(400, 403);
    assertThat(expression.body()).containsIgnoringCase("expression");
  }

  // ---------------------------------------------------------------- monitoring and deployments

  @Test
  void leadersOfTheCommitteeAndItsOfficeMonitorButCannotChangeAnything() throws Exception {
    Deployment deployment = repository.createDeploymentQuery().list().stream()
        .filter(d -> repository.getDeploymentResourceNames(d.getId()).stream()
            .anyMatch(name -> name.endsWith("assignment-proposal.bpmn")))
        .findFirst().orElseThrow();
    for (String leader : List.of("ubnd-ld", "vpubnd-ld")) {
      assertThat(http.login("default", "cockpit", leader, "demo").loginResponse().statusCode()).as(leader)
          .isEqualTo(200);
      JsonNode instances = json.readTree(http.get(REST + "/process-instance?processDefinitionKey=assignment-proposal",
          leader).body());
      assertThat(instances.findValuesAsText("id")).contains(drafting.getId(), consulting.getId(), submitted.getId());
      assertThat(http.get(REST + "/process-instance/" + drafting.getId() + "/variables", leader).statusCode())
          .isEqualTo(200);
      assertThat(json.readTree(http.get(REST + "/history/process-instance?processInstanceId=" + submitted.getId(),
          leader).body())).hasSize(1);

      assertThat(http.deploy(REST, leader, "demo", "monitor.bpmn", CLEAN_BPMN).statusCode()).as(leader)
          .isEqualTo(403);
      // a deployment the leader may not read is "not found" to them
      assertThat(http.delete(REST + "/deployment/" + deployment.getId() + "?cascade=true", leader).statusCode())
          .isIn(403, 404);
      assertThat(http.put(REST + "/process-definition/key/assignment-proposal/suspended", leader,
          "{\"suspended\":true,\"includeProcessInstances\":true}").statusCode()).isEqualTo(403);
      assertThat(http.delete(REST + "/process-instance/" + drafting.getId(), leader).statusCode()).isEqualTo(403);
      assertThat(http.put(REST + "/process-instance/" + drafting.getId() + "/variables/leadAgency", leader,
          "{\"value\":\"SYT\",\"type\":\"String\"}").statusCode()).isEqualTo(403);
      assertThat(http.post(REST + "/process-instance/" + drafting.getId() + "/modification", leader,
          "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Task_DraftProposal\"}]}").statusCode())
          .isEqualTo(403);
      assertThat(http.post(REST + "/task/" + draftTask.getId() + "/complete", leader, "{\"variables\":{}}")
          .statusCode()).isEqualTo(403);
      assertThat(http.login("default", "admin", leader, "demo").loginResponse().statusCode()).isEqualTo(403);
    }
    assertThat(repository.createDeploymentQuery().deploymentId(deployment.getId()).count()).isOne();
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("assignment-proposal").active()
        .count()).isPositive();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(drafting.getId()).active().count()).isOne();
    assertThat(runtime.getVariable(drafting.getId(), "leadAgency")).isEqualTo("STTTT");
  }

  @Test
  void onlyAdminsDeploy() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    for (String user : List.of("stttt-cv", "stttt-ld", "vpubnd-cv")) {
      assertThat(http.deploy(REST, user, "demo", "clean.bpmn", CLEAN_BPMN).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

    HttpResponse<String> admin = http.deploy(REST, "demo", "demo", "clean.bpmn", CLEAN_BPMN);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
    String id = json.readTree(admin.body()).get("id").asText();
    repository.deleteDeployment(id, true);
  }

  @Test
  void anAdminDeployingAScriptTaskIsRefusedWithTheElementNamedAndNothingIsDeployed() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    String withScript = CLEAN_BPMN.replace("<bpmn:endEvent id=\"End\" />", """
        <bpmn:scriptTask id="Task_RunGroovy" scriptFormat="groovy">
            <bpmn:script>new File('/tmp/pwned').text = 'x'</bpmn:script>
          </bpmn:scriptTask>
          <bpmn:sequenceFlow id="Flow2" sourceRef="Task_RunGroovy" targetRef="End" />
          <bpmn:endEvent id="End" />""").replace("targetRef=\"End\" />\n    <bpmn:scriptTask",
        "targetRef=\"Task_RunGroovy\" />\n    <bpmn:scriptTask");
    HttpResponse<String> refused = http.deploy(REST, "demo", "demo", "script.bpmn",
        withScript.replace("<bpmn:sequenceFlow id=\"Flow1\" sourceRef=\"Start\" targetRef=\"End\" />",
            "<bpmn:sequenceFlow id=\"Flow1\" sourceRef=\"Start\" targetRef=\"Task_RunGroovy\" />"));
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 500);
    assertThat(refused.body()).contains("Không được triển khai mô hình chứa mã kịch bản")
        .contains("scriptTask trong phần tử 'Task_RunGroovy'");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("security-clean").count()).isZero();
  }

  @Test
  void scriptListenersConditionsAndMappingsAreRefusedToo() {
    Map<String, String> variants = new HashMap<>();
    variants.put("Start", CLEAN_BPMN.replace("<bpmn:startEvent id=\"Start\" />", """
        <bpmn:startEvent id="Start"><bpmn:extensionElements>
          <camunda:executionListener event="end"><camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script></camunda:executionListener>
        </bpmn:extensionElements></bpmn:startEvent>"""));
    variants.put("Task_Listen", CLEAN_BPMN.replace("targetRef=\"End\" />", "targetRef=\"Task_Listen\" />")
        .replace("<bpmn:endEvent id=\"End\" />", """
        <bpmn:userTask id="Task_Listen"><bpmn:extensionElements>
          <camunda:taskListener event="create"><camunda:script scriptFormat="groovy">println 1</camunda:script></camunda:taskListener>
        </bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="Flow2" sourceRef="Task_Listen" targetRef="End" />
        <bpmn:endEvent id="End" />"""));
    variants.put("Flow1", CLEAN_BPMN.replace("<bpmn:sequenceFlow id=\"Flow1\" sourceRef=\"Start\" targetRef=\"End\" />",
        """
        <bpmn:sequenceFlow id="Flow1" sourceRef="Start" targetRef="End">
          <bpmn:conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
        </bpmn:sequenceFlow>"""));
    variants.put("End", CLEAN_BPMN.replace("<bpmn:endEvent id=\"End\" />", """
        <bpmn:endEvent id="End"><bpmn:extensionElements><camunda:inputOutput>
          <camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter>
        </camunda:inputOutput></bpmn:extensionElements></bpmn:endEvent>"""));
    long deployments = repository.createDeploymentQuery().count();
    variants.forEach((elementId, bpmn) -> assertThatThrownBy(() -> repository.createDeployment()
            .addString("variant.bpmn", bpmn).deploy())
        .as(elementId)
        .hasMessageContaining("Không được triển khai mô hình chứa mã kịch bản")
        .hasMessageContaining("'" + elementId + "'"));
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void scriptEnginesAreSwitchedOff() {
    var configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    for (String language : List.of("groovy", "javascript", "js", "graal.js", "python", "juel")) {
      assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(
              context -> configuration.getScriptingEngines().getScriptEngineForLanguage(language)))
          .as(language).hasMessageContaining("đã bị tắt").hasMessageContaining(language);
    }
    assertThat(configuration.isEnableScriptEngineLoadExternalResources()).isFalse();
    assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
  }

  // ---------------------------------------------------------------- webapps: application access, CSRF, cookies

  @Test
  void webappsOpenPerGroupAsTheApplicationAuthorizationsAllow() throws Exception {
    assertThat(http.login("default", "tasklist", "syt-cv", "demo").loginResponse().statusCode()).isEqualTo(200);
    HttpResponse<String> cockpit = http.login("default", "cockpit", "syt-cv", "demo").loginResponse();
    assertThat(cockpit.statusCode()).isEqualTo(403);
    assertThat(cockpit.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    assertThat(http.login("default", "admin", "syt-cv", "demo").loginResponse().statusCode()).isEqualTo(403);
    assertThat(http.login("default", "cockpit", "stttt-ld", "demo").loginResponse().statusCode()).isEqualTo(403);
    assertThat(http.login("default", "cockpit", "vpubnd-cv", "demo").loginResponse().statusCode()).isEqualTo(200);
    assertThat(http.login("default", "admin", "demo", "demo").loginResponse().statusCode()).isEqualTo(200);
    assertThat(http.login("default", "cockpit", "demo", "demo").loginResponse().statusCode()).isEqualTo(200);
  }

  @Test
  void tasklistSessionCookieIsHttpOnlySameSiteAndItsApiRefusesAPostWithoutTheCsrfToken() throws Exception {
    HttpCalls.WebSession session = http.login("default", "tasklist", "sgddt-cv", "demo");
    assertThat(session.loginResponse().statusCode()).isEqualTo(200);
    String cookie = HttpCalls.setCookie(session.loginResponse(), "JSESSIONID");
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

    String claim = "/camunda/api/engine/engine/default/task/" + sgddtConsultation.getId() + "/claim";
    String body = "{\"userId\":\"sgddt-cv\"}";
    // a forged POST (a foreign page riding on the session) is refused, and the session is ended
    HttpResponse<String> forged = http.send(HttpRequest.newBuilder(http.url(claim))
        .header("Content-Type", "application/json").header("Cookie", session.cookies())
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(http.send(HttpRequest.newBuilder(http.url("/camunda/api/engine/engine/default/task/"
        + sgddtConsultation.getId())).header("Cookie", session.cookies())).statusCode()).isEqualTo(401);
    // a made-up token is no better
    session = http.login("default", "tasklist", "sgddt-cv", "demo");
    HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(http.url(claim))
        .header("Content-Type", "application/json").header("Cookie", session.cookies())
        .header("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(sgddtConsultation.getId()).singleResult().getAssignee()).isNull();

    // and the /api filter does not accept the session for a change either
    session = http.login("default", "tasklist", "sgddt-cv", "demo");
    assertThat(http.send(HttpRequest.newBuilder(http.url("/api/notices")).header("Content-Type", "application/json")
        .header("Cookie", session.cookies()).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode())
        .isEqualTo(401);

    HttpResponse<String> genuine = http.send(HttpRequest.newBuilder(http.url(claim))
        .header("Content-Type", "application/json").header("Cookie", session.cookies())
        .header("X-XSRF-TOKEN", session.csrfToken()).POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(sgddtConsultation.getId()).singleResult().getAssignee())
        .isEqualTo("sgddt-cv");
    tasks.setAssignee(sgddtConsultation.getId(), null);
  }

  // ---------------------------------------------------------------- login throttling

  @Test
  void wrongPasswordsDelayThenLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
    User user = identity.newUser("throttle-cv");
    user.setPassword("Dung-Mat-Khau-1");
    identity.saveUser(user);
    identity.createMembership("throttle-cv", "SYT-chuyen-vien");
    try {
      long now = System.currentTimeMillis();
      ClockUtil.setCurrentTime(new Date(now));
      assertThat(status("throttle-cv", "sai-1")).isEqualTo(401);
      // the right password right after a wrong one is refused: Camunda's login delay (3 s after the first failure)
      assertThat(status("throttle-cv", "Dung-Mat-Khau-1")).isEqualTo(401);
      ClockUtil.setCurrentTime(new Date(now += 61_000));
      assertThat(status("throttle-cv", "Dung-Mat-Khau-1")).isEqualTo(200);

      // 10 wrong passwords (each after its delay) lock the account for good
      for (int attempt = 1; attempt <= 10; attempt++) {
        ClockUtil.setCurrentTime(new Date(now += 61_000));
        assertThat(status("throttle-cv", "sai-" + attempt)).isEqualTo(401);
      }
      ClockUtil.setCurrentTime(new Date(now += 24 * 3_600_000L));
      assertThat(status("throttle-cv", "Dung-Mat-Khau-1")).isEqualTo(401);
      assertThat(http.login("default", "tasklist", "throttle-cv", "Dung-Mat-Khau-1").loginResponse().statusCode())
          .isEqualTo(401);

      assertThat(http.post(REST + "/user/throttle-cv/unlock", "syt-cv", "").statusCode()).isEqualTo(403);
      assertThat(http.post(REST + "/user/throttle-cv/unlock", "demo", "").statusCode()).isEqualTo(204);
      assertThat(status("throttle-cv", "Dung-Mat-Khau-1")).isEqualTo(200);
    } finally {
      ClockUtil.reset();
      identity.deleteUser("throttle-cv");
    }
  }

  // ---------------------------------------------------------------- helpers

  private int status(String user, String password) throws Exception {
    return http.get(REST + "/task", user, password).statusCode();
  }

  private List<String> taskIds(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(response.body()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private ProcessInstance startProposal(String leadId, List<String> partners) {
    Map<String, Object> variables = ProcessTestSupport.assignmentVariables(leadId, "3", "2019-01-31");
    variables.put("noticeId", "notice-access");
    variables.put("assignmentKind", "proposal");
    variables.put("assignmentTitle", "Đề xuất thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định");
    variables.put("leadAgency", "STTTT");
    variables.put("partners", new ArrayList<>(partners));
    variables.put("urgent", Boolean.TRUE);
    return runtime.startProcessInstanceByKey("assignment-proposal", variables);
  }

  private void draft(ProcessInstance proposal) {
    completeAs("stttt-cv", only(proposal, "Task_DraftProposal"), Map.of(
        "proposalTitle", "thành lập Ban Chỉ đạo xây dựng Chính quyền điện tử tỉnh Bình Định",
        "proposalContent", "Thực hiện Quyết định số 1072/QĐ-TTg ngày 28/8/2018 của Thủ tướng Chính phủ.",
        "draftDecision", "Thành lập Ban Chỉ đạo gồm 9 thành viên, do Chủ tịch UBND tỉnh làm Trưởng ban."));
  }

  private Task only(ProcessInstance instance, String key) {
    return ProcessTestSupport.onlyTask(tasks, instance.getId(), key);
  }

  private Task consultationOf(ProcessInstance instance, String group) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_ConsultPartner")
        .taskCandidateGroup(group).singleResult();
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    ProcessTestSupport.completeAs(identity, tasks, user, task, variables);
  }
}
